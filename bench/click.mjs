#!/usr/bin/env node
// `node bench/click.mjs [rounds] [--cpu 4] [--banner]`: only the click "Accept all" → first gated tag
// figure (or, with --banner, only navigation start → banner visible), Consentry baked and data-config
// against vanilla-cookieconsent, interleaved, medians; a quick check while working on one path
// (`npm run bench` is the full comparison). Run `npm run build` first.
import { chromium } from 'playwright-core';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { executablePath, baseArgs } from '../test/support/chromium.mjs';
import { startServer } from './lib/server.mjs';
import { bakedSite, RESOLVER_RULES } from './lib/baked.mjs';
import { median } from './lib/stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const rounds = +(argv.find((a, i) => /^\d+$/.test(a) && argv[i - 1] != '--cpu') || 10);
const cpu = argv.includes('--cpu') ? +argv[argv.indexOf('--cpu') + 1] : 1;
const bannerOnly = argv.includes('--banner');
const products = { 'consentry-baked': null, 'consentry-config': null, cc: '#cc-main .cm [data-role=all]' };

const dir = bakedSite('click');
const server = await startServer({ root, bakedDir: dir });
const browser = await chromium.launch({ executablePath, headless: true, args: [...baseArgs, RESOLVER_RULES] });
const probe = readFileSync(new URL('./pages/probe.js', import.meta.url), 'utf8');
const got = Object.fromEntries(Object.keys(products).map((p) => [p, []]));
try {
  for (let i = 0; i < rounds; i++)
    for (const [p, sel] of Object.entries(products)) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await ctx.addInitScript(probe);
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
      await page.goto(`http://127.0.0.1:${server.port}/page/${p}`, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__bench.banner != null, null, { timeout: 20000 });
      if (bannerOnly) {
        got[p].push(await page.evaluate(() => __bench.banner));
        await ctx.close();
        continue;
      }
      await page.waitForTimeout(cpu > 1 ? 150 : 80);
      await (sel ? page.locator(sel) : page.getByRole('button', { name: /^\s*accept all\s*$/i })).first().click({ force: true });
      await page.waitForFunction(() => window.__ran.length > 0, null, { timeout: 20000 });
      got[p].push(await page.evaluate(() => __ran.find((r) => r[1] >= __bench.click)[1] - __bench.click));
      await ctx.close();
    }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
for (const p in got) console.log(`${p.padEnd(18)} median ${median(got[p]).toFixed(1)} ms  (${got[p].map((x) => x.toFixed(0)).join(' ')})`);
console.log(`ratio baked / cc ${(median(got['consentry-baked']) / median(got.cc)).toFixed(2)}×, config / cc ${(median(got['consentry-config']) / median(got.cc)).toFixed(2)}×`);
