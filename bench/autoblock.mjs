#!/usr/bin/env node
// What auto-blocking costs a page, per inserted node, in real Chromium with and without the
// loader: 1,000 scripts and 1,000 images (createElement + src + appendChild into the document),
// and an innerHTML string of 1,000 images. Median of 5 runs after a warm-up; the
// MutationObserver's work is included. "vendor" URLs are on a host the configuration declares
// (held); "other" URLs are not (passed through).
//
// The figures are the page's own work, not the network's: the scripts carry a non-JavaScript
// type and the images are lazy in a hidden box, so the browser fetches none of them with or
// without the loader, while the gate still does everything it does for a real tag (hook, host
// match, hold, observer). A fetch costs the same with or without Consentry, and timing a
// thousand failing fetches only adds noise. Nothing leaves the machine either way.
// Run: npm run build && node bench/autoblock.mjs   (a few seconds; gives up after 30 s)
import { startServer } from '../test/e2e/support/server.mjs';
import { launch } from '../test/e2e/support/browser.mjs';

const RUNS = 5;
const config = {
  revision: 1,
  vendors: [
    { id: 'ga', name: 'Google Analytics', category: 'performance', hosts: ['www.google-analytics.com', 'www.googletagmanager.com'] },
    { id: 'ads', name: 'Ads', category: 'advertising', hosts: ['*.doubleclick.net', 'connect.facebook.net'] },
    { id: 'yt', name: 'YouTube', category: 'functional', hosts: ['www.youtube-nocookie.com'] },
  ],
};

const deadline = setTimeout(() => {
  console.error('bench/autoblock: took over 30 s, giving up');
  process.exit(1);
}, 30000);
const server = await startServer();
const chrome = await launch();
server.page('/consentry.json', config);
server.page('/with.html', '<!doctype html><script src="/dist/consentry.js" data-config="/consentry.json"></script><body>');
server.page('/without.html', '<!doctype html><body>');

/** Runs in the page: µs per node for one case. */
async function measure([kind, host]) {
  const box = document.createElement('div');
  box.style.display = 'none';
  document.body.appendChild(box);
  const t0 = performance.now();
  if (kind == 'html') {
    let s = '';
    for (let i = 0; i < 1000; i++) s += `<img loading="lazy" src="https://${host}/p${i}.gif" alt="">`;
    box.innerHTML = s;
  } else
    for (let i = 0; i < 1000; i++) {
      const el = document.createElement(kind);
      if (kind == 'script') el.type = 'text/x-inert';
      else el.loading = 'lazy';
      el.src = `https://${host}/t${i}`;
      box.appendChild(el);
    }
  await Promise.resolve(); // the MutationObserver's callback runs before this resumes
  const us = performance.now() - t0; // ms per 1,000 nodes = µs per node
  box.remove();
  return us;
}

const cases = [
  ['script', 'other', 'cdn.example.org'],
  ['script', 'vendor', 'www.googletagmanager.com'],
  ['img', 'other', 'cdn.example.org'],
  ['img', 'vendor', 'stats.g.doubleclick.net'],
  ['html', 'other', 'cdn.example.org'],
  ['html', 'vendor', 'stats.g.doubleclick.net'],
];
const median = (a) => a.sort((x, y) => x - y)[a.length >> 1];
const rows = cases.map(([kind, what]) => ({ insert: kind == 'html' ? 'innerHTML of 1,000 <img>' : `1,000 <${kind}>`, url: what }));
for (const variant of ['without', 'with']) {
  // One page per variant: cases run one after another, as on a page whose tags keep coming.
  const { page, context } = await chrome.visitor();
  await page.goto(`${server.url}/${variant}.html`);
  // Let the banner settle, so its rendering is not measured.
  if (variant == 'with') await page.waitForFunction(() => window.consentry && window.consentry.__core), await page.waitForTimeout(300);
  for (const [i, [kind, , host]] of cases.entries()) {
    await page.evaluate(measure, [kind, host]); // warm-up: the first run pays for compiling
    const runs = [];
    for (let r = 0; r < RUNS; r++) runs.push(await page.evaluate(measure, [kind, host]));
    rows[i][`${variant} loader (µs/node)`] = +median(runs).toFixed(2);
  }
  await context.close();
}
for (const row of rows) row['added (µs/node)'] = +(row['with loader (µs/node)'] - row['without loader (µs/node)']).toFixed(2);
console.table(rows);
clearTimeout(deadline);
await chrome.close();
await server.close();
