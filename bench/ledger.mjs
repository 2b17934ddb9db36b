// Load test of the consent ledger on loopback: records/s and latency for SQLite and PostgreSQL,
// then a check that every record answered 2xx was stored, no more and no fewer.
//   npm run bench:ledger   env: LEDGER_BENCH_REQUESTS=50000 LEDGER_BENCH_CONNECTIONS=50
//                                 LEDGER_BENCH_STORES=sqlite,postgresql
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createDatabase, pgAvailability, startPg } from '../test/node/helpers/pg.mjs';

const BIN = fileURLToPath(new URL('../ledger/bin/consentry-ledger.mjs', import.meta.url));
const REQUESTS = Number(process.env.LEDGER_BENCH_REQUESTS ?? 50_000);
const CONNECTIONS = Number(process.env.LEDGER_BENCH_CONNECTIONS ?? 50);
const TARGET = { rps: 5000, p99: 50 };
const TOKEN = 'bench-token';
const STORES = (process.env.LEDGER_BENCH_STORES ?? 'sqlite,postgresql').split(',');

// Every run must finish; a hung server would otherwise hold the terminal.
setTimeout(() => {
  console.error('bench:ledger: gave up after 5 minutes');
  process.exit(1);
}, 300_000).unref();

let seq = 0;
const run = Date.now().toString(36);
function body() {
  const n = seq++;
  return JSON.stringify({
    v: 1,
    id: `bench-${run}-${n}`,
    ts: new Date().toISOString(),
    revision: 3,
    categories: { required: true, functional: n % 2 === 0, performance: n % 3 === 0, advertising: n % 5 === 0 },
    vendors: { 'google-analytics': n % 3 === 0 },
    method: ['accept-all', 'reject-all', 'custom'][n % 3],
    signals: { gpc: false, dnt: false },
    url: 'https://example.com/pricing',
    lang: 'en',
  });
}

/** @param {string[]} args @param {Record<string, string>} env */
function startLedger(args, env) {
  const child = spawn(process.execPath, [...(process.env.LEDGER_BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), BIN, '--port', '0', '--rate', '0', ...args], {
    env: { ...process.env, ADMIN_TOKEN: TOKEN, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1], child });
    });
    child.on('exit', (code) => reject(new Error(`ledger exited with ${code}:\n${out}`)));
  });
}

/** @param {string} url @param {number} amount */
function load(url, amount) {
  return autocannon({
    url: `${url}/api/consent`,
    connections: CONNECTIONS,
    amount,
    timeout: 10,
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://example.com' },
    requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
  });
}

async function stored(url) {
  const res = await fetch(`${url}/admin/stats?from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  return (await res.json()).total;
}

/** @returns {Promise<boolean>} whether every acknowledged record was stored */
async function bench(name, args, env = {}) {
  const { url, child } = await startLedger(args, env);
  try {
    const warm = await load(url, Math.min(5000, REQUESTS / 10));
    const r = await load(url, REQUESTS);
    const ok2xx = warm['2xx'] + r['2xx'];
    const rows = await stored(url);
    const rps = r['2xx'] / (r.duration || 1);
    console.log(
      `${name.padEnd(10)} ${rps.toFixed(0).padStart(6)} records/s   p50 ${String(r.latency.p50).padStart(3)} ms   ` +
        `p99 ${String(r.latency.p99).padStart(3)} ms   (${r['2xx']} × 204 in ${r.duration.toFixed(1)} s, ` +
        `${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts; ${CONNECTIONS} connections)`,
    );
    const same = rows === ok2xx;
    console.log(`${''.padEnd(10)} stored rows ${rows} ${same ? '=' : '≠'} ${ok2xx} answers 2xx (warm-up included)${same ? '' : '  FAIL'}`);
    if (name === 'SQLite' && (rps < TARGET.rps || r.latency.p99 >= TARGET.p99)) {
      console.log(`${''.padEnd(10)} below the target of ${TARGET.rps} records/s with p99 < ${TARGET.p99} ms on this machine`);
    }
    return same;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'consentry-ledger-bench-'));
let ok = true;
try {
  console.log(`bench:ledger: ${REQUESTS} unique records per store over loopback (plus warm-up)`);
  if (STORES.includes('sqlite')) ok = (await bench('SQLite', ['--db', join(dir, 'bench.db')])) && ok;
  const pg = pgAvailability();
  if (!STORES.includes('postgresql')) {
    // not asked for
  } else if ('bin' in pg) {
    const cluster = await startPg(pg.bin);
    try {
      ok = (await bench('PostgreSQL', [], { DATABASE_URL: await createDatabase(cluster.url, 'bench') })) && ok;
    } finally {
      cluster.stop();
    }
  } else {
    console.log(`PostgreSQL skipped: ${'skip' in pg ? pg.skip : pg.fail}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
