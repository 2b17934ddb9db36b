// ledger/bin/consentry-ledger.mjs as a site owner runs it: startup log, crash safety, graceful stop.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import net from 'node:net';
import { attackTest, idleSocketsTest } from './helpers/ledger-attack.mjs';
import { assertAllStored, crashTest, postUntil, spawnLedger } from './helpers/ledger-cli.mjs';
import { post, record } from './helpers/ledger-suite.mjs';

const dir = mkdtempSync(join(tmpdir(), 'consentry-ledger-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const dbFile = () => join(dir, `c${n++}.db`);

/**
 * Starts the ledger expecting it to refuse; resolves with its exit code and output. One that
 * starts anyway is stopped, and the test fails.
 * @param {string[]} args @param {Record<string, string>} [env]
 */
async function refusal(args, env) {
  let started;
  try {
    started = await spawnLedger(args, env);
  } catch (err) {
    const m = /exited \(code (\d+|null)[^]*?its output:\n([^]*)$/.exec(err.message);
    assert.ok(m, err.message);
    return { code: Number(m[1]), out: m[2] };
  }
  started.child.kill('SIGTERM');
  await started.exited;
  assert.fail(`the ledger started with ${JSON.stringify(args)} ${JSON.stringify(env ?? {})}`);
}
const STACK = /^\s+at /m;

describe('consentry-ledger CLI on SQLite', () => {
  test('the startup log names the URL, the store, the origins and that admin routes answer 403 without ADMIN_TOKEN', async () => {
    const db = dbFile();
    const l = await spawnLedger(['--port', '0', '--db', db, '--origin', 'https://example.com']);
    try {
      const log = l.log();
      assert.match(log, /listening on http:\/\/127\.0\.0\.1:\d+/);
      assert.ok(log.includes(`store: SQLite ${db} (WAL, synchronous=FULL)`), log);
      assert.match(log, /origins: https:\/\/example\.com/);
      assert.match(log, /ADMIN_TOKEN is not set, so \/admin routes answer 403/);
      assert.match(log, /connections: at most \d+ \(the longest idle one is closed when full\); headers within 10 s, the whole request within 20 s, keep-alive 5 s/);
      assert.equal((await fetch(`${l.url}/admin`)).status, 403);
      assert.equal((await post(l.url, record(), { origin: 'https://other.example' })).status, 403);
    } finally {
      l.child.kill('SIGTERM');
      await l.exited;
    }
  });

  test('an unknown flag or a bad number exits with status 2 and the usage text', async () => {
    for (const args of [['--nope'], ['--port', 'eighty'], ['--max-connections', '0'], ['--headers-timeout', '30', '--request-timeout', '10'], ['--max-clock-skew', '-1']]) {
      const l = spawnLedger(args);
      await assert.rejects(l, (err) => /exited \(code 2[,)]/.test(err.message) && /Usage: consentry-ledger/.test(err.message));
    }
  });

  test('a --cookie-echo name that is not a cookie token, a --cookie-domain that is not a host name, or either attribute without --cookie-echo, exits 2 naming the flag', async () => {
    const cases = [
      [['--cookie-echo', 'a b'], '--cookie-echo'],
      [['--cookie-echo', 'consent;Domain=evil.example'], '--cookie-echo'],
      [['--cookie-echo', ''], '--cookie-echo'],
      [['--cookie-echo', 'consentry', '--cookie-domain', 'example.com\u0007x'], '--cookie-domain'],
      [['--cookie-echo', 'consentry', '--cookie-domain', 'example.com; HttpOnly'], '--cookie-domain'],
      [['--cookie-echo', 'consentry', '--cookie-domain', 'exa mple.com'], '--cookie-domain'],
      [['--cookie-echo', 'consentry', '--cookie-domain', 'https://example.com'], '--cookie-domain'],
      // Without --cookie-echo they would set nothing, silently.
      [['--cookie-domain', 'example.com'], '--cookie-domain'],
      [['--cookie-max-age', '86400'], '--cookie-max-age'],
    ];
    for (const [args, flag] of cases) {
      const { code, out } = await refusal(['--port', '0', '--db', dbFile(), ...args]);
      assert.equal(code, 2, out);
      assert.ok(out.startsWith(`consentry-ledger: ${flag} `), out);
      assert.match(out, /Usage: consentry-ledger/);
      assert.doesNotMatch(out, STACK);
    }
  });

  test('with good --cookie-echo and --cookie-domain values the cookie is re-issued for that domain', async () => {
    const l = await spawnLedger(['--port', '0', '--db', dbFile(), '--cookie-echo', 'consentry', '--cookie-domain', '.example.com']);
    try {
      const res = await post(l.url, record(), { cookie: 'consentry=v1.abc' });
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('set-cookie'), 'consentry=v1.abc; Max-Age=15552000; Path=/; SameSite=Lax; Domain=.example.com; Secure');
    } finally {
      l.child.kill('SIGTERM');
      await l.exited;
    }
  });

  test('an --origin that is not an http(s) URL exits 2 with one line naming the flag, and the usage, without a stack trace', async () => {
    for (const origin of ['notaurl', 'ftp://x.com']) {
      const { code, out } = await refusal(['--port', '0', '--db', dbFile(), '--origin', 'https://example.com', '--origin', origin]);
      assert.equal(code, 2, out);
      assert.match(out.split('\n')[0], new RegExp(`^consentry-ledger: --origin ${origin} `));
      assert.match(out, /Usage: consentry-ledger/);
      assert.doesNotMatch(out, STACK);
    }
  });

  test('an error the ledger raises itself while starting is one line, without a stack trace', async () => {
    const { code, out } = await refusal(['--port', '0', '--db', ':memory:']);
    assert.equal(code, 1, out);
    assert.equal(out.trim(), 'consentry-ledger: could not start: the ledger needs an SQLite file, not :memory:');
  });

  test('a DATABASE_URL that is not a URL, or not a PostgreSQL one, exits with one line naming DATABASE_URL', async () => {
    for (const [url, why] of [['notaurl', /is not a URL/], ['mysql://user:secret-pw@db.example/consent', /got a mysql: URL/], ['postgres//db/consent', /is not a URL/]]) {
      const { code, out } = await refusal(['--port', '0'], { DATABASE_URL: url });
      assert.equal(code, 2, out);
      const lines = out.trim().split('\n');
      assert.equal(lines.length, 1, out);
      assert.match(lines[0], /^consentry-ledger: DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
      assert.match(lines[0], why);
      assert.ok(!out.includes('secret-pw'), 'the password is never printed');
    }
  });

  test('a port already in use is reported as such', async () => {
    const a = await spawnLedger(['--port', '0', '--db', dbFile()]);
    try {
      const port = new URL(a.url).port;
      await assert.rejects(spawnLedger(['--port', port, '--db', dbFile()]), /port \d+ is already in use/);
    } finally {
      a.child.kill('SIGTERM');
      await a.exited;
    }
  });

  test('records acknowledged before kill -9 are all there after a restart', async () => {
    await crashTest(['--port', '0', '--db', dbFile()]);
  });

  test('with 1,000 idle sockets held open under an open-file limit of 1024, records and /healthz are still answered', async () => {
    await idleSocketsTest(['--db', dbFile()]);
  });

  test('under attack (1,000 idle sockets, open-file limit 1024) a large export and the dashboard run while records keep being acknowledged', async () => {
    const db = dbFile();
    await attackTest({ db }, ['--db', db]);
  });

  test('an upload the client abandons logs one line, without a stack trace', async () => {
    const l = await spawnLedger(['--port', '0', '--db', dbFile()]);
    try {
      const { port } = new URL(l.url);
      const s = net.connect(Number(port), '127.0.0.1');
      await new Promise((resolve) => s.once('connect', resolve));
      s.write('POST /api/consent HTTP/1.1\r\nHost: ledger\r\nContent-Type: text/plain\r\nContent-Length: 500\r\n\r\n{"v":1,"id":');
      await new Promise((resolve) => setTimeout(resolve, 200));
      s.destroy();
      const deadline = Date.now() + 10_000;
      while (!/closed the connection/.test(l.log()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      // A moment more, in case a stack trace were to follow the line.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const after = l.log().split('\n').filter((line) => !/^consentry-ledger: (listening|store|origins|rate limit|admin|connections):? /.test(line) && line.trim());
      assert.equal(after.length, 1, after.join('\n'));
      assert.match(after[0], /^consentry-ledger: POST \/api\/consent: the client closed the connection before its request had arrived; nothing stored$/);
    } finally {
      l.child.kill('SIGTERM');
      await l.exited;
    }
  });

  test('SIGTERM finishes the requests in flight, commits them and exits 0', async () => {
    const db = dbFile();
    const token = 't';
    const l = await spawnLedger(['--port', '0', '--db', db, '--rate', '0'], { ADMIN_TOKEN: token });
    const { acked, sent } = await postUntil(l.url, { total: 2000, after: 200, interrupt: () => l.child.kill('SIGTERM') });
    const { code } = await l.exited;
    assert.equal(code, 0, l.log());
    assert.match(l.log(), /SIGTERM: no longer accepting connections[\s\S]*stopped; every acknowledged record is committed/);
    assert.ok(acked.length >= 200 && sent > acked.length);
    const again = await spawnLedger(['--port', '0', '--db', db], { ADMIN_TOKEN: token });
    try {
      await assertAllStored(again.url, token, acked);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  });

  test('the SQLite file holds the browser family but never the raw user agent or the client address', async () => {
    const db = dbFile();
    const l = await spawnLedger(['--port', '0', '--db', db]);
    const ua = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
    try {
      assert.equal((await post(l.url, record(), { 'user-agent': ua })).status, 204);
    } finally {
      l.child.kill('SIGTERM');
      await l.exited;
    }
    const rows = new Database(db, { readonly: true }).prepare('SELECT * FROM consent_records').all();
    assert.equal(rows.length, 1);
    assert.equal(rows[0].ua_family, 'Safari');
    const everything = JSON.stringify(rows);
    assert.ok(!everything.includes('AppleWebKit'), 'no raw user agent');
    assert.ok(!everything.includes('127.0.0.1') && !everything.includes('::1'), 'no client address');
  });
});
