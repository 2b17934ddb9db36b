// The ledger under abuse (issue 11, items 7, 8, 10, 11 and the limits shared with the SDK), as
// an outsider or a site owner sees it over HTTP. Run once per store, like ledger-suite.mjs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clock, ledgerStarter, newId, post, record } from './ledger-suite.mjs';
import { LIMITS } from '../../../dist/validate.mjs';

/** The limits the SDK's validator allows (src/limits.ts, their one source); the ledger must accept records at them. */
export const SDK_LIMITS = LIMITS;

/** A spreadsheet treats a cell starting with one of these (after white space) as a formula. */
export const FORMULA_START = /^[\s\p{Cc}\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE62\uFE63\uFE66\u2212]|^[\s\p{Cc}\p{Cf}]/u;

/**
 * Splits CSV text (RFC 4180: quoted cells may hold commas, quotes and line breaks) into rows of
 * cell values as a spreadsheet reads them.
 * @param {string} text
 * @returns {string[][]}
 */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

/** Cells a spreadsheet would run as formulas: those starting so, unless neutralised with '. */
export function formulaCells(csvText) {
  const out = [];
  for (const row of parseCsv(csvText)) for (const cell of row) if (FORMULA_START.test(cell)) out.push(cell);
  return out;
}

/**
 * @param {string} name shown in test names
 * @param {() => Promise<{db?: string, databaseUrl?: string}>} storeOptions a fresh, empty store per call
 */
export function ledgerAbuseSuite(name, storeOptions) {
  const start = ledgerStarter(storeOptions);
  const bearer = { authorization: 'Bearer admin-token-for-tests' };
  const admin = (url, path, headers = {}) => fetch(url + path, { headers: { ...bearer, ...headers } });
  const exportText = async (url, format) => (await admin(url, `/admin/export?format=${format}`)).text();
  const key = (prefix, i) => `${prefix}${i}-`.padEnd(SDK_LIMITS.id, 'x');
  const map = (prefix, n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [key(prefix, i), i % 2 === 0]));

  describe(`${name}: limits agree with the SDK's`, () => {
    test(`a record with ${SDK_LIMITS.categories} categories, ${SDK_LIMITS.vendors} vendors and every id and string at its longest is stored`, async () => {
      const { url } = await start();
      const r = record({
        id: `a${'b'.repeat(SDK_LIMITS.id - 1)}`,
        categories: map('c', SDK_LIMITS.categories),
        vendors: map('v', SDK_LIMITS.vendors),
        url: `https://example.com/${'p'.repeat(SDK_LIMITS.url - 'https://example.com/'.length)}`,
        lang: `zh-Hant-${'a'.repeat(8)}-${'b'.repeat(8)}-${'c'.repeat(8)}`.slice(0, SDK_LIMITS.lang),
      });
      const res = await post(url, r);
      assert.equal(res.status, 204, await res.text());
      const [back] = await (await fetch(`${url}/api/consent/${r.id}`)).json();
      assert.equal(Object.keys(back.vendors).length, SDK_LIMITS.vendors);
      assert.equal(Object.keys(back.categories).length, SDK_LIMITS.categories);
    });

    test('one category or vendor more than the SDK allows answers 400 naming the field', async () => {
      const { url } = await start();
      const cats = await post(url, record({ categories: map('c', SDK_LIMITS.categories + 1) }));
      assert.equal(cats.status, 400);
      assert.equal((await cats.json()).field, 'categories');
      const vendors = await post(url, record({ vendors: map('v', SDK_LIMITS.vendors + 1) }));
      assert.equal(vendors.status, 400);
      assert.equal((await vendors.json()).field, 'vendors');
    });
  });

  describe(`${name}: CSV export and formula injection`, () => {
    const formulas = ['=cmd|\' /C calc\'!A0', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', ' =1', '\u3000=1', '＝1+1', '＋1', '－1', '＠SUM(A1)'];

    test('an Origin header that is not an http(s) origin answers 400 naming Origin and nothing is stored, even without --origin', async () => {
      const { url } = await start({ adminToken: 'admin-token-for-tests' });
      const bad = [
        ...formulas.filter((f) => !/^\s/.test(f) && /^[\x21-\x7e]/.test(f)),
        'javascript:alert(1)', 'https://example.com/path', 'https://user:pw@example.com', 'https://example.com?x=1',
        'https://example.com:443', 'file://', `https://${'a'.repeat(400)}.example`, 'example.com',
      ];
      for (const origin of bad) {
        const r = record();
        const res = await post(url, r, { origin });
        assert.equal(res.status, 400, origin);
        assert.equal((await res.json()).field, 'Origin', origin);
        assert.equal((await fetch(`${url}/api/consent/${r.id}`)).status, 404, origin);
      }
      // Header values with a leading tab or non-ASCII cannot be sent with fetch; raw bytes are in the fuzz suite.
      assert.deepEqual(formulaCells(await exportText(url, 'csv')), []);
    });

    test('the Origin header is stored normalised; "null" or none stores the page URL\'s origin', async () => {
      const { url } = await start({ adminToken: 'admin-token-for-tests' });
      const cases = [
        ['HTTPS://Shop.Example.COM', 'https://shop.example.com'],
        ['https://example.com/', 'https://example.com'],
        ['http://[::1]:8080', 'http://[::1]:8080'],
        ['null', 'https://pages.example.org'],
      ];
      const ids = [];
      for (const [origin] of cases) {
        const r = record({ url: 'https://pages.example.org/x' });
        ids.push(r.id);
        assert.equal((await post(url, r, { origin })).status, 204, origin);
      }
      const lines = (await exportText(url, 'ndjson')).trim().split('\n').map((l) => JSON.parse(l));
      assert.deepEqual(ids.map((id) => lines.find((l) => l.record.id === id).origin), cases.map(([, stored]) => stored));
    });

    test('ids that start or end with "-" answer 400', async () => {
      const { url } = await start();
      for (const id of ['-12345678', '=1234567', '12345678-', '+12345678', '@12345678']) {
        const res = await post(url, record({ id }));
        assert.equal(res.status, 400, id);
        assert.equal((await res.json()).field, 'id', id);
      }
    });

    test('rows stored before validation existed are neutralised in every CSV column', async () => {
      // Written to the store directly, as an older version or a restored backup might hold them.
      const { url, store } = await start({ adminToken: 'admin-token-for-tests' });
      // Every text column; times and numbers are typed columns in PostgreSQL and cannot hold text.
      const columns = ['id', 'method', 'url', 'lang', 'origin', 'uaFamily'];
      for (const [i, f] of formulas.entries()) {
        const col = columns[i % columns.length];
        const rec = record({ id: `legacy-${i}-${newId()}` });
        const row = { record: rec, receivedAt: `2026-01-0${1 + (i % 9)}T00:00:00.000Z`, origin: 'https://example.com', uaFamily: 'Other' };
        if (col in row) row[col] = f;
        else rec[col] = f;
        await store.insert(row);
      }
      // A category map whose JSON starts with a formula character is impossible; booleans are fixed.
      const csv = await exportText(url, 'csv');
      assert.equal(parseCsv(csv).length, formulas.length + 1);
      assert.deepEqual(formulaCells(csv), []);
      for (const f of formulas) assert.ok(parseCsv(csv).some((row) => row.includes(`'${f}`)), `kept as text: ${JSON.stringify(f)}`);
    });
  });

  describe(`${name}: a visitor's proof`, () => {
    test('GET /api/consent/:id answers the newest 1,000 records of an id, oldest first', async () => {
      // A forged flood under one id, written to the store directly (the rate limit would slow it).
      const { url, store } = await start();
      const id = newId('flood');
      const at = (i) => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
      await Promise.all(
        Array.from({ length: 1005 }, (_, i) => store.insert({ record: record({ id, ts: at(i) }), receivedAt: at(i), origin: 'https://example.com', uaFamily: 'Other' })),
      );
      const back = await (await fetch(`${url}/api/consent/${id}`)).json();
      assert.equal(back.length, 1000);
      assert.equal(back[0].ts, at(5));
      assert.equal(back[999].ts, at(1004));
    });
  });

  describe(`${name}: page URLs are stored normalised`, () => {
    test('a url with a NUL, tab, newline, space or non-ASCII character answers 400 naming url', async () => {
      const { url } = await start();
      for (const bad of ['https://example.com/a\u0000b', 'https://example.com/a\tb', 'https://example.com/a\nb', 'https://example.com/a\rb', 'https://example.com/a b', 'https://example.com/ä', '\thttps://example.com/', 'https://exa\tmple.com/']) {
        const res = await post(url, record({ url: bad }));
        assert.equal(res.status, 400, JSON.stringify(bad));
        assert.equal((await res.json()).field, 'url', JSON.stringify(bad));
      }
    });

    test('the stored url is the origin and path in normal form', async () => {
      const { url } = await start();
      for (const [sent, stored] of [
        ['HTTPS://Example.COM:443/a/./b/../c', 'https://example.com/a/c'],
        ['https://example.com', 'https://example.com/'],
        ['http://example.com:80/%7Euser', 'http://example.com/%7Euser'],
        ['https://xn--bcher-kva.example/@me', 'https://xn--bcher-kva.example/@me'],
      ]) {
        const r = record({ url: sent });
        assert.equal((await post(url, r)).status, 204, sent);
        const [back] = await (await fetch(`${url}/api/consent/${r.id}`)).json();
        assert.equal(back.url, stored, sent);
      }
    });
  });

  describe(`${name}: the visitor's clock`, () => {
    test('a ts up to five minutes ahead of the ledger is accepted, further ahead answers 400 naming ts', async () => {
      const c = clock('2026-06-01T12:00:00.000Z');
      const { url } = await start({ now: c.now });
      assert.equal((await post(url, record({ ts: '2026-06-01T12:04:59.000Z' }))).status, 204);
      for (const ts of ['2026-06-01T12:05:01.000Z', '2026-06-01T13:00:00.000Z', '2026-06-02T11:00:00.000Z']) {
        const res = await post(url, record({ ts }));
        assert.equal(res.status, 400, ts);
        assert.equal((await res.json()).field, 'ts', ts);
      }
    });
  });

  describe(`${name}: clients are counted per IPv6 /64`, () => {
    test('addresses of one IPv6 /64 share one allowance; another /64 has its own', async () => {
      const { url } = await start({ rate: 3, trustProxy: true });
      const from = (ip) => ({ 'x-forwarded-for': ip });
      const sameNet = ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:ffff:ffff:ffff:fffe', '2001:0db8:0001:0002:0:0:0:99'];
      assert.deepEqual(
        await Promise.all(sameNet.slice(0, 3).map((ip) => post(url, record(), from(ip)).then((r) => r.status))),
        [204, 204, 204],
      );
      assert.equal((await post(url, record(), from(sameNet[3]))).status, 429, 'a fourth address of the same /64');
      assert.equal((await post(url, record(), from('2001:db8:1:3::1'))).status, 204, 'the next /64');
    });

    test('an IPv4 client is the same client when it arrives as IPv4-mapped IPv6', async () => {
      const { url } = await start({ rate: 1, trustProxy: true });
      assert.equal((await post(url, record(), { 'x-forwarded-for': '203.0.113.5' })).status, 204);
      assert.equal((await post(url, record(), { 'x-forwarded-for': '::ffff:203.0.113.5' })).status, 429);
    });
  });

  describe(`${name}: admin token guessing`, () => {
    test('after 10 wrong tokens a client gets 429 with Retry-After, even with the right token; other clients do not', async () => {
      const { url } = await start({ adminToken: 'admin-token-for-tests', trustProxy: true });
      const guesser = { 'x-forwarded-for': '2001:db8:9::1' };
      for (let i = 0; i < 10; i++) {
        assert.equal((await admin(url, '/admin/stats', { ...guesser, authorization: `Bearer guess-${i}` })).status, 401, `guess ${i}`);
      }
      const over = await admin(url, '/admin/stats', { ...guesser, authorization: 'Bearer guess-10' });
      assert.equal(over.status, 429);
      assert.ok(Number(over.headers.get('retry-after')) >= 1);
      assert.equal((await admin(url, '/admin/stats', { 'x-forwarded-for': '2001:db8:9::2' })).status, 429, 'same /64, right token');
      assert.equal((await admin(url, '/admin/stats', { 'x-forwarded-for': '198.51.100.1' })).status, 200, 'another client');
    });
  });

  describe(`${name}: the dashboard's range`, () => {
    test('a range wider than 366 days answers 400 at once, naming the parameter', async () => {
      const { url } = await start({ adminToken: 'admin-token-for-tests' });
      for (const path of ['/admin', '/admin/stats']) {
        for (const [q, field] of [
          ['from=1970-01-01T00:00:00Z&to=2200-01-01T00:00:00Z', 'from'],
          ['from=2025-01-01T00:00:00Z&to=2026-01-03T00:00:00Z', 'from'],
          ['to=9999-12-31T00:00:00Z&days=367', 'days'],
        ]) {
          const res = await admin(url, `${path}?${q}`);
          assert.equal(res.status, 400, `${path}?${q}`);
          assert.equal((await res.json()).field, field, `${path}?${q}`);
        }
      }
      assert.equal((await admin(url, '/admin/stats?from=2025-01-01T00:00:00Z&to=2026-01-02T00:00:00Z')).status, 200, '366 days');
    });

    test('the dashboard lists the 50 most common categories and says how many there are', async () => {
      const c = clock('2026-03-01T12:00:00.000Z');
      const { url } = await start({ adminToken: 'admin-token-for-tests', now: c.now });
      // Forged records can name any category ids; three records name 60 between them.
      for (let k = 0; k < 3; k++) {
        const cats = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`junk-${k}-${i}`, true]));
        assert.equal((await post(url, record({ categories: cats, ts: '2026-03-01T11:00:00.000Z' }))).status, 204);
      }
      const s = await (await admin(url, '/admin/stats?days=7')).json();
      assert.equal(s.perCategory.length, 50);
      assert.equal(s.categories, 60);
      const html = await (await admin(url, '/admin?days=7')).text();
      assert.match(html, /The 50 most common of 60 category ids/);
    });
  });
}
