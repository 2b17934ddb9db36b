#!/usr/bin/env node
// `node bench/trace.mjs [product] [--cpu 4] [--phase click|banner] [--out trace.json]`: a Chromium
// performance trace of one page view of the bench site (bench/lib/site.mjs), summarised as the
// main thread's tasks and the requests, so where the time goes is read rather than guessed.
//   product  consentry-baked (default), consentry-config, cc, klaro
//   --phase click   (default) from the click on "Accept all" to the first gated tag that ran
//   --phase banner  from navigation start to the banner's first visible frame
//   --cpu N         CDP CPU throttling (as the bench's Table 2 with 4)
//   --out FILE      also write the raw trace (open it in chrome://tracing or DevTools)
//   --profile       instead of the task list, a V8 CPU profile of the same phase (100 µs samples):
//                   self time per function (file:line:column of the built file)
// Run `npm run build` first. The page, server and probe are the bench's own; no beacon (the
// bench site has none), so the ledger wait plays no part. Not a benchmark: one page view.
import { chromium } from 'playwright-core';
import { writeFileSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { executablePath, baseArgs } from '../test/support/chromium.mjs';
import { startServer } from './lib/server.mjs';
import { bakedSite, RESOLVER_RULES } from './lib/baked.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const opt = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
const product = argv.find((a, i) => !a.startsWith('--') && !(i && argv[i - 1].startsWith('--'))) || 'consentry-baked';
const cpu = +opt('--cpu', 1);
const phase = opt('--phase', 'click');
const out = opt('--out', null);
const profile = argv.includes('--profile');
const ACCEPT = {
  cc: '#cc-main .cm [data-role=all]',
  klaro: '#klaro-cookie-notice .cn-buttons .cm-btn-success',
};

const dir = bakedSite('trace');
const server = await startServer({ root, bakedDir: dir });
const origin = `http://127.0.0.1:${server.port}`;
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [...baseArgs, RESOLVER_RULES],
});
try {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await ctx.addInitScript(readFileSync(new URL('./pages/probe.js', import.meta.url), 'utf8'));
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading', 'netlog', 'disabled-by-default-netlog'];
  const begin = () => (profile ? cdp.send('Profiler.enable').then(() => cdp.send('Profiler.setSamplingInterval', { interval: 100 })).then(() => cdp.send('Profiler.start')) : browser.startTracing(page, { categories }));
  const end = async () => (profile ? (await cdp.send('Profiler.stop')).profile : browser.stopTracing());
  if (phase == 'banner') await begin();
  await page.goto(`${origin}/page/${product}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench && window.__bench.banner != null, null, { timeout: 10000 * cpu });
  let buf;
  if (phase == 'banner') buf = await end();
  else {
    await page.waitForTimeout(200);
    await begin();
    const btn = ACCEPT[product] ? page.locator(ACCEPT[product]).first() : page.getByRole('button', { name: /^\s*accept all\s*$/i }).first();
    await btn.click({ force: true });
    await page.waitForFunction(() => window.__ran.length > 0, null, { timeout: 5000 * cpu });
    await page.waitForTimeout(50);
    buf = await end();
  }
  const probe = await page.evaluate(() => ({ click: __bench.click, banner: __bench.banner, ran: __ran.slice() }));
  if (profile) selfTimes(buf);
  else {
    if (out) writeFileSync(out, buf);
    summarise(JSON.parse(buf.toString()), probe);
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

function summarise(trace, probe) {
  const ev = trace.traceEvents || trace;
  // The page's main thread: the renderer thread that ran our page's scripts.
  const names = {};
  for (const e of ev) if (e.name == 'thread_name') names[e.pid + ':' + e.tid] = e.args.name;
  const mainKey = Object.keys(names).find((k) => names[k] == 'CrRendererMain' && ev.some((e) => e.pid + ':' + e.tid == k && e.name == 'EvaluateScript'));
  const main = ev.filter((e) => e.pid + ':' + e.tid == mainKey && e.ph == 'X' && e.dur != null).sort((a, b) => a.ts - b.ts);
  // Time zero: navigation start (banner) or the click's input event (click).
  const nav = ev.find((e) => e.name == 'navigationStart' && e.pid + ':' + e.tid == mainKey);
  const click = main.find((e) => e.name == 'EventDispatch' && e.args && e.args.data && e.args.data.type == 'click');
  const zero = phase == 'click' ? (click ? click.ts : main[0].ts) : nav ? nav.ts : main[0].ts;
  const ms = (us) => ((us - zero) / 1000).toFixed(1).padStart(7);
  console.log(`${product}, ${phase}, CPU ${cpu}x; probe: ${phase == 'click' ? `click → first tag ${(probe.ran.find((r) => r[1] >= probe.click) || [0, NaN])[1] - probe.click} ms` : `banner at ${probe.banner} ms`}`);
  console.log('main-thread tasks (start ms, duration ms) and what ran in them (≥ 0.3 ms):');
  const tasks = main.filter((e) => e.name == 'RunTask' || e.name == 'ThreadControllerImpl::RunTask');
  for (const t of tasks) {
    if (t.ts + t.dur < zero || t.dur < 300) continue;
    const inner = main.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur >= 300 && !/RunTask/.test(e.name));
    const what = inner
      .slice(0, 12)
      .map((e) => {
        const d = (e.args && (e.args.data || e.args.beginData)) || {};
        const detail = d.url ? ' ' + d.url.replace(/^.*\//, '') : d.type ? ' ' + d.type : d.functionName ? ' ' + d.functionName : '';
        return `${e.name}${detail} ${(e.dur / 1000).toFixed(1)}`;
      })
      .join(' | ');
    console.log(`${ms(t.ts)} ${(t.dur / 1000).toFixed(1).padStart(6)}  ${what}`);
  }
  console.log('requests (send → finish, ms):');
  const sends = ev.filter((e) => e.name == 'ResourceSendRequest');
  for (const s of sends) {
    const id = s.args.data.requestId;
    const fin = ev.find((e) => e.name == 'ResourceFinish' && e.args.data.requestId == id);
    const recv = ev.find((e) => e.name == 'ResourceReceiveResponse' && e.args.data.requestId == id);
    if (s.ts < zero - 1000 || !/^http:/.test(s.args.data.url)) continue;
    console.log(`${ms(s.ts)} → ${recv ? ms(recv.ts) : '      ?'} → ${fin ? ms(fin.ts) : '      ?'}  ${s.args.data.url.replace(origin, '')}`);
  }
}

/** Self time per function from a V8 CPU profile, largest first. */
function selfTimes(p) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < p.samples.length; i++) {
    const n = byId.get(p.samples[i]);
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) || 0) + (p.timeDeltas[i] || 0));
  }
  const rows = [...self].sort((a, b) => b[1] - a[1]).filter(([k]) => !/^\(idle\)/.test(k));
  console.log('self time (ms, throttled time included) per function:');
  for (const [k, us] of rows.slice(0, 30)) console.log((us / 1000).toFixed(1).padStart(7), k);
}
