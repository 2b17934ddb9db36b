// Chromium for end-to-end tests, with every request that would leave the machine intercepted:
// third-party URLs (https://…) are answered by stubs and recorded, so a test can count what a
// page asked a vendor for; anything else not on this machine is aborted (and recorded too).
// Host names under the reserved .test TLD count as this machine (map them with
// --host-resolver-rules), so a page can have a real domain with parents.
import { chromium } from 'playwright-core';
import { baseArgs, executablePath } from '../../support/chromium.mjs';

/** Stub answers, by URL: a script records that it ran in window.ran; HTML for frames; a pixel. */
export function defaultStub(url) {
  const u = new URL(url);
  if (/\.(gif|png)$|\/tr\b/.test(u.pathname)) return { contentType: 'image/gif', body: Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64') };
  if (/\/embed\//.test(u.pathname)) return { contentType: 'text/html', body: `<!doctype html><p id="vendor">${u.host}</p>` };
  return { contentType: 'application/javascript', body: `(window.ran=window.ran||[]).push(${JSON.stringify(u.host + u.pathname)});` };
}

/**
 * Starts Chromium. `args` are added to the usual ones (e.g. --host-resolver-rules).
 * `visitor({ stub })` opens a fresh context; `stub(url)` may return a custom answer or undefined.
 */
export async function launch({ args = [] } = {}) {
  const browser = await chromium.launch({ executablePath, args: [...baseArgs, ...args] });
  return {
    browser,
    async visitor({ stub } = {}) {
      const context = await browser.newContext();
      const requests = [];
      await context.route(
        (u) => u.protocol == 'https:' || !/^(127\.0\.0\.1|localhost)$|\.test$/.test(u.hostname),
        (route) => {
          const url = route.request().url();
          requests.push(url);
          if (!url.startsWith('https:')) return route.abort();
          const answer = (stub && stub(url)) || defaultStub(url);
          return route.fulfill({ status: 200, headers: { 'Cache-Control': 'no-store' }, ...answer });
        },
      );
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      return { context, page, requests, errors };
    },
    close: () => browser.close(),
  };
}

export { until } from './until.mjs';
