// The compatibility suite: real libraries and vendor snippets as published, against the loader
// under test, in every engine of CONSENTRY_ENGINES. See README.md in this folder.
//   CONSENTRY_DIST=/path/to/dist   the build under test (default: this checkout's dist/)
//   COMPAT_CONTROL=1               the same pages without the loader: "before" must fail everywhere
//   COMPAT_CASES=gtag,jquery       only the cases whose file name contains one of these
//   COMPAT_CONCURRENCY=10          sessions at a time (they mostly wait; default 10 in Chromium,
//                                  6 in Firefox and WebKit, which run a browser per session slot)
//   COMPAT_FULL=1                  every run in every engine (default: see RUNS_OF)
//   CONSENTRY_ENGINES=chromium,firefox,webkit   as for every e2e suite (default: all installed)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { engines, launchEngine } from './browser.mjs';
import { COLUMNS_OF, LATE_MS, RUNS, limited, runAll, table } from './run.mjs';
import { dist } from './site.mjs';

const control = !!process.env.COMPAT_CONTROL && process.env.COMPAT_CONTROL != '0';
const only = (process.env.COMPAT_CASES || '').split(',').filter(Boolean);
const dir = new URL('./cases/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs') && !f.startsWith('_'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();
const cases = [];
for (const f of files) cases.push({ id: f.replace(/\.mjs$/, ''), ...(await import(new URL(f, dir))).default });

// The engines run at the same time (each run mostly waits out its 12 s), which keeps the suite
// within CI's time; COMPAT_SERIAL=1 runs one engine after the other.
const names = await engines();
const serial = !!process.env.COMPAT_SERIAL && process.env.COMPAT_SERIAL != '0';
const concurrencyOf = (engine) => Number(process.env.COMPAT_CONCURRENCY) || engine.concurrency;
const full = !!process.env.COMPAT_FULL && process.env.COMPAT_FULL != '0';
/**
 * Which runs each engine makes. What differs between engines is the gate's hold on the DOM and
 * its release: the late run checks both (nothing for 12 s, then everything after Accept all).
 * Reject all, and Accept all at once rather than late, differ from it in the decision and the
 * library's timing, which are the same code in every engine: Chromium makes those runs. Control
 * mode asserts only "before", which the late run decides.
 */
const RUNS_OF = (name) => (control ? ['late'] : full || name == 'chromium' ? RUNS : ['late']);
/** @type {Map<string, Promise<{ engine: any, results: any }>>} */
const runs = new Map();
function runEngine(name) {
  if (!runs.has(name)) {
    const p = launchEngine(name).then(async (engine) => {
      try {
        return { engine, results: await runAll(engine, cases, { control, concurrency: concurrencyOf(engine), runs: RUNS_OF(name) }) };
      } catch (e) {
        await engine.close().catch(() => {});
        throw e;
      }
    });
    // Awaited by the engine's own suite; until then a failure must not count as unhandled.
    p.catch(() => {});
    runs.set(name, p);
  }
  return runs.get(name);
}

for (const name of names) {
  describe(`compat suite in ${name}${control ? ' (control: no loader)' : ''}`, () => {
    let engine;
    let results;
    before(
      async () => {
        if (!serial) names.forEach(runEngine);
        ({ engine, results } = await runEngine(name));
      },
      { timeout: 20 * 60 * 1000 },
    );
    after(async () => {
      await engine?.close();
      if (results) console.log('\n' + table(name, cases, results, { control, dist }) + '\n');
    });

    for (const c of cases) {
      if (control)
        it(`${c.name}: without the loader, a vendor is reached before any choice`, () => {
          assert.equal(results[c.id].before.ok, false, 'the "before" check passed without Consentry: it cannot fail for this case');
        });
      else
        it(`${c.name}: ${RUNS_OF(name).length == RUNS.length ? `nothing before a choice or after Reject all; works after Accept all, now and ${LATE_MS / 1000} s late` : `nothing before a choice; works after Accept all ${LATE_MS / 1000} s late`}`, () => {
          // A documented limit (docs/gate.md) is reported in the table as LIMIT², not failed here.
          const columns = RUNS_OF(name).flatMap((r) => COLUMNS_OF[r]);
          const failed = columns.filter((k) => !results[c.id][k]?.ok && !limited(c, k)).map((k) => `${k}: ${results[c.id][k]?.why.join('; ') ?? 'not run'}`);
          assert.deepEqual(failed, []);
        });
    }
  });
}
