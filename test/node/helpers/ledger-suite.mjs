// The ledger's behaviour as a site, a visitor and a site owner see it over HTTP. Run once per
// store (SQLite, PostgreSQL) so that both keep the same promises.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, describe, test } from 'node:test';
import { createLedger } from '../../../ledger/server.mjs';
import { RECORD_LIMITS } from '../../../ledger/record.mjs';

const silent = { info() {}, error() {} };
let seq = 0;

/** A unique consent id, so tests sharing a store never see each other's records. */
export function newId(prefix = 't') {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${(seq++).toString(36)}`;
}

/** @param {Record<string, unknown>} [over] */
export function record(over = {}) {
  return {
    v: 1,
    id: newId(),
    ts: '2026-11-23T10:00:00.000Z',
    revision: 3,
    categories: { required: true, functional: false, performance: true, advertising: false },
    vendors: { 'google-analytics': true },
    method: 'custom',
    signals: { gpc: false, dnt: false },
    url: 'https://example.com/pricing',
    lang: 'en',
    ...over,
  };
}

/** @param {string} base @param {unknown} body @param {Record<string, string>} [headers] */
export function post(base, body, headers = {}) {
  return fetch(`${base}/api/consent`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://example.com', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A clock the test moves, so receive times (and so export ranges) are known. */
export function clock(iso) {
  let t = Date.parse(iso);
  return { now: () => t, set: (s) => (t = Date.parse(s)) };
}

/**
 * Starts in-process ledgers on fresh stores, all closed after the file's tests.
 * @param {() => Promise<{db?: string, databaseUrl?: string}>} storeOptions
 */
export function ledgerStarter(storeOptions) {
  /** @type {(() => Promise<void>)[]} */
  const closers = [];
  after(async () => {
    for (const close of closers.reverse()) await close();
  });
  /** @param {import('../../../ledger/server.mjs').LedgerOptions} [opts] */
  return async function start(opts = {}, store = undefined) {
    const ledger = await createLedger({ port: 0, rate: 0, logger: silent, ...(store ?? (await storeOptions())), ...opts });
    closers.push(() => ledger.close());
    return ledger;
  };
}

/**
 * @param {string} name shown in test names
 * @param {() => Promise<{db?: string, databaseUrl?: string}>} storeOptions a fresh, empty store per call
 */
export function ledgerSuite(name, storeOptions) {
  const start = ledgerStarter(storeOptions);

  describe(`${name}: POST /api/consent`, () => {
    test('a record sent as text/plain (sendBeacon) is acknowledged with 204 and can be read back', async () => {
      const { url } = await start();
      const r = record();
      const res = await post(url, r);
      assert.equal(res.status, 204);
      const back = await fetch(`${url}/api/consent/${r.id}`);
      assert.equal(back.status, 200);
      const [stored] = await back.json();
      const { receivedAt, ...rest } = stored;
      assert.deepEqual(rest, r);
      assert.ok(Math.abs(Date.parse(receivedAt) - Date.now()) < 60_000, 'receivedAt is the server time of receipt');
    });

    test('a record sent as application/json (fetch) is accepted', async () => {
      const { url } = await start();
      const r = record();
      const res = await post(url, r, { 'content-type': 'application/json' });
      assert.equal(res.status, 204);
      assert.equal((await fetch(`${url}/api/consent/${r.id}`)).status, 200);
    });

    test('the same record sent twice answers 204 both times and is stored once', async () => {
      const { url } = await start();
      const r = record();
      const answers = await Promise.all([post(url, r), post(url, r), post(url, r)]);
      assert.deepEqual(answers.map((a) => a.status), [204, 204, 204]);
      assert.equal((await post(url, r)).status, 204);
      const stored = await (await fetch(`${url}/api/consent/${r.id}`)).json();
      assert.equal(stored.length, 1);
    });

    test('a visitor changing their mind adds a record; the id lists them oldest first', async () => {
      const { url } = await start();
      const id = newId();
      assert.equal((await post(url, record({ id, ts: '2026-11-23T12:00:00.000Z', method: 'reject-all', revision: 4 }))).status, 204);
      assert.equal((await post(url, record({ id, ts: '2026-11-22T09:00:00.000+01:00', method: 'accept-all' }))).status, 204);
      const stored = await (await fetch(`${url}/api/consent/${id}`)).json();
      assert.deepEqual(stored.map((s) => [s.ts, s.method]), [
        ['2026-11-22T08:00:00.000Z', 'accept-all'],
        ['2026-11-23T12:00:00.000Z', 'reject-all'],
      ]);
    });

    test('a different record under an (id, ts) already stored answers 409 naming "ts"; the stored one stays, and resending it still answers 204', async () => {
      const { url } = await startShared();
      const r = record({ ts: '2025-06-01T10:00:00.000Z', method: 'custom' });
      assert.equal((await post(url, r)).status, 204);
      for (const other of [{ method: 'reject-all' }, { categories: { ...r.categories, advertising: true } }, { revision: 4 }]) {
        const res = await post(url, { ...r, ...other });
        assert.equal(res.status, 409, JSON.stringify(other));
        assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
        const body = await res.json();
        assert.equal(body.field, 'ts');
        assert.match(body.error, /different record/);
      }
      assert.equal((await post(url, r)).status, 204);
      const stored = await (await fetch(`${url}/api/consent/${r.id}`)).json();
      assert.deepEqual(stored.map((s) => [s.ts, s.method, s.categories.advertising, s.revision]), [['2025-06-01T10:00:00.000Z', 'custom', false, 3]]);
    });

    test('a ts that differs from a stored one only below the millisecond is the same instant: a different record there answers 409', async () => {
      const { url } = await startShared();
      const r = record({ ts: '2025-11-23T10:00:00.1234Z', method: 'custom' });
      assert.equal((await post(url, r)).status, 204);
      const res = await post(url, { ...r, ts: '2025-11-23T10:00:00.1239Z', method: 'accept-all' });
      assert.equal(res.status, 409);
      assert.equal((await res.json()).field, 'ts');
      const stored = await (await fetch(`${url}/api/consent/${r.id}`)).json();
      assert.deepEqual(stored.map((s) => [s.ts, s.method]), [['2025-11-23T10:00:00.123Z', 'custom']]);
    });

    test('the same decision resent with its instant or its categories spelled differently answers 204 and is stored once', async () => {
      const { url } = await startShared();
      const r = record({ ts: '2025-06-01T10:00:00Z' });
      assert.equal((await post(url, r)).status, 204);
      const reordered = Object.fromEntries(Object.entries(r.categories).reverse());
      assert.equal((await post(url, { ...r, ts: '2025-06-01T12:00:00.000+02:00', categories: reordered })).status, 204);
      assert.equal((await fetch(`${url}/api/consent/${r.id}`).then((res) => res.json())).length, 1);
    });

    test('different records under one (id, ts) sent at once: exactly one answers 204 and is the one stored, the others 409', async () => {
      const { url } = await startShared();
      const r = record({ ts: '2025-06-02T10:00:00.000Z' });
      const variants = ['accept-all', 'reject-all', 'custom', 'signal', 'opt-out-default'].map((method) => ({ ...r, method }));
      const statuses = await Promise.all(variants.map((v) => post(url, v).then((res) => res.status)));
      assert.deepEqual([...statuses].sort(), [204, 409, 409, 409, 409]);
      const stored = await (await fetch(`${url}/api/consent/${r.id}`)).json();
      assert.deepEqual(stored.map((s) => s.method), [variants[statuses.indexOf(204)].method]);
    });

    const tooManyVendors = Object.fromEntries(Array.from({ length: RECORD_LIMITS.vendors + 1 }, (_, i) => [`v${i}`, true]));
    const bad = [
      ['v', { v: 2 }],
      ['id', { id: 'short' }],
      ['id', { id: 'has_underscore_1' }],
      ['ts', { ts: 'yesterday' }],
      ['ts', { ts: '2026-11-23T10:00:00' }],
      ['ts', { ts: '2026-11-23' }],
      ['ts', { ts: new Date(Date.now() + 3 * 86_400_000).toISOString() }],
      // Days and hours that do not exist: Date.parse would roll them over into another instant.
      ['ts', { ts: '2025-02-30T10:00:00Z' }],
      ['ts', { ts: '2025-04-31T10:00:00.000+02:00' }],
      ['ts', { ts: '2025-11-23T24:00:00Z' }],
      ['ts', { ts: '2025-11-23T24:00:00.000-05:00' }],
      ['revision', { revision: -1 }],
      ['revision', { revision: '3' }],
      ['categories', { categories: {} }],
      ['categories', { categories: [true] }],
      ['categories.performance', { categories: { required: true, performance: 'yes' } }],
      ['categories.Ads', { categories: { required: true, Ads: true } }],
      ['vendors', { vendors: tooManyVendors }],
      ['vendors.google-analytics', { vendors: { 'google-analytics': 1 } }],
      ['method', { method: 'maybe' }],
      ['signals', { signals: null }],
      ['signals.gpc', { signals: { gpc: 1, dnt: false } }],
      ['signals.dnt', { signals: { gpc: true } }],
      ['url', { url: 'https://example.com/pricing?email=a@b.c' }],
      ['url', { url: 'https://example.com/pricing#top' }],
      ['url', { url: 'javascript:alert(1)' }],
      ['url', { url: '/relative' }],
      ['lang', { lang: '' }],
      ['lang', { lang: 'english please' }],
      ['tracking', { tracking: true }],
    ];
    for (const [field, over] of bad) {
      test(`a record with a bad ${field} (${JSON.stringify(over).slice(0, 60)}) answers 400 naming "${field}" and is not stored`, async () => {
        const { url } = await startShared();
        const r = record(over);
        const res = await post(url, r);
        assert.equal(res.status, 400);
        assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
        const body = await res.json();
        assert.equal(body.field, field);
        assert.equal(typeof body.error, 'string');
        assert.ok(body.error.length > 5, 'the error says what is wrong');
        if (typeof r.id === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(r.id)) {
          assert.equal((await fetch(`${url}/api/consent/${r.id}`)).status, 404);
        }
      });
    }

    test('a record without vendors answers 400 naming "vendors" and is not stored; vendors {} is stored', async () => {
      // The banner always sends vendors ({} when the configuration lists none): a record
      // without it is not one the banner wrote.
      const { url } = await startShared();
      const r = record();
      delete r.vendors;
      const res = await post(url, r);
      assert.equal(res.status, 400);
      const body = await res.json();
      assert.equal(body.field, 'vendors');
      assert.match(body.error, /vendors/);
      assert.equal((await fetch(`${url}/api/consent/${r.id}`)).status, 404);
      const none = record({ vendors: {} });
      assert.equal((await post(url, none)).status, 204);
      const [stored] = await (await fetch(`${url}/api/consent/${none.id}`)).json();
      assert.deepEqual(stored.vendors, {});
    });

    test('a body that is not JSON answers 400 naming "body"', async () => {
      const { url } = await startShared();
      const res = await post(url, '{"v":1,');
      assert.equal(res.status, 400);
      assert.equal((await res.json()).field, 'body');
    });

    test('the body is read as JSON whatever its Content-Type: a good record is stored, a bad one answers 400 naming the field', async () => {
      // The contract answers 204, 400, 413 or 429; a content type protects nothing (text/plain
      // is a CORS-simple request as well), so it is not a reason to refuse.
      const { url } = await startShared();
      const form = record();
      assert.equal((await post(url, form, { 'content-type': 'application/x-www-form-urlencoded' })).status, 204);
      assert.equal((await fetch(`${url}/api/consent/${form.id}`)).status, 200);
      const notJson = await post(url, 'v=1', { 'content-type': 'application/x-www-form-urlencoded' });
      assert.equal(notJson.status, 400);
      assert.equal((await notJson.json()).field, 'body');
      const badLang = await post(url, record({ lang: '' }), { 'content-type': 'application/xml' });
      assert.equal(badLang.status, 400);
      assert.equal((await badLang.json()).field, 'lang');
      // A Blob without a type (sendBeacon) or raw bytes send no Content-Type at all.
      const untyped = record();
      const res = await fetch(`${url}/api/consent`, { method: 'POST', headers: { origin: 'https://example.com' }, body: new TextEncoder().encode(JSON.stringify(untyped)) });
      assert.equal(res.status, 204);
      assert.equal((await fetch(`${url}/api/consent/${untyped.id}`)).status, 200);
    });

    test('a body over 32 KiB answers 413 and is not stored', async () => {
      const { url } = await startShared();
      const r = record({ url: `https://example.com/${'a'.repeat(2000)}`, vendors: Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`vendor-${i}-`.padEnd(64, 'x'), true])) });
      const text = JSON.stringify(r).replace(/^\{/, `{${' '.repeat(16 * 1024)}`);
      assert.ok(text.length > 32 * 1024);
      const res = await post(url, text);
      assert.equal(res.status, 413);
      assert.equal((await res.json()).field, 'body');
      assert.equal((await fetch(`${url}/api/consent/${r.id}`)).status, 404);
    });

    test('a chunked body that grows past the limit answers 413', async () => {
      const { url } = await startShared();
      const res = await new Promise((resolve, reject) => {
        const req = http.request(`${url}/api/consent`, { method: 'POST', headers: { 'content-type': 'text/plain', origin: 'https://example.com' } }, resolve);
        req.on('error', reject);
        req.write(`{"v":1,"pad":"${'x'.repeat(20_000)}`);
        req.end(`${'x'.repeat(20_000)}"}`);
      });
      assert.equal(res.statusCode, 413);
      res.resume();
    });

    test('the store keeps the page origin and the browser family, never the raw user agent or IP', async () => {
      const c = clock('2026-11-23T10:30:00.000Z');
      const { url } = await start({ adminToken: 'tok', now: c.now });
      const ua = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
      const r = record({ url: 'https://shop.example.com/cart' });
      assert.equal((await post(url, r, { 'user-agent': ua, origin: 'https://shop.example.com' })).status, 204);
      const res = await fetch(`${url}/admin/export?format=ndjson`, { headers: { authorization: 'Bearer tok' } });
      const text = await res.text();
      const line = text.trim().split('\n').map((l) => JSON.parse(l)).find((l) => l.record.id === r.id);
      assert.equal(line.uaFamily, 'Firefox');
      assert.equal(line.origin, 'https://shop.example.com');
      assert.equal(line.receivedAt, '2026-11-23T10:30:00.000Z');
      assert.ok(!text.includes('Gecko/20100101'), 'raw user agent is not stored');
      assert.ok(!text.includes('127.0.0.1'), 'client address is not stored');
    });
  });

  describe(`${name}: origins and CORS`, () => {
    test('without --origin any site may post, and CORS answers *', async () => {
      const { url } = await startShared();
      const res = await post(url, record(), { origin: 'https://anything.example' });
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      const pre = await fetch(`${url}/api/consent`, {
        method: 'OPTIONS',
        headers: { origin: 'https://anything.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      assert.equal(pre.status, 204);
      assert.equal(pre.headers.get('access-control-allow-origin'), '*');
      assert.match(pre.headers.get('access-control-allow-methods') ?? '', /POST/);
      assert.match(pre.headers.get('access-control-allow-headers') ?? '', /content-type/i);
    });

    test('with --origin, a listed site gets its origin echoed back', async () => {
      const { url } = await start({ origins: ['https://example.com/', 'https://shop.example.com'] });
      const res = await post(url, record(), { origin: 'https://example.com' });
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), 'https://example.com');
      assert.match(res.headers.get('vary') ?? '', /Origin/);
      const pre = await fetch(`${url}/api/consent`, { method: 'OPTIONS', headers: { origin: 'https://shop.example.com', 'access-control-request-method': 'POST' } });
      assert.equal(pre.status, 204);
      assert.equal(pre.headers.get('access-control-allow-origin'), 'https://shop.example.com');
    });

    test('with --origin, any other site (or none) answers 403 and nothing is stored', async () => {
      const { url } = await start({ origins: ['https://example.com'] });
      const r = record();
      const res = await post(url, r, { origin: 'https://evil.example' });
      assert.equal(res.status, 403);
      assert.equal(res.headers.get('access-control-allow-origin'), null);
      assert.equal((await res.json()).field, 'Origin');
      const noOrigin = await fetch(`${url}/api/consent`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(r) });
      assert.equal(noOrigin.status, 403);
      const pre = await fetch(`${url}/api/consent`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      assert.equal(pre.status, 403);
      assert.equal((await fetch(`${url}/api/consent/${r.id}`)).status, 404);
    });

    test('with --origin, a visitor may open their proof directly, but a foreign page may not read it', async () => {
      const { url } = await start({ origins: ['https://example.com'] });
      const r = record();
      assert.equal((await post(url, r)).status, 204);
      assert.equal((await fetch(`${url}/api/consent/${r.id}`)).status, 200);
      const own = await fetch(`${url}/api/consent/${r.id}`, { headers: { origin: 'https://example.com' } });
      assert.equal(own.status, 200);
      assert.equal(own.headers.get('access-control-allow-origin'), 'https://example.com');
      assert.equal((await fetch(`${url}/api/consent/${r.id}`, { headers: { origin: 'https://evil.example' } })).status, 403);
    });
  });

  describe(`${name}: rate limit`, () => {
    test('a client posting more than --rate records a minute gets 429 with Retry-After', async () => {
      const { url } = await start({ rate: 3 });
      for (let i = 0; i < 3; i++) assert.equal((await post(url, record())).status, 204);
      const r = record();
      const res = await post(url, r);
      assert.equal(res.status, 429);
      const retry = Number(res.headers.get('retry-after'));
      assert.ok(Number.isInteger(retry) && retry >= 1 && retry <= 60, `Retry-After is whole seconds, got ${retry}`);
      assert.equal(res.headers.get('access-control-allow-origin'), '*', 'the page can read the 429');
      assert.equal((await fetch(`${url}/api/consent/${r.id}`)).status, 429, 'reads count against the same client');
    });

    test('X-Forwarded-For is ignored unless --trust-proxy, so a client cannot dodge the limit', async () => {
      const { url } = await start({ rate: 1 });
      assert.equal((await post(url, record(), { 'x-forwarded-for': '203.0.113.1' })).status, 204);
      assert.equal((await post(url, record(), { 'x-forwarded-for': '203.0.113.2' })).status, 429);
    });

    test('with --trust-proxy each forwarded client has its own allowance', async () => {
      const { url } = await start({ rate: 1, trustProxy: true });
      assert.equal((await post(url, record(), { 'x-forwarded-for': '203.0.113.1' })).status, 204);
      assert.equal((await post(url, record(), { 'x-forwarded-for': '203.0.113.1' })).status, 429);
      // The proxy appends the real peer last; a client-supplied first entry does not matter.
      assert.equal((await post(url, record(), { 'x-forwarded-for': '203.0.113.1, 198.51.100.7' })).status, 204);
    });
  });

  describe(`${name}: GET /api/consent/:id`, () => {
    test('an id with no records answers 404 with a JSON error', async () => {
      const { url } = await startShared();
      const res = await fetch(`${url}/api/consent/${newId()}`);
      assert.equal(res.status, 404);
      assert.equal(typeof (await res.json()).error, 'string');
    });

    test('a malformed id answers 400 naming "id"', async () => {
      const { url } = await startShared();
      const res = await fetch(`${url}/api/consent/not%20an%20id`);
      assert.equal(res.status, 400);
      assert.equal((await res.json()).field, 'id');
    });
  });

  describe(`${name}: admin routes`, () => {
    test('without ADMIN_TOKEN every admin route answers 403', async () => {
      const { url } = await start();
      for (const path of ['/admin', '/admin/stats', '/admin/export?format=csv']) {
        const res = await fetch(url + path, { headers: { authorization: 'Bearer anything' } });
        assert.equal(res.status, 403, path);
        assert.match((await res.json()).error, /ADMIN_TOKEN/);
      }
    });

    test('with ADMIN_TOKEN a missing or wrong token answers 401, the right one 200', async () => {
      const { url } = await start({ adminToken: 's3cret-token' });
      for (const path of ['/admin', '/admin/stats', '/admin/export?format=csv']) {
        const none = await fetch(url + path);
        assert.equal(none.status, 401, path);
        assert.match(none.headers.get('www-authenticate') ?? '', /Basic/);
        assert.equal((await fetch(url + path, { headers: { authorization: 'Bearer wrong' } })).status, 401, path);
        const ok = await fetch(url + path, { headers: { authorization: 'Bearer s3cret-token' } });
        assert.equal(ok.status, 200, path);
        await ok.arrayBuffer();
      }
    });

    test('a browser can open /admin with the token as the Basic password', async () => {
      const { url } = await start({ adminToken: 's3cret-token' });
      const basic = (pw) => `Basic ${Buffer.from(`admin:${pw}`).toString('base64')}`;
      assert.equal((await fetch(`${url}/admin`, { headers: { authorization: basic('nope') } })).status, 401);
      assert.equal((await fetch(`${url}/admin`, { headers: { authorization: basic('s3cret-token') } })).status, 200);
    });

    async function seeded() {
      const c = clock('2026-01-01T12:00:00.000Z');
      const ledger = await start({ adminToken: 'tok', now: c.now });
      const days = ['2026-01-01', '2026-01-02', '2026-01-03'];
      /** @type {Record<string, any>} */
      const byDay = {};
      for (const [i, day] of days.entries()) {
        c.set(`${day}T12:00:00.000Z`);
        byDay[day] = [
          record({ ts: `${day}T11:59:00.000Z`, method: 'accept-all', categories: { required: true, performance: true } }),
          record({ ts: `${day}T11:59:00.000Z`, method: i === 0 ? 'accept-all' : 'reject-all', categories: { required: true, performance: i === 0 } }),
        ];
        for (const r of byDay[day]) assert.equal((await post(ledger.url, r)).status, 204);
      }
      const get = (path) => fetch(ledger.url + path, { headers: { authorization: 'Bearer tok' } });
      return { ledger, byDay, get };
    }

    test('CSV export streams the records received in [from, to) with a header row', async () => {
      const { byDay, get } = await seeded();
      const res = await get('/admin/export?format=csv&from=2026-01-02T00:00:00Z&to=2026-01-03T00:00:00Z');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
      assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="consent-2026-01-02-2026-01-03\.csv"/);
      assert.equal(res.headers.get('content-length'), null, 'streamed, not buffered');
      const lines = (await res.text()).trimEnd().split('\r\n');
      assert.equal(lines[0], 'received_at,id,ts,revision,method,categories,vendors,gpc,dnt,url,lang,origin,ua_family');
      assert.deepEqual(lines.slice(1).map((l) => l.split(',')[1]), byDay['2026-01-02'].map((r) => r.id));
      assert.ok(lines[1].startsWith('2026-01-02T12:00:00.000Z,'));
      assert.ok(lines[1].includes('"{""required"":true,""performance"":true}"'), 'JSON cells are CSV-quoted');
    });

    test('NDJSON export gives one record per line, oldest first, within the range', async () => {
      const { byDay, get } = await seeded();
      const res = await get('/admin/export?format=ndjson&from=2026-01-02T00:00:00Z');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/x-ndjson/);
      const rows = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
      assert.deepEqual(rows.map((r) => r.record), [...byDay['2026-01-02'], ...byDay['2026-01-03']]);
      assert.deepEqual(Object.keys(rows[0]).sort(), ['origin', 'receivedAt', 'record', 'uaFamily']);
    });

    test('an export of more rows than one page comes back complete and in order', async () => {
      const c = clock('2026-02-01T00:00:00.000Z');
      const { url } = await start({ adminToken: 'tok', now: c.now });
      const n = 2500;
      const ids = [];
      for (let i = 0; i < n; i += 250) {
        c.set(new Date(Date.parse('2026-02-01T00:00:00.000Z') + i * 1000).toISOString());
        const batch = Array.from({ length: 250 }, () => record({ ts: '2026-01-31T00:00:00.000Z' }));
        ids.push(...batch.map((r) => r.id));
        const codes = await Promise.all(batch.map((r) => post(url, r).then((res) => res.status)));
        assert.ok(codes.every((s) => s === 204));
      }
      const res = await fetch(`${url}/admin/export?format=csv&from=2026-02-01T00:00:00Z`, { headers: { authorization: 'Bearer tok' } });
      const lines = (await res.text()).trimEnd().split('\r\n').slice(1);
      assert.equal(lines.length, n);
      assert.deepEqual(new Set(lines.map((l) => l.split(',')[1])), new Set(ids));
      const times = lines.map((l) => l.split(',')[0]);
      assert.deepEqual(times, [...times].sort());
    });

    test('from and to may be plain dates, each the start of that day in UTC (export and stats)', async () => {
      const { byDay, get } = await seeded();
      const res = await get('/admin/export?format=ndjson&from=2026-01-02&to=2026-01-03');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-disposition') ?? '', /filename="consent-2026-01-02-2026-01-03\.ndjson"/);
      const rows = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
      assert.deepEqual(rows.map((r) => r.record), byDay['2026-01-02'], 'from the start of 2 January to the start of 3 January');
      const all = await get('/admin/export?format=csv&from=2026-01-01');
      assert.equal((await all.text()).trimEnd().split('\r\n').length, 1 + 6);
      const stats = await get('/admin/stats?from=2026-01-02&to=2026-01-04');
      assert.equal(stats.status, 200);
      const s = await stats.json();
      assert.deepEqual([s.from, s.to, s.total], ['2026-01-02T00:00:00.000Z', '2026-01-04T00:00:00.000Z', 4]);
      for (const [q, field] of [
        ['from=2026-02-30', 'from'],
        ['from=2026-1-02', 'from'],
        ['to=20260103', 'to'],
        ['to=2026-01-03T', 'to'],
        ['from=2026-01-03&to=2026-01-03', 'to'],
      ]) {
        const bad = await get(`/admin/export?format=csv&${q}`);
        assert.equal(bad.status, 400, q);
        assert.equal((await bad.json()).field, field, q);
      }
    });

    test('export with a bad format or date answers 400 naming the parameter', async () => {
      const { url } = await start({ adminToken: 'tok' });
      const get = (q) => fetch(`${url}/admin/export?${q}`, { headers: { authorization: 'Bearer tok' } });
      for (const [q, field] of [
        ['format=xml', 'format'],
        ['format=csv&from=last-week', 'from'],
        ['format=csv&to=2026-13-01', 'to'],
        ['format=csv&from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z', 'to'],
      ]) {
        const res = await get(q);
        assert.equal(res.status, 400, q);
        assert.equal((await res.json()).field, field, q);
      }
    });

    test('/admin/stats counts decisions per day and acceptance per category', async () => {
      const { get } = await seeded();
      const res = await get('/admin/stats?from=2026-01-01T00:00:00Z&to=2026-01-04T00:00:00Z');
      assert.equal(res.status, 200);
      const s = await res.json();
      assert.equal(s.total, 6);
      const perDay = Object.fromEntries(s.perDay.map((d) => [`${d.day} ${d.method}`, Number(d.n)]));
      assert.deepEqual(perDay, { '2026-01-01 accept-all': 2, '2026-01-02 accept-all': 1, '2026-01-02 reject-all': 1, '2026-01-03 accept-all': 1, '2026-01-03 reject-all': 1 });
      const perf = s.perCategory.find((c) => c.category === 'performance');
      assert.deepEqual([Number(perf.accepted), Number(perf.total)], [4, 6]);
    });

    test('/admin is an HTML dashboard with SVG charts that works under its own CSP, without scripts', async () => {
      const { get } = await seeded();
      const res = await get('/admin?from=2026-01-01T00:00:00Z&to=2026-01-04T00:00:00Z');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      const nonce = /style-src 'nonce-([^']+)'/.exec(csp)?.[1];
      assert.ok(nonce, `CSP allows styles by nonce: ${csp}`);
      assert.match(csp, /default-src 'none'/);
      const html = await res.text();
      assert.ok(html.includes(`<style nonce="${nonce}">`), 'the one style element carries the nonce');
      assert.ok(!/<script/i.test(html), 'no script');
      assert.ok(!/\sstyle=/i.test(html), 'no inline style attributes (the CSP would block them)');
      assert.ok(!/https?:\/\/(?!www\.w3\.org)/.test(html), 'no external resources');
      assert.equal((html.match(/<svg /g) ?? []).length, 2, 'two charts');
      assert.match(html, /6 decisions/);
      assert.match(html, /performance/);
      assert.match(html, /66\.7% of 6/);
      assert.match(html, /2026-01-02 reject-all: 1/);
    });
  });

  describe(`${name}: other routes`, () => {
    test('/healthz answers 200 with the store kind', async () => {
      const { url, store } = await startShared();
      const res = await fetch(`${url}/healthz`);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { ok: true, store: store.kind });
    });

    test('unknown paths answer 404 and wrong methods 405', async () => {
      const { url } = await startShared();
      assert.equal((await fetch(`${url}/nope`)).status, 404);
      const put = await fetch(`${url}/api/consent`, { method: 'PUT', headers: { origin: 'https://example.com' } });
      assert.equal(put.status, 405);
      assert.match(put.headers.get('allow') ?? '', /POST/);
    });

    test('with cookie echo the consent cookie is re-issued by the server; without it, never', async () => {
      const on = await start({ cookieEcho: { name: 'consentry', maxAge: 15552000 } });
      const res = await post(on.url, record(), { cookie: 'other=1; consentry=v1.abc%7Cdef' });
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('set-cookie'), 'consentry=v1.abc%7Cdef; Max-Age=15552000; Path=/; SameSite=Lax; Secure');
      const off = await startShared();
      const res2 = await post(off.url, record(), { cookie: 'consentry=v1.abc' });
      assert.equal(res2.headers.get('set-cookie'), null);
    });

    test('close() answers requests in flight and commits them before the store closes', async () => {
      const store = await storeOptions();
      const ledger = await start({}, store);
      const recs = Array.from({ length: 300 }, () => record());
      let acks = 0;
      let closing;
      const pending = recs.map((r) =>
        post(ledger.url, r).then(
          (res) => {
            if (res.status === 204 && ++acks === 20) closing = ledger.close();
            return res.status;
          },
          () => 'error',
        ),
      );
      const codes = await Promise.all(pending);
      await closing;
      const acked = recs.filter((_, i) => codes[i] === 204);
      assert.ok(acked.length >= 20);
      assert.ok(codes.every((c) => c === 204 || c === 'error'), `only 204 or a refused connection: ${[...new Set(codes)]}`);
      const again = await start({}, store);
      for (const r of acked) assert.equal((await fetch(`${again.url}/api/consent/${r.id}`)).status, 200, r.id);
    });
  });

  /** One ledger shared by tests that need no special options, to keep the suite fast. */
  let shared;
  function startShared() {
    shared ??= start();
    return shared;
  }
}
