// Which pages a scan visits, and in what order: the start URL, then same-site links in the
// order they are found (breadth first) up to --pages, minus what robots.txt disallows. At most
// --concurrency browser pages are open at once; "before" passes go first, since they find the
// links and tell whether the page runs Consentry (and so gets the other two passes).
import { runPass } from './browser.mjs';
import { allowed, robotsFromResponse } from './robots.mjs';
import { siteOf } from './classify.mjs';

/** Links to files a browser would download or show raw: not pages. */
const NOT_A_PAGE = /\.(pdf|zip|gz|tgz|bz2|xz|rar|7z|dmg|exe|msi|pkg|deb|rpm|apk|iso|jpe?g|png|gif|webp|avif|svg|ico|bmp|tiff?|mp[34]|m4a|webm|mov|avi|wav|ogg|flac|csv|xlsx?|docx?|pptx?|odt|ods|json|xml|rss|atom|txt|woff2?|ttf|otf|css|js|mjs|map)$/i;
const IP_OR_LOCAL = /^(\d+\.\d+\.\d+\.\d+|\[.*\]|localhost)$/i;

/**
 * Whether `url` is on the same site as `base`: the same registrable domain over http(s), as
 * browsers draw sites; an IP address or localhost is a site per port.
 */
export function sameSite(url, base) {
  const u = new URL(url);
  const b = new URL(base);
  if (u.protocol != 'http:' && u.protocol != 'https:') return false;
  if (IP_OR_LOCAL.test(b.hostname) || IP_OR_LOCAL.test(u.hostname)) return u.host == b.host;
  return siteOf(u.hostname) == siteOf(b.hostname);
}

const PASSES = ['before', 'reject', 'accept'];

/**
 * Visits the site. `onProgress({ done, total, url, pass })` hears of each finished pass.
 * @returns {Promise<{ site: string, pages: object[], skipped: object[], robots: object[] }>}
 */
export async function crawl(browser, opts, onProgress = () => {}) {
  let base = opts.url;
  /** Pages in the order they were planned: { url, finalUrl, passes: {}, duplicateOf? } */
  const pages = [];
  const known = new Set([opts.url]);
  const skipped = [];
  const robots = new Map(); // origin → Promise<{ rules, note, status }>
  const queue = [];
  let done = 0;
  let startHasConsentry = true;
  const configs = new Map();

  /** robots.txt of an origin, fetched once through the browser's own network settings (proxy, TLS). */
  function robotsOf(origin) {
    if (!robots.has(origin))
      robots.set(
        origin,
        (async () => {
          const context = await browser.newContext({ ignoreHTTPSErrors: !!opts.ignoreHttpsErrors });
          try {
            const res = await context.request.get(origin + '/robots.txt', { timeout: opts.timeout, maxRedirects: 5 });
            return { ...robotsFromResponse(res.status(), await res.text()), status: res.status() };
          } catch {
            return { ...robotsFromResponse(0, ''), status: 0 };
          } finally {
            await context.close().catch(() => {});
          }
        })(),
      );
    return robots.get(origin);
  }

  /** Plans a link found on a page, if it is a new same-site page that robots.txt lets us visit. */
  async function plan(link, from) {
    let u;
    try {
      u = new URL(link);
    } catch {
      return;
    }
    u.hash = '';
    const url = u.href;
    if (known.has(url) || !sameSite(url, base) || NOT_A_PAGE.test(u.pathname)) return;
    known.add(url);
    if (pages.length >= opts.pages) return void skipped.push({ url, reason: 'limit', from });
    if (!opts.ignoreRobots) {
      const r = await robotsOf(u.origin);
      if (!allowed(r.rules, url)) return void skipped.push({ url, reason: r.note ? `robots: ${r.note}` : 'robots', from });
    }
    if (pages.length >= opts.pages) return void skipped.push({ url, reason: 'limit', from });
    const page = { url, finalUrl: url, passes: {} };
    pages.push(page);
    queue.push({ page, pass: 'before' });
  }

  const total = () => pages.reduce((n, p) => n + (p.duplicateOf || p.skip ? (p.passes.before ? 1 : 0) : p.passes.before ? (p.passes.before.consentry && p.passes.before.consentry.present ? 3 : 1) : startHasConsentry ? 3 : 1), 0);

  async function run({ page, pass }) {
    const r = await runPass(browser, page.url, pass, opts, configs);
    page.passes[pass] = r;
    if (pass == 'before') {
      page.finalUrl = r.finalUrl;
      if (page === pages[0]) {
        // A start URL that redirects (http → https, example.com → www.example.com) names the site by where it lands.
        if (r.finalUrl && /^https?:/.test(r.finalUrl)) base = r.finalUrl;
        startHasConsentry = !!(r.consentry && r.consentry.present);
      }
      const twin = pages.find((p) => p !== page && p.passes.before && p.finalUrl == r.finalUrl);
      if (twin) page.duplicateOf = twin.url;
      else if (r.finalUrl != page.url && !sameSite(r.finalUrl, base)) page.skip = 'redirects off the site';
      else if (r.contentType && !/html/i.test(r.contentType)) page.skip = `not a page (${r.contentType.split(';')[0]})`;
      else if (!r.error) {
        if (r.consentry && r.consentry.present) for (const p of PASSES.slice(1)) queue.push({ page, pass: p });
        for (const link of r.links) await plan(link, page.url);
      }
    }
    onProgress({ done: ++done, total: Math.max(total(), done), url: page.url, pass });
  }

  pages.push({ url: opts.url, finalUrl: opts.url, passes: {} });
  queue.push({ page: pages[0], pass: 'before' });
  await new Promise((resolve) => {
    let active = 0;
    const pump = () => {
      while (active < opts.concurrency && queue.length) {
        // "before" passes first: they find more pages, and the choice passes can wait.
        const i = queue.findIndex((t) => t.pass == 'before');
        const task = queue.splice(i < 0 ? 0 : i, 1)[0];
        active++;
        run(task)
          .catch((e) => (task.page.passes[task.pass] = { pass: task.pass, url: task.page.url, error: String(e.message || e), requests: [], cookies: [], storage: [], links: [] }))
          .finally(() => {
            active--;
            pump();
          });
      }
      if (!active && !queue.length) resolve();
    };
    pump();
  });

  const robotsList = [];
  for (const [origin, p] of robots) robotsList.push({ origin, ...(await p) });
  return { site: base, pages, skipped, robots: robotsList.map(({ origin, status, note, rules }) => ({ origin, status, note, rules: rules.length })) };
}
