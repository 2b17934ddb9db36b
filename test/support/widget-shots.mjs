// Screenshots of the widget for a look by eye: node test/support/widget-shots.mjs [outdir]
// (after `npm run build`). Light, dark, 360 px wide, opt-out, German, right-to-left.
import http from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { executablePath, baseArgs } from './chromium.mjs';
import { vendors } from './widget-fixtures.mjs';

const out = process.argv[2] || '/tmp/consentry-shots';
const page = (config, lang = 'en', attrs = '') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
  `<script type="application/json" id="consentry-config">${JSON.stringify({ revision: 1, policyUrl: 'https://example.com/cookie-notice', vendors, ...config })}</script>` +
  `<script src="/dist/consentry.js" ${attrs}></script></head><body style="font:16px/1.5 Georgia,serif;margin:2rem">` +
  `<h1>Example shop</h1><p>${'Some page text under the banner. '.repeat(40)}</p></body></html>`;

const pages = new Map();
const server = http.createServer(async (req, res) => {
  const u = new URL(req.url, 'http://x');
  if (pages.has(u.pathname)) return res.end(pages.get(u.pathname));
  try {
    res.setHeader('content-type', 'text/javascript');
    res.end(await readFile('.' + u.pathname));
  } catch {
    res.statusCode = 404;
    res.end();
  }
});
await new Promise((r) => server.listen(0, r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath, args: baseArgs });
await mkdir(out, { recursive: true });

const shots = [
  ['banner-light', { ui: { theme: 'light' } }],
  ['banner-dark', { ui: { theme: 'dark' } }],
  ['banner-box', { ui: { theme: 'light', layout: 'box' } }],
  ['banner-modal', { ui: { theme: 'dark', layout: 'modal' } }],
  ['banner-optout', { ui: { theme: 'light' }, mode: { default: 'opt-out' } }],
  ['banner-de', { ui: { theme: 'light' } }, 'de'],
  ['banner-ar', { ui: { theme: 'light', layout: 'box' }, texts: { ar: { 'banner.title': 'نستخدم ملفات تعريف الارتباط' } } }, 'ar'],
  ['prefs-light', { ui: { theme: 'light' } }, 'en', true],
  ['prefs-dark', { ui: { theme: 'dark' } }, 'en', true],
];
for (const width of [1200, 360]) {
  for (const [name, config, lang, prefs] of shots) {
    const path = `/${name}-${width}`;
    pages.set(path, page(config, lang));
    const ctx = await browser.newContext({ viewport: { width, height: 800 }, reducedMotion: 'reduce' });
    const p = await ctx.newPage();
    await p.goto(base + path);
    await p.waitForFunction(() => document.getElementById('consentry-ui')?.shadowRoot.querySelector('.bn'));
    if (prefs) {
      await p.evaluate(() => window.consentry.show());
      await p.waitForFunction(() => document.getElementById('consentry-ui').shadowRoot.querySelector('.dlg details'));
      await p.evaluate(() => document.getElementById('consentry-ui').shadowRoot.querySelectorAll('details')[2].setAttribute('open', ''));
    }
    await p.screenshot({ path: `${out}${path}.png` });
    await ctx.close();
  }
}
await browser.close();
server.close();
console.log('screenshots in', out);
