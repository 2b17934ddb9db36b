// The consent ledger under attack, on loopback: how fast records are acknowledged while 1,000
// idle sockets are held open and a 200,000-row export and the widest dashboard run, against the
// same ledger left alone. Prints latencies, counts and errors; asserts nothing about time.
//   node bench/ledger-attack.mjs
//   env: LEDGER_ATTACK_ROWS=200000 LEDGER_ATTACK_IDLE=1000 LEDGER_ATTACK_NOFILE=1024 (0: no limit)
//        LEDGER_BENCH_STORES=sqlite,postgresql LEDGER_ATTACK_BIN=path/to/other/consentry-ledger.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportWhileAcknowledging, keepPosting, openIdleSockets, percentile, seedRecords } from '../test/node/helpers/ledger-attack.mjs';
import { BIN, spawnLedger } from '../test/node/helpers/ledger-cli.mjs';
import { createDatabase, pgAvailability, startPg } from '../test/node/helpers/pg.mjs';

const ROWS = Number(process.env.LEDGER_ATTACK_ROWS ?? 200_000);
const IDLE = Number(process.env.LEDGER_ATTACK_IDLE ?? 1000);
const NOFILE = Number(process.env.LEDGER_ATTACK_NOFILE ?? 1024);
const STORES = (process.env.LEDGER_BENCH_STORES ?? 'sqlite,postgresql').split(',');
const bin = process.env.LEDGER_ATTACK_BIN || BIN;
const TOKEN = 'bench-attack-token';
const QUIET_MS = 5000;

setTimeout(() => {
  console.error('bench:ledger-attack: gave up after 15 minutes');
  process.exit(1);
}, 900_000).unref();

const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : '-');
const summary = ({ latencies, errors }) =>
  `p50 ${ms(percentile(latencies, 0.5)).padStart(7)}  p99 ${ms(percentile(latencies, 0.99)).padStart(7)}  max ${ms(Math.max(...latencies)).padStart(7)}  ${errors.length} errors`;
const firstErrors = (errors) => (errors.length ? `  (${[...new Set(errors)].slice(0, 3).join('; ')})` : '');

/**
 * @param {string} name
 * @param {{db?: string, databaseUrl?: string}} target
 * @param {string[]} args
 * @param {Record<string, string>} env
 */
async function bench(name, target, args, env) {
  let t = performance.now();
  await seedRecords(target, ROWS);
  console.log(`${name}: ${ROWS} records stored in ${ms(performance.now() - t)}; ledger under an open-file limit of ${NOFILE || 'the default'}`);
  const ledger = await spawnLedger([...args, '--port', '0', '--rate', '0'], { ...env, ADMIN_TOKEN: TOKEN }, { nofile: NOFILE || undefined, bin });
  const acked = [];
  try {
    const deadline = Date.now() + QUIET_MS;
    const quiet = await keepPosting(ledger.url, { running: () => Date.now() < deadline });
    acked.push(...quiet.acked);
    console.log(`  quiet          ${String(quiet.acked.length).padStart(6)} acks in ${QUIET_MS / 1000} s   ${summary(quiet)}${firstErrors(quiet.errors)}`);

    t = performance.now();
    const attack = await openIdleSockets(ledger.url, IDLE);
    console.log(`  attack         ${IDLE} idle, slowloris and half-sent sockets held open (opened in ${ms(performance.now() - t)})`);
    try {
      const r = await exportWhileAcknowledging({ url: ledger.url, token: TOKEN }).catch((err) => err);
      if (r instanceof Error) {
        // The ledger could not even start the export: measure the visitors under attack alone.
        const until = Date.now() + QUIET_MS;
        const alone = await keepPosting(ledger.url, { running: () => Date.now() < until });
        acked.push(...alone.acked);
        console.log(`  under attack   export failed (${r.cause?.code ?? r.message}); then ${alone.ackedWhileRunning} acks in ${QUIET_MS / 1000} s   ${summary(alone)}${firstErrors(alone.errors)}`);
        return false;
      }
      acked.push(...r.acked);
      console.log(
        `  under attack   ${String(r.ackedDuringExport).padStart(6)} acks during the export   ${summary(r)}${firstErrors(r.errors)}\n` +
          `                 export ${r.lines} rows in ${ms(r.exportMs)}; /healthz answered ${r.healthyDuringExport} times meanwhile; ` +
          `dashboard (366 days) ${r.dashboard.status}${r.dashboard.body?.total ? `, ${r.dashboard.body.total} records` : ''}; ` +
          `${attack.opened - IDLE} attack sockets closed by the ledger and reopened`,
      );
    } finally {
      attack.close();
    }

    // The widest dashboard anyone can ask for, with visitors posting meanwhile.
    let done = false;
    t = performance.now();
    const wide = fetch(`${ledger.url}/admin?from=0001-01-01T00:00:00Z&to=9999-12-31T00:00:00Z`, {
      headers: { authorization: `Bearer ${TOKEN}` },
      signal: AbortSignal.timeout(120_000),
    })
      .then(async (res) => `${res.status} (${(await res.arrayBuffer()).byteLength} bytes)`, (err) => `failed: ${err.cause?.code ?? err.message}`)
      .then((status) => ({ status, time: performance.now() - t }))
      .finally(() => (done = true));
    const during = await keepPosting(ledger.url, { running: () => !done });
    acked.push(...during.acked);
    const w = await wide;
    console.log(`  wide /admin    year 1 to 9999: ${w.status} in ${ms(w.time)}; ${during.ackedWhileRunning} acks meanwhile   ${summary(during)}${firstErrors(during.errors)}`);

    let missing = 0;
    for (const rec of acked) {
      const res = await fetch(`${ledger.url}/api/consent/${rec.id}`).catch(() => ({ status: 0, arrayBuffer: async () => {} }));
      await res.arrayBuffer();
      if (res.status !== 200) missing++;
    }
    console.log(`  read back      ${acked.length - missing} of ${acked.length} acknowledged records${missing ? '  FAIL' : ''}`);
    const logged = ledger.log().split('\n').filter((l) => l && !/^consentry-ledger: (listening|store|origins|rate limit|admin|connections)/.test(l));
    if (logged.length) console.log(`  ledger log     ${logged.length} lines, e.g. ${logged.slice(0, 3).join(' | ').slice(0, 300)}`);
    return missing === 0;
  } finally {
    ledger.child.kill('SIGTERM');
    await ledger.exited;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'consentry-ledger-attack-'));
let ok = true;
try {
  console.log(`bench:ledger-attack: ${bin === BIN ? 'this ledger' : bin}`);
  if (STORES.includes('sqlite')) {
    const db = join(dir, 'attack.db');
    ok = (await bench('SQLite', { db }, ['--db', db], {})) && ok;
  }
  if (STORES.includes('postgresql')) {
    const pg = pgAvailability();
    if ('bin' in pg) {
      const cluster = await startPg(pg.bin);
      try {
        const databaseUrl = await createDatabase(cluster.url, 'attack');
        ok = (await bench('PostgreSQL', { databaseUrl }, [], { DATABASE_URL: databaseUrl })) && ok;
      } finally {
        cluster.stop();
      }
    } else console.log(`PostgreSQL skipped: ${'skip' in pg ? pg.skip : pg.fail}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
