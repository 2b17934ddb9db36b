// Runs ledger/bin/consentry-ledger.mjs as a child process, the way a site owner starts it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { post, record } from './ledger-suite.mjs';

export const BIN = fileURLToPath(new URL('../../../ledger/bin/consentry-ledger.mjs', import.meta.url));

/**
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 * @param {{nofile?: number, bin?: string}} [opts] nofile: the open-file limit to run under, as a
 *   systemd service or a container often has (1024); bin: another build of the CLI (benchmarks)
 * @returns {Promise<{url: string, child: import('node:child_process').ChildProcess, log: () => string, exited: Promise<{code: number | null, signal: string | null}>}>}
 */
export function spawnLedger(args, env = {}, { nofile, bin = BIN } = {}) {
  const [cmd, argv] = nofile
    ? ['/bin/sh', ['-c', `ulimit -n ${Number(nofile)} && exec "$0" "$@"`, process.execPath, bin, ...args]]
    : [process.execPath, [bin, ...args]];
  const child = spawn(cmd, argv, {
    env: { ...process.env, DATABASE_URL: '', ADMIN_TOKEN: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the ledger did not start within 10 s; its output:\n${out}`));
    }, 10_000);
    const onData = () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      // The "admin:" line closes the start-up summary; on a busy machine it can arrive later.
      if (!m || !/consentry-ledger: admin: .*\n/.test(out)) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve({ url: m[1], child, log: () => out, exited });
    };
    child.stdout.on('data', onData);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the ledger exited (code ${code}, signal ${signal}) before listening; its output:\n${out}`));
    });
  });
}

/**
 * Posts records from many concurrent clients and runs `interrupt` once `after` are acknowledged.
 * @returns {Promise<{acked: object[], sent: number}>}
 */
export async function postUntil(url, { total, after, interrupt, workers = 32 }) {
  const recs = Array.from({ length: total }, () => record());
  /** @type {object[]} */
  const acked = [];
  let next = 0;
  let stop = false;
  let fired = false;
  async function worker() {
    while (!stop && next < recs.length) {
      const r = recs[next++];
      try {
        const res = await post(url, r);
        await res.arrayBuffer();
        if (res.status === 204) acked.push(r);
        else stop = true;
      } catch {
        stop = true;
      }
      if (acked.length >= after && !fired) {
        fired = true;
        interrupt();
      }
    }
  }
  await Promise.all(Array.from({ length: workers }, worker));
  return { acked, sent: next };
}

/** Every acknowledged record is in the ledger at `url`, read back through the admin export. */
export async function assertAllStored(url, token, acked) {
  const res = await fetch(`${url}/admin/export?format=ndjson`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
  const stored = new Set((await res.text()).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).record.id));
  const missing = acked.filter((r) => !stored.has(r.id)).map((r) => r.id);
  assert.deepEqual(missing, [], `${missing.length} of ${acked.length} acknowledged records were lost`);
  return stored.size;
}

/**
 * The crash test: kill -9 the ledger while records are in flight, restart it on the same store,
 * and find every record it had answered 204 to.
 */
export async function crashTest(args, env = {}) {
  const token = 'crash-test-token';
  const first = await spawnLedger([...args, '--rate', '0'], { ...env, ADMIN_TOKEN: token });
  const { acked, sent } = await postUntil(first.url, { total: 3000, after: 300, interrupt: () => first.child.kill('SIGKILL') });
  const { signal } = await first.exited;
  assert.equal(signal, 'SIGKILL');
  assert.ok(acked.length >= 300 && acked.length < sent, `killed with requests in flight (${acked.length} acknowledged of ${sent} sent)`);

  const second = await spawnLedger([...args, '--rate', '0'], { ...env, ADMIN_TOKEN: token });
  try {
    const stored = await assertAllStored(second.url, token, acked);
    assert.ok(stored >= acked.length);
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
  }
}
