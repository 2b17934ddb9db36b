#!/usr/bin/env node
// `npm run bench:lighthouse`: an independent measurement of the bench site (bench/lib/site.mjs)
// with Lighthouse (its default mobile run: simulated slow 4G and 4x CPU), without a consent
// manager, with Consentry (baked) and with vanilla-cookieconsent 3, each on a first visit (no
// cookie) and as a returning visitor (the product's consent cookie set by clicking "Accept all"
// beforehand in the same browser). Reports LCP, TBT, CLS and the performance score, medians over
// LH_RUNS runs (default 1; LH_ONLY, a pattern on "<visit> <product>", runs only the rows it
// matches), and writes them into bench/results.json under "lighthouse" (the rest of
// the file, written by `npm run bench`, stays). Not part of `npm test`. Run `npm run build` first.
// Chromium is /usr/bin/chromium (CHROME_PATH), started by chrome-launcher as Lighthouse documents.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromium } from 'playwright-core';
import { writeFileSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './lib/server.mjs';
import { bakedSite, RESOLVER_RULES } from './lib/baked.mjs';
import { median } from './lib/stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Math.max(1, +process.env.LH_RUNS || 1);
const PRODUCTS = [
  { id: 'none', label: 'no consent manager' },
  { id: 'consentry-baked', label: 'Consentry (baked)', accept: 'button >> text=Accept all' },
  { id: 'consentry-config', label: 'Consentry (data-config)', accept: 'button >> text=Accept all' },
  { id: 'cc', label: 'vanilla-cookieconsent 3', accept: '#cc-main .cm [data-role=all]' },
];

const dir = bakedSite('lh');
const server = await startServer({ root, bakedDir: dir });
const origin = `http://127.0.0.1:${server.port}`;
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

/** One Lighthouse run in a fresh Chromium; `returning`: accept first, then keep the cookie. */
async function run(product, returning) {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', RESOLVER_RULES],
  });
  try {
    const url = `${origin}/page/${product.id}`;
    if (returning) {
      // The visitor's earlier view, in the same browser profile: the consent cookie stays.
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
      const page = await browser.contexts()[0].newPage();
      await page.goto(url);
      await page.locator(product.accept).first().click({ timeout: 15000 });
      await page.waitForFunction(() => (window.__ran || []).length > 0 || document.cookie.length > 0, null, { timeout: 15000 });
      await page.waitForTimeout(300);
      await page.close();
      await browser.close();
    }
    const r = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], disableStorageReset: returning });
    const a = r.lhr.audits;
    return {
      score: Math.round(r.lhr.categories.performance.score * 100),
      lcpMs: Math.round(a['largest-contentful-paint'].numericValue),
      tbtMs: Math.round(a['total-blocking-time'].numericValue),
      cls: +a['cumulative-layout-shift'].numericValue.toFixed(3),
      fcpMs: Math.round(a['first-contentful-paint'].numericValue),
    };
  } finally {
    await chrome.kill();
  }
}

const results = { date: new Date().toISOString(), lighthouse: JSON.parse(readFileSync(join(root, 'node_modules/lighthouse/package.json'), 'utf8')).version, runs: RUNS, mode: 'Lighthouse defaults: mobile, simulated throttling (slow 4G, 4x CPU)', rows: [] };
try {
  for (const visit of ['first', 'returning'])
    for (const p of PRODUCTS) {
      if (process.env.LH_ONLY && !new RegExp(process.env.LH_ONLY).test(visit + ' ' + p.id)) continue;
      if (visit == 'returning' && !p.accept) {
        results.rows.push({ product: p.id, label: p.label, visit, same: 'first' });
        continue;
      }
      const samples = [];
      for (let i = 0; i < RUNS; i++) samples.push(await run(p, visit == 'returning'));
      const m = (k) => median(samples.map((s) => s[k]));
      const row = { product: p.id, label: p.label, visit, score: m('score'), lcpMs: m('lcpMs'), tbtMs: m('tbtMs'), cls: m('cls'), fcpMs: m('fcpMs'), samples };
      results.rows.push(row);
      console.error(`${visit.padEnd(9)} ${p.label.padEnd(26)} score ${row.score}  LCP ${row.lcpMs} ms  TBT ${row.tbtMs} ms  CLS ${row.cls}  FCP ${row.fcpMs} ms`);
    }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

// Table for bench/README.md.
const lines = ['| visit | page | score | LCP | TBT | CLS |', '|---|---|---|---|---|---|'];
for (const r of results.rows)
  if (r.score != null) lines.push(`| ${r.visit} | ${r.label} | ${r.score} | ${r.lcpMs} ms | ${r.tbtMs} ms | ${r.cls} |`);
console.log(lines.join('\n'));
const file = join(root, 'bench/results.json');
const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
all.lighthouse = results;
writeFileSync(file, JSON.stringify(all, null, 1) + '\n');
console.log('bench/results.json: "lighthouse" written');
