// Chromium through playwright-core (Debian's /usr/bin/chromium, no download).
import { writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { baseArgs, executablePath, gpcArgs } from '../chromium.mjs';
import { cookieOf, makePage } from './page.mjs';

export const binary = executablePath;

export async function launchChromium({ gpc = false, proxy = null, ignoreHTTPSErrors = false, hosts = [] } = {}) {
  const args = [...(gpc ? gpcArgs : baseArgs)];
  // Loopback (127.0.0.1, localhost, *.localhost) stays direct: Chromium never proxies it by default.
  if (proxy) args.push(`--proxy-server=${proxy}`);
  if (hosts.length) args.push(`--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`);
  const browser = await chromium.launch({ executablePath, args });
  return {
    engine: 'chromium',
    version: browser.version(),
    /** A fresh visitor: its own context (no cookies, no storage), 1280×800. */
    async newPage({ width = 1280, height = 800 } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, ignoreHTTPSErrors });
      const pw = await context.newPage();
      const errors = [];
      pw.on('pageerror', (e) => errors.push(e.message));
      return makePage({
        engine: 'chromium',
        errors,
        raw: pw,
        goto: async (url) => void (await pw.goto(url)),
        reload: async () => void (await pw.reload()),
        addInitScript: (fn) => pw.addInitScript(fn),
        evaluate: (fn, args) => pw.evaluate(`(${fn})(...${JSON.stringify(args)})`),
        clickAt: (x, y) => pw.mouse.click(x, y),
        press: (key) => pw.keyboard.press(key),
        type: (text) => pw.keyboard.type(text),
        screenshot: async (path) => writeFile(path, await pw.screenshot()),
        url: async () => pw.url(),
        cookies: async () => (await context.cookies()).map(cookieOf),
        emulateMedia: (m) => pw.emulateMedia(m),
        setViewport: (w, h) => pw.setViewportSize({ width: w, height: h }),
        close: () => context.close(),
      });
    },
    close: () => browser.close(),
  };
}
