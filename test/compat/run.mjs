// Runs the compatibility cases: each case in three fresh sessions. Sessions run in slots, a
// browser and a vendor network each, one session at a time per slot, so that every request the
// network records belongs to the run in progress; several slots run at once.
//   late:   no choice until LATE_MS after the load event (the "before" check), then Accept all,
//           then the success path
//   reject: Reject all after load, then nothing may reach a vendor for LATE_MS (libraries that
//           retry or flush periodically, like mixpanel every 10 s, get their chance)
//   accept: Accept all after load, then the success path
import { startVendorNet } from '../support/vendor-net.mjs';
import { SITE, prepareSite } from './site.mjs';

/** After the load event: longer than the 10 s that libraries poll for their script before giving up. */
export const LATE_MS = Number(process.env.COMPAT_LATE_MS) || 12000;
const SETTLE_MS = 1500;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const where = (r) => r.host + r.path;
// The browser's own traffic (Firefox's remote settings and Safe Browsing lists) shares the
// proxy of a browser launched per slot; it is not the page's, so no check counts it.
const BROWSER_SERVICES = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net)$|^safebrowsing\.googleapis\.com$/;
/** The page's requests to third parties. */
const vendorRequests = (net) => net.requests.filter((r) => r.host != SITE && !BROWSER_SERVICES.test(r.host));
const short = (s, n = 110) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** What the page says about itself: the case's success condition, runs counted, errors. */
function pageState(s, c) {
  return s.evaluate(`(function () {
    var C = window.__compat || { ran: {}, errors: [] }, done = false, err = '';
    try { done = !!(${c.done || 'true'}); } catch (e) { err = String(e && e.message || e); }
    return { done: done, err: err, ran: C.ran, errors: C.errors };
  })()`);
}

/** Nothing reached a vendor and no vendor code ran: the "before" and "reject" checks. */
function quiet(net, c, state, t0) {
  const vendor = vendorRequests(net);
  const spec = vendor.filter((r) => (c.speculative || []).some((re) => re.test(where(r))));
  const why = vendor.filter((r) => !spec.includes(r)).map((r) => `${r.method} ${short(where(r))} at +${((r.time - t0) / 1000).toFixed(1)} s`);
  for (const [name, n] of Object.entries(state.ran || {})) if (n) why.push(`${name} ran ${n}×`);
  const result = { ok: !why.length, why };
  // The preload scanner's fetch of a tag written plainly in the HTML: reported, not a failure,
  // as long as the tag itself did not run (no script can stop that fetch; see the README).
  if (spec.length) result.note = `preload scanner fetched ${[...new Set(spec.map((r) => short(where(r), 60)))].join(', ')} (not run)`;
  return result;
}

/** After consent: the vendor was asked, the library's success path ran, each vendor file once. */
async function success(s, net, c) {
  const t0 = Date.now();
  const hits = c.hits || [];
  const once = c.once || [];
  // A hit is a pattern for host + path, or { url, body } when the event is in the request body.
  const seen = (h) => vendorRequests(net).some((r) => (h.url || h).test(where(r)) && (!h.body || h.body.test(r.body)));
  const show = (h) => (h.url ? `${h.url.source} with body ${h.body.source}` : h.source);
  // Generous: on a busy machine (CI runs three engines at once) a slow success path is still one.
  const end = Date.now() + (c.timeout || 30000);
  let state;
  for (;;) {
    state = await pageState(s, c);
    const ready = state.done && hits.every(seen) && once.every((n) => state.ran[n] >= 1);
    if (ready || Date.now() > end) break;
    await sleep(250);
  }
  await sleep(SETTLE_MS);
  state = await pageState(s, c);
  const why = [];
  if (!state.done) why.push(`success path did not run (${c.done}${state.err ? ': ' + state.err : ''})`);
  for (const h of hits) if (!seen(h)) why.push(`never requested ${show(h)}`);
  // What did go out after the choice, to tell a slow chain from a broken one.
  if (hits.some((h) => !seen(h))) {
    const since = (r) => `at +${((r.time - t0) / 1000).toFixed(1)} s`;
    why.push(`after the choice: ${vendorRequests(net).filter((r) => r.time >= t0).map((r) => `${r.method} ${short(where(r), 70)} ${since(r)}`).join(', ') || 'no vendor request'}`);
    // A tunnel opened with no request in it: the request was lost on the way, not never made.
    why.push(`tunnels opened after it: ${net.connects.filter((r) => r.time >= t0 && r.host != SITE).map((r) => `${r.host} ${since(r)}`).join(', ') || 'none'}`);
  }
  for (const n of once) if (state.ran[n] !== 1) why.push(`${n} ran ${state.ran[n] || 0}× (want 1)`);
  for (const e of [...new Set([...state.errors, ...s.errors])]) why.push(`page error: ${short(e)}`);
  for (const r of vendorRequests(net)) if (r.status == 404) why.push(`unanswered ${r.method} ${short(where(r))}`);
  return { ok: !why.length, why };
}

async function choose(s, choice) {
  return s.evaluate(`window.consentry ? (window.consentry.${choice}(), 'chosen') : 'no consentry on the page'`);
}

/** One run of one case in a slot; returns the columns it decides ({ before, late } or { reject } or { accept }). */
async function runOne(slot, c, site, run, control) {
  const { net, browser } = slot;
  net.handlers = { ...c.net, [SITE]: site(control) };
  let s;
  try {
    s = await browser.open();
    // Cleared once the new session is up: a beacon the previous page sent as it closed (a library
    // flushing on pagehide) that arrived late on a busy machine is not this run's.
    net.clear();
    const t0 = Date.now();
    await s.goto(`https://${SITE}/`);
    // A browser that does not go through the vendor network would pass every "before" check.
    if (!(await s.evaluate(`location.host == ${JSON.stringify(SITE)} && !!window.__compat`))) throw new Error(`the page did not load through the vendor network (${net.proxy})`);
    if (run == 'reject') {
      await choose(s, 'rejectAll');
      await sleep(LATE_MS);
      return { reject: quiet(net, c, await pageState(s, c), t0) };
    }
    if (run == 'accept') {
      await choose(s, 'acceptAll');
      return { accept: await success(s, net, c) };
    }
    await sleep(LATE_MS);
    // A library that polls for its script counts time in timer ticks, which run slower than the
    // clock on a busy machine: `lateWhen` says when it has finished (at most 30 s more).
    for (const end = Date.now() + 30000; c.lateWhen && Date.now() < end && !(await s.evaluate(`!!(${c.lateWhen})`)); ) await sleep(250);
    const before = quiet(net, c, await pageState(s, c), t0);
    await choose(s, 'acceptAll');
    return { before, late: await success(s, net, c) };
  } catch (e) {
    const failed = { ok: false, harness: true, why: [`harness: ${short(String((e && e.message) || e), 200)}`] };
    return run == 'late' ? { before: failed, late: failed } : { [run]: failed };
  } finally {
    await s?.close().catch(() => {});
    // What the closed page still had in flight must not count for the next run.
    await sleep(300);
  }
}

/** Every run, the long ones first, and the columns each decides. */
export const RUNS = ['late', 'reject', 'accept'];
/** The columns that check that nothing leaked, and those that check the library's success path. */
const LEAKS = ['before', 'reject'];
const SUCCESS = ['accept', 'late'];
/** The reasons of a success path that did not finish in time (and what success() adds to them). */
const SLOW = /^(success path did not run|never requested|after the choice|tunnels opened)/;
export const COLUMNS_OF = { late: ['before', 'late'], reject: ['reject'], accept: ['accept'] };

/**
 * Runs every case on `engine`, `runs` of each, in `concurrency` slots (a vendor network and a
 * browser each) that take runs one at a time; the long runs start first.
 * Returns { [case.id]: { before?, reject?, accept?, late? } }, each { ok, why[], note? }: the
 * columns of the runs asked for.
 */
export async function runAll(engine, cases, { control = false, concurrency = engine.concurrency || 6, runs = RUNS } = {}) {
  const sites = new Map();
  for (const c of cases) sites.set(c.id, await prepareSite(c));
  const jobs = [];
  for (const run of RUNS.filter((r) => runs.includes(r))) for (const c of cases) jobs.push({ c, run });
  const results = Object.fromEntries(cases.map((c) => [c.id, {}]));
  const slots = [];
  try {
    for (let i = 0; i < Math.min(concurrency, jobs.length); i++) {
      const net = await startVendorNet();
      slots.push({ net });
      slots[i].browser = await engine.slot({ proxy: net.proxy });
    }
    await Promise.all(
      slots.map(async (slot) => {
        for (let job; (job = jobs.shift()); ) {
          let r = await runOne(slot, job.c, sites.get(job.c.id), job.run, control);
          // A run the harness could not finish (a page that did not load within the time on a
          // busy machine) says nothing of the product: it runs once more, in a browser started
          // afresh, and a second failure is reported with both reasons. (A Firefox or WebKit
          // browser that stopped answering under load failed every run its slot took next:
          // 12 of 53 in one run, each in 30 s, the slot taking the queue's jobs faster than the others.)
          const first = Object.values(r).find((x) => x.harness);
          if (first) {
            // (A browser that stopped answering may not answer close() either.)
            await Promise.race([slot.browser.close().catch(() => {}), sleep(10000)]);
            slot.browser = await engine.slot({ proxy: slot.net.proxy }).catch((e) => ({ open: () => Promise.reject(e), close: async () => {} }));
            r = await runOne(slot, job.c, sites.get(job.c.id), job.run, control);
            for (const x of new Set(Object.values(r))) if (x.harness) x.why.unshift(`${first.why[0]}, then again:`);
          }
          // A success path that did not finish where nothing leaked runs once more in a fresh session:
          // on a busy machine a chain of a dozen requests (Partytown's worker loading gtm.js, then
          // gtag.js, then sending) once missed its last request in 30 s. A broken integration fails
          // twice and is reported with both reasons; one that passed the second time is shown as pass³
          // with the first reasons. A leak ("before", "reject") is never run again: once is a leak; nor
          // is a vendor file that ran twice, a page error or an unanswered request: a fault, however
          // rarely it shows.
          const failed = SUCCESS.filter((k) => r[k] && !r[k].ok);
          const slow = !control && !Object.values(r).some((x) => x.harness) && failed.length && failed.every((k) => r[k].why.every((w) => SLOW.test(w)));
          if (slow && LEAKS.every((k) => !r[k] || r[k].ok)) {
            const again = await runOne(slot, job.c, sites.get(job.c.id), job.run, control);
            const broke = Object.values(again).find((x) => x.harness);
            // A second session the harness could not finish says nothing: the first one's failure stands.
            if (broke) for (const k of failed) r[k].why.push(`then again, ${broke.why[0]}`);
            else {
              for (const k of failed) again[k] = again[k].ok ? { ...again[k], retried: r[k].why } : { ...again[k], why: [...r[k].why, ...again[k].why.map((w, i) => (i ? w : `then again: ${w}`))] };
              // The second session's leak checks count as much as the first's.
              r = { ...again, ...Object.fromEntries(LEAKS.filter((k) => r[k] && again[k]?.ok).map((k) => [k, r[k]])) };
            }
          }
          Object.assign(results[job.c.id], r);
        }
      }),
    );
  } finally {
    for (const slot of slots) {
      await slot.browser?.close().catch(() => {});
      await slot.net.close();
    }
  }
  return results;
}

export const COLUMNS = ['before', 'reject', 'accept', 'late'];

/**
 * Whether a failed column is a documented limit of the product (the case's `limit`:
 * { columns, why }, naming docs/gate.md): shown as LIMIT², never as a pass, and it does
 * not fail the run. Control mode ignores limits: there every "before" must fail anyway.
 */
export const limited = (c, k) => !!c.limit && c.limit.columns.includes(k);

/** The table: case × (before / reject / accept / late), then every failure's reasons. */
export function table(engineName, cases, results, { control = false, dist = '' } = {}) {
  const lim = (c, k) => !control && limited(c, k);
  const cell = (r, c, k) => (!r ? '—' : r.ok ? (r.retried ? 'pass³' : r.note ? 'pass¹' : 'pass') : lim(c, k) ? 'LIMIT²' : 'FAIL');
  const rows = cases.map((c) => [c.name, ...COLUMNS.map((k) => cell(results[c.id][k], c, k))]);
  const head = ['case', ...COLUMNS];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => '| ' + r.map((v, i) => v.padEnd(width[i])).join(' | ') + ' |';
  const out = [
    `compat suite, ${engineName}${control ? ', CONTROL (no loader)' : ''}${dist ? `, loader from ${dist}` : ''}`,
    line(head),
    '|' + width.map((w) => '-'.repeat(w + 2)).join('|') + '|',
    ...rows.map(line),
  ];
  // Only the columns this engine ran count (see RUNS_OF in compat.test.mjs).
  const ran = COLUMNS.filter((k) => cases.some((c) => results[c.id][k]));
  const failed = ran.map((k) => cases.filter((c) => !results[c.id][k]?.ok && !lim(c, k)).length);
  const limits = ran.map((k) => cases.filter((c) => !results[c.id][k]?.ok && lim(c, k)).length);
  const retried = cases.flatMap((c) => ran.filter((k) => results[c.id][k]?.retried)).length;
  out.push(`failed runs: ${ran.map((k, i) => `${k} ${failed[i]}/${cases.length}`).join(', ')}; documented limits: ${ran.map((k, i) => `${k} ${limits[i]}`).join(', ')}; passed in a second session: ${retried}`);
  const notes = [];
  for (const c of cases)
    for (const k of COLUMNS) {
      const r = results[c.id][k];
      if (r && !r.ok) notes.push(`  ${lim(c, k) ? '² ' : ''}${c.name} [${k}]: ${r.why.join('; ')}${lim(c, k) ? ` (documented limit: ${c.limit.why})` : ''}`);
      if (r && r.note) notes.push(`  ¹ ${c.name} [${k}]: ${r.note}`);
      if (r && r.retried) notes.push(`  ³ ${c.name} [${k}]: passed in a second session; the first: ${r.retried.join('; ')}`);
    }
  if (notes.length) out.push('details:', ...notes);
  return out.join('\n');
}
