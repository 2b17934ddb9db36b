// The Firefox column: the headline figures (time to banner, tags released for a returning
// visitor, click "Accept all" → first gated tag) for Consentry and vanilla-cookieconsent in the
// same engine, measured like the Chromium tables: the same server, pages and probe
// (bench/pages/probe.js, injected before any page script), each load a fresh visitor.
// Firefox ESR through puppeteer-core over WebDriver BiDi (test/support/engines).
// BENCH_FIREFOX_S (default 45; 0 turns the column off) is the share of the run's time budget it
// gets; BENCH_FIREFOX_ROUNDS (default 6) the rounds it aims for.
import { readFileSync } from 'node:fs';
import { launch, missing } from '../../test/support/engines/index.mjs';
import { vendorHost, vendors } from './site.mjs';
import { median, ratio, fmt, table } from './stats.mjs';

export const FIREFOX_MS = (process.env.BENCH_FIREFOX_S ? +process.env.BENCH_FIREFOX_S : 45) * 1000;
const ROUNDS = Math.max(1, +process.env.BENCH_FIREFOX_ROUNDS || 6);

const PRODUCTS = [
  { id: 'consentry-baked', label: 'Consentry baked', accept: 'button >> text=Accept all' },
  { id: 'consentry-config', label: 'Consentry data-config', accept: 'button >> text=Accept all' },
  { id: 'cc', label: 'vanilla-cookieconsent 3', accept: '#cc-main .cm [data-role=all]' },
];
const METRICS = [
  { key: 'bannerMs', label: 'nav start → banner visible (first visit)' },
  { key: 'returnTagsMs', label: 'nav start → all 10 gated tags ran (returning)' },
  { key: 'clickToTagMs', label: 'click "Accept all" → first gated tag ran' },
  { key: 'clickToAllMs', label: 'click "Accept all" → all 10 gated tags ran' },
];

const probe = readFileSync(new URL('../pages/probe.js', import.meta.url), 'utf8');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A page whose probe reports events ('banner', 'tag1', 'tags') to `wait(what, ms)`. */
async function probedPage(browser) {
  const page = await browser.newPage({ width: 1280, height: 800 });
  const got = new Set();
  const waiters = [];
  await page.raw.exposeFunction('__benchNotify', (what) => {
    got.add(what);
    for (const w of waiters) if (w.what === what) w.resolve(true);
  });
  await page.raw.evaluateOnNewDocument(probe);
  return {
    page,
    reset: () => got.clear(),
    wait: (what, ms) =>
      got.has(what) ? Promise.resolve(true) : new Promise((resolve) => (waiters.push({ what, resolve }), setTimeout(() => resolve(false), ms))),
  };
}

const bench = (page) => page.evaluate(() => ({ banner: window.__bench && window.__bench.banner, click: window.__bench && window.__bench.click, ran: (window.__ran || []).slice() }));

async function measure(browser, origin, product, notes) {
  const r = { product: product.id };
  const { page, wait, reset } = await probedPage(browser);
  try {
    const url = `${origin}/page/${product.id}`;
    await page.goto(url);
    const shown = await wait('banner', 4000);
    await sleep(80);
    r.bannerMs = shown ? (await bench(page)).banner : null;
    if (shown) await page.click(product.accept, { timeout: 3000 });
    await wait('tag1', 1500);
    await wait('tags', 1500);
    const s = await bench(page);
    const after = s.click != null ? s.ran.filter(([, t]) => t >= s.click) : [];
    r.clickToTagMs = after.length ? after[0][1] - s.click : null;
    r.clickToAllMs = after.length >= vendors.length ? after[vendors.length - 1][1] - s.click : null;
    // The returning visitor: same visitor (the consent cookie is set), a new page view.
    reset();
    await page.goto(url + '?visit=return');
    await wait('tags', 4000);
    const s3 = await bench(page);
    r.returnTagsMs = s3.ran.length >= vendors.length ? Math.max(...s3.ran.map(([, t]) => t)) : null;
  } catch (e) {
    notes.errors.length < 5 && notes.errors.push(`${product.id}: ${String(e.message).split('\n')[0]}`);
  } finally {
    await page.close().catch(() => {});
  }
  return r;
}

/**
 * Runs the Firefox rounds until `deadline` (epoch ms) would be passed; returns { text, data },
 * or null when Firefox is not installed.
 */
export async function firefoxTable({ origin, deadline, log }) {
  const why = missing('firefox');
  if (why) {
    log(`Firefox column skipped: ${why}`);
    return null;
  }
  const notes = { errors: [] };
  // The vendors' made-up hosts resolve to this machine, as in Chromium.
  const browser = await launch('firefox', { hosts: vendors.map(vendorHost) });
  const samples = [];
  let rounds = 0;
  let longest = 0;
  try {
    for (; rounds < ROUNDS; rounds++) {
      if (rounds >= 2 && Date.now() + longest > deadline) {
        log(`Firefox: time budget reached after ${rounds} rounds`);
        break;
      }
      const t = Date.now();
      for (const p of PRODUCTS) samples.push(await measure(browser, origin, p, notes));
      longest = Math.max(longest, Date.now() - t);
      log(`Firefox round ${rounds + 1}/${ROUNDS} done (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await browser.close().catch(() => {});
  }
  const med = Object.fromEntries(PRODUCTS.map((p) => [p.id, Object.fromEntries(METRICS.map((m) => [m.key, median(samples.filter((s) => s.product === p.id).map((s) => s[m.key]))]))]));
  const rat = Object.fromEntries(PRODUCTS.slice(0, 2).map((c) => [`${c.id}/cc`, Object.fromEntries(METRICS.map((m) => [m.key, ratio(med[c.id][m.key], med.cc[m.key])]))]));
  const count = (id, key) => samples.filter((s) => s.product === id && s[key] != null).length;
  const rows = [['median (n = rounds with a value)', ...PRODUCTS.map((p) => p.label), 'baked / cc', 'config / cc']];
  for (const m of METRICS) rows.push([m.label, ...PRODUCTS.map((p) => fmt(med[p.id][m.key], 'ms')), ...Object.values(rat).map((x) => fmt(x[m.key], 'x'))]);
  rows.push(['rounds (banner seen / tags released)', ...PRODUCTS.map((p) => `${rounds} (${count(p.id, 'bannerMs')}/${count(p.id, 'returnTagsMs')})`), '', '']);
  const title = `Table 3: Firefox ${browser.version.replace(/^firefox\//, '')}, headline figures, no CPU throttling, loopback network — ${rounds} rounds`;
  if (notes.errors.length) log(`Firefox: errors (first ${notes.errors.length}):\n  ` + notes.errors.join('\n  '));
  return { text: `\n${title}\n${table(rows)}\n`, data: { title, firefox: browser.version, rounds, medians: med, ratios: rat, errors: notes.errors, samples } };
}
