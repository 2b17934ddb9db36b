// The ledger's HTTP behaviour on its default store, an SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import http from 'node:http';
import net from 'node:net';
import { defaultMaxConnections } from '../../ledger/connections.mjs';
import { createLedger } from '../../ledger/server.mjs';
import { clientKey, createRateLimiter } from '../../ledger/ratelimit.mjs';
import { uaFamily } from '../../ledger/ua.mjs';
import { ledgerAbuseSuite } from './helpers/ledger-abuse.mjs';
import { ledgerFuzzSuite } from './helpers/ledger-fuzz.mjs';
import { ledgerSuite, post, record } from './helpers/ledger-suite.mjs';

const dir = mkdtempSync(join(tmpdir(), 'consentry-ledger-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

ledgerSuite('SQLite', async () => ({ db: join(dir, `ledger-${n++}.db`) }));
ledgerAbuseSuite('SQLite', async () => ({ db: join(dir, `ledger-${n++}.db`) }));
ledgerFuzzSuite('SQLite', async () => ({ db: join(dir, `ledger-${n++}.db`) }));

describe('rate limit allowance', () => {
  test('a limited client may post again once time has refilled its allowance, and Retry-After says when', () => {
    let t = 0;
    const limiter = createRateLimiter({ rate: 60, now: () => t });
    for (let i = 0; i < 60; i++) assert.equal(limiter.take('203.0.113.9').ok, true);
    const denied = limiter.take('203.0.113.9');
    assert.deepEqual(denied, { ok: false, retryAfter: 1 });
    assert.equal(limiter.take('203.0.113.10').ok, true, 'other clients are unaffected');
    t += 1000;
    assert.equal(limiter.take('203.0.113.9').ok, true);
    assert.equal(limiter.take('203.0.113.9').ok, false);
    limiter.close();
  });
});

describe('client keys', () => {
  test('IPv6 clients are keyed by their /64, IPv4 (also IPv4-mapped) by their address', () => {
    assert.equal(clientKey('2001:db8:1:2:3:4:5:6'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:0DB8:0001:0002::ffff'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(clientKey('::1'), '0:0:0:0::/64');
    assert.equal(clientKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
    assert.equal(clientKey('::ffff:192.0.2.7'), '192.0.2.7');
    assert.equal(clientKey('64:ff9b::192.0.2.7'), '64:ff9b:0:0::/64');
    assert.equal(clientKey('192.0.2.7'), '192.0.2.7');
  });
});

describe('connections', () => {
  const silent = { info() {}, error() {} };
  const open = async (url, n) => {
    const { port } = new URL(url);
    const sockets = Array.from({ length: n }, () => net.connect(Number(port), '127.0.0.1').on('error', () => {}));
    await Promise.all(sockets.map((s) => new Promise((resolve) => s.once('connect', resolve).once('close', resolve))));
    return sockets;
  };

  test('over --max-connections the longest idle connection is closed, so real clients are still answered', async () => {
    const ledger = await createLedger({ port: 0, rate: 0, logger: silent, db: join(dir, `conn-${n++}.db`), maxConnections: 20 });
    const sockets = await open(ledger.url, 100);
    try {
      for (let i = 0; i < 5; i++) {
        assert.equal((await post(ledger.url, record())).status, 204);
        assert.equal((await fetch(`${ledger.url}/healthz`)).status, 200);
      }
      const count = await new Promise((resolve, reject) => ledger.server.getConnections((err, c) => (err ? reject(err) : resolve(c))));
      assert.ok(count <= 21, `${count} connections open`);
    } finally {
      for (const s of sockets) s.destroy();
      await ledger.close();
    }
  });

  test('a connection that sends no request is closed after --headers-timeout with 408', async () => {
    const ledger = await createLedger({ port: 0, rate: 0, logger: silent, db: join(dir, `conn-${n++}.db`), headersTimeout: 1000, requestTimeout: 2000 });
    try {
      const [s] = await open(ledger.url, 1);
      let answer = '';
      s.on('data', (d) => (answer += d));
      s.write('POST /api/consent HTTP/1.1\r\nHost: x\r\n');
      await new Promise((resolve) => s.once('close', resolve));
      assert.match(answer, /^HTTP\/1\.1 408 /);
    } finally {
      await ledger.close();
    }
  });

  test('the default cap leaves file descriptors spare under a low open-file limit', () => {
    assert.equal(defaultMaxConnections(null), 1024);
    assert.equal(defaultMaxConnections(65536), 1024);
    assert.equal(defaultMaxConnections(1024), 924);
    assert.equal(defaultMaxConnections(100), 16);
  });
});

describe('cookie echo', () => {
  test('a Set-Cookie that cannot be built still answers a stored record with 204, and logs that once, without a stack trace', async () => {
    const lines = [];
    const logger = { info() {}, error: (msg, err) => lines.push(err === undefined ? msg : `${msg} ${err?.stack ?? err}`) };
    const ledger = await createLedger({ port: 0, rate: 0, logger, db: join(dir, `cookie-${n++}.db`), cookieEcho: { name: 'consentry', maxAge: 60 } });
    // Node refuses the header as it would refuse one with a control character in it.
    const setHeader = http.ServerResponse.prototype.setHeader;
    http.ServerResponse.prototype.setHeader = function (name, value) {
      if (String(name).toLowerCase() === 'set-cookie') throw Object.assign(new TypeError(`Invalid character in header content ["${name}"]`), { code: 'ERR_INVALID_CHAR' });
      return setHeader.call(this, name, value);
    };
    try {
      const recs = [record(), record()];
      for (const r of recs) {
        const res = await post(ledger.url, r, { cookie: 'consentry=v1.abc' });
        assert.equal(res.status, 204);
        assert.equal(res.headers.get('set-cookie'), null);
      }
      for (const r of recs) assert.equal((await fetch(`${ledger.url}/api/consent/${r.id}`)).status, 200);
      assert.equal(lines.length, 1, lines.join('\n'));
      assert.match(lines[0], /^cookie echo: could not set the consentry cookie \(Invalid character in header content \["Set-Cookie"\]\)/);
      assert.doesNotMatch(lines[0], /\n/);
    } finally {
      http.ServerResponse.prototype.setHeader = setHeader;
      await ledger.close();
    }
  });

  test('createLedger refuses a cookie name that is not a token and a domain that is not a host name, naming the option', async () => {
    const silent = { info() {}, error() {} };
    for (const [cookieEcho, flag] of [
      [{ name: 'a b', maxAge: 60 }, '--cookie-echo'],
      [{ name: 'consentry', maxAge: 60, domain: 'example.com; HttpOnly' }, '--cookie-domain'],
    ]) {
      await assert.rejects(createLedger({ port: 0, logger: silent, db: join(dir, `cookie-${n++}.db`), cookieEcho }), (err) => err.message.startsWith(`${flag} `));
    }
  });
});

describe('browser family', () => {
  const cases = {
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36': 'Chrome',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0': 'Edge',
    'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0': 'Firefox',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1': 'Safari',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1': 'Chrome',
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)': 'Bot',
    'curl/8.5.0': 'Other',
  };
  for (const [ua, family] of Object.entries(cases)) {
    test(`is ${family} for ${ua.slice(0, 70)}`, () => assert.equal(uaFamily(ua), family));
  }
});
