// Seeded fuzzing of the ledger's HTTP surface: random and adversarial bodies and headers, sent
// as raw bytes so that nothing a client library would refuse is left out. Whatever arrives, the
// ledger never answers 5xx, never crashes, logs no error, and every record it acknowledged can
// be read back and is in both exports, with no CSV cell a spreadsheet would run as a formula.
// FUZZ_SEED=n reproduces a run; failures print the seed and the shrunk case.
import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { formulaCells, parseCsv } from './ledger-abuse.mjs';
import { ledgerStarter } from './ledger-suite.mjs';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const TOKEN = 'fuzz-admin-token';

/**
 * One HTTP/1.1 request over a fresh connection, as raw bytes; resolves with the status code, or
 * null when the ledger closed the connection without answering.
 * @param {string} url
 * @param {{method: string, path: string, headers: [string, Buffer][], body?: Buffer, chunked?: boolean}} req
 * @returns {Promise<{status: number | null, text: string}>}
 */
export function rawRequest(url, { method, path, headers, body, chunked }) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const s = net.connect(Number(port), hostname);
    /** @type {Buffer[]} */
    const got = [];
    const timer = setTimeout(() => {
      s.destroy();
      reject(new Error(`no answer within 30 s to ${method} ${path}`));
    }, 30_000);
    s.on('data', (d) => got.push(d));
    s.on('error', () => {});
    s.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(got).toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3}) /.exec(text);
      resolve({ status: m ? Number(m[1]) : null, text });
    });
    const head = [Buffer.from(`${method} ${path} HTTP/1.1\r\nHost: ledger\r\nConnection: close\r\n`, 'latin1')];
    for (const [name, value] of headers) head.push(Buffer.from(`${name}: `, 'latin1'), value, Buffer.from('\r\n'));
    if (body && chunked) {
      head.push(Buffer.from('Transfer-Encoding: chunked\r\n\r\n'));
      const half = body.length >> 1;
      for (const part of [body.subarray(0, half), body.subarray(half)]) {
        if (part.length) head.push(Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n'));
      }
      head.push(Buffer.from('0\r\n\r\n'));
    } else if (body) head.push(Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body);
    else head.push(Buffer.from('\r\n'));
    // write, not end: Node treats a client that half-closes before the answer as gone.
    s.write(Buffer.concat(head));
  });
}

// --- what a record may look like -----------------------------------------------------------

const alnum = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const idArb = fc.oneof(
  fc.uuid(),
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{6,62}[A-Za-z0-9]$/),
  fc.string({ minLength: 8, maxLength: 20, unit: fc.constantFrom(...alnum) }),
);
const keyArb = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,63}$/);
const tsArb = fc
  .tuple(
    fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.now() + 4 * 60_000 }),
    fc.constantFrom('Z', '+00:00', '+05:30', '-08:00', '.000Z', ':00Z'),
  )
  .map(([t, zone]) => {
    const iso = new Date(t).toISOString();
    if (zone === 'Z') return iso;
    if (zone === '.000Z') return `${iso.slice(0, 19)}.000Z`;
    if (zone === ':00Z') return `${iso.slice(0, 16)}Z`;
    // The same instant written in another zone.
    const sign = zone[0] === '+' ? 1 : -1;
    const offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
    return new Date(t + offset).toISOString().slice(0, 23) + zone;
  });
const urlArb = fc
  .tuple(fc.constantFrom('https://example.com', 'http://shop.example.org:8080', 'https://xn--bcher-kva.example', 'HTTPS://Example.COM'), fc.webPath())
  .map(([origin, path]) => origin + (path.startsWith('/') ? path : `/${path}`))
  .filter((u) => !u.includes('?') && !u.includes('#') && u.length <= 2048);
const langArb = fc.constantFrom('en', 'de', 'pt-BR', 'zh-Hant-TW', 'sr-Latn-RS', 'x');
const methodArb = fc.constantFrom('accept-all', 'reject-all', 'custom', 'signal', 'opt-out-default');

const validRecordArb = fc.record({
  v: fc.constant(1),
  id: idArb,
  ts: tsArb,
  revision: fc.nat({ max: 2 ** 31 - 1 }),
  categories: fc.dictionary(keyArb, fc.boolean(), { minKeys: 1, maxKeys: 20 }),
  vendors: fc.dictionary(keyArb, fc.boolean(), { maxKeys: 40 }),
  method: methodArb,
  signals: fc.record({ gpc: fc.boolean(), dnt: fc.boolean() }),
  url: urlArb,
  lang: langArb,
});

/** Text that has hurt parsers, logs and spreadsheets before. */
const nastyString = fc.oneof(
  fc.constantFrom(
    '=cmd|\' /C calc\'!A0', '+1+1', '-1', '@SUM(A1)', '\t=1', '\r=1', ' =1', '＝1', '\u0000', 'a\nb', '\u2028', '\uFEFF=1',
    '__proto__', 'constructor', 'toString', '../../etc/passwd', '<script>alert(1)</script>', '${7*7}', '%00', '\ud800',
    'javascript:alert(1)', 'https://example.com/a?b=c', 'https://example.com/#x', 'https://u:p@example.com/', 'x'.repeat(5000),
  ),
  fc.string({ maxLength: 80, unit: 'binary' }),
  fc.string({ maxLength: 80 }),
);
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nastyString, fc.constant(undefined));

/** A valid record with one thing wrong, or extra, or missing. */
const mutatedRecordArb = fc
  .tuple(validRecordArb, fc.constantFrom('v', 'id', 'ts', 'revision', 'categories', 'vendors', 'method', 'signals', 'url', 'lang', '__extra'), anyValue, fc.oneof(nastyString, keyArb))
  .map(([r, field, value, key]) => {
    const out = /** @type {Record<string, unknown>} */ ({ ...r });
    if (field === '__extra') out[String(key).slice(0, 100)] = value;
    else if ((field === 'categories' || field === 'vendors') && typeof value === 'boolean') out[field] = { ...r[field], [String(key)]: value };
    else if (value === undefined) delete out[field];
    else out[field] = value;
    return out;
  });

const bodyArb = fc.oneof(
  { weight: 6, arbitrary: validRecordArb.map((r) => ({ bytes: Buffer.from(JSON.stringify(r)), record: r })) },
  { weight: 4, arbitrary: mutatedRecordArb.map((r) => ({ bytes: Buffer.from(JSON.stringify(r)), record: r })) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 4 }).map((t) => ({ bytes: Buffer.from(t), record: null })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((b) => ({ bytes: Buffer.from(b), record: null })) },
  { weight: 1, arbitrary: fc.nat({ max: 40_000 }).map((n) => ({ bytes: Buffer.from(`${'['.repeat(n)}${']'.repeat(n)}`), record: null })) },
);

// --- headers ---------------------------------------------------------------------------------

const latin1 = (s) => Buffer.from(s, 'latin1');
/** Header values, including bytes a browser would never send. `unsafe`: may break the request framing. */
const headerValue = (unsafe) =>
  fc.oneof(
    fc.string({ maxLength: 60, unit: fc.constantFrom(...' !"#$%&\'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~') }).map(latin1),
    nastyString.map((s) => Buffer.from(unsafe ? s : s.replace(/[\r\n\0]/g, ''), 'utf8')),
    fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(unsafe ? b : b.filter((x) => x !== 10 && x !== 13 && x !== 0))),
  );
const originArb = fc.oneof(
  fc.constantFrom('https://example.com', 'null', 'HTTPS://SHOP.EXAMPLE.COM', 'http://[::1]:8080', 'https://example.com/', 'file://').map(latin1),
  headerValue(false),
);
const contentTypes = fc.constantFrom('text/plain;charset=UTF-8', 'application/json', 'text/plain', 'TEXT/PLAIN; charset=utf-8').map(latin1);
const ipArb = fc.oneof(fc.ipV4(), fc.ipV6(), fc.constant('::ffff:203.0.113.9, 2001:db8::1')).map(latin1);
/** Headers as a browser sends them, the values still varied. */
const browserHeaders = fc
  .record(
    {
      'Content-Type': contentTypes,
      Origin: fc.constantFrom('https://example.com', 'null', 'HTTPS://SHOP.EXAMPLE.COM', 'http://[::1]:8080', 'https://example.com/').map(latin1),
      'User-Agent': headerValue(false),
      'X-Forwarded-For': ipArb,
    },
    { requiredKeys: ['Content-Type'] },
  )
  .map((h) => /** @type {[string, Buffer][]} */ (Object.entries(h)));
/** Any of the headers the ledger reads, with any value. */
const anyHeaders = (unsafe) =>
  fc
    .record(
      {
        'Content-Type': fc.oneof(contentTypes, headerValue(unsafe)),
        Origin: originArb,
        'User-Agent': headerValue(unsafe),
        'X-Forwarded-For': ipArb,
        Cookie: headerValue(unsafe),
        Authorization: fc.oneof(fc.constant(latin1(`Bearer ${TOKEN}`)), headerValue(unsafe)),
      },
      { requiredKeys: [] },
    )
    .map((h) => /** @type {[string, Buffer][]} */ (Object.entries(h)));
const headersArb = (unsafe) => fc.oneof(browserHeaders, anyHeaders(unsafe));

// --- the suite -------------------------------------------------------------------------------

/**
 * fc.assert, with the failing assertion's own message in the error (the test reporter does not
 * print an error's cause).
 * @param {fc.IAsyncProperty<any>} property
 * @param {fc.Parameters<any>} params
 */
async function check(property, params) {
  const out = await fc.check(property, params);
  if (out.failed) throw new Error(`${fc.defaultReportMessage(out)}\n\nFailed with: ${out.errorInstance instanceof Error ? out.errorInstance.message : out.errorInstance}`);
}

/**
 * @param {string} name shown in test names
 * @param {() => Promise<{db?: string, databaseUrl?: string}>} storeOptions
 * @param {{runs?: number, seconds?: number}} [budget]
 */
export function ledgerFuzzSuite(name, storeOptions, { runs = 300, seconds = 20 } = {}) {
  const start = ledgerStarter(storeOptions);

  async function fuzzLedger() {
    /** @type {string[]} */
    const errors = [];
    const logger = { info() {}, error: (msg, err) => errors.push(`${msg} ${err?.stack ?? err ?? ''}`) };
    const ledger = await start({ logger, adminToken: TOKEN, trustProxy: true, rate: 100_000 });
    return { ...ledger, errors };
  }

  describe(`${name}: fuzzing (seed ${SEED}, FUZZ_SEED to change)`, () => {
    test('random bodies and headers: never 5xx, and every acknowledged record reads back and is exported', async () => {
      const ledger = await fuzzLedger();
      /** @type {Map<string, Set<string>>} id → ts (UTC) of every acknowledged record */
      const acked = new Map();
      let count204 = 0;
      await check(
        fc.asyncProperty(bodyArb, fc.boolean(), headersArb(false), async (body, chunked, headers) => {
          const res = await rawRequest(ledger.url, { method: 'POST', path: '/api/consent', headers, body: body.bytes, chunked });
          assert.ok(res.status !== null, `no answer: ${res.text.slice(0, 200)}`);
          assert.ok([204, 400, 403, 413, 429].includes(res.status), `status ${res.status}: ${res.text.slice(0, 300)}`);
          if (res.status !== 204) return;
          count204++;
          const sent = JSON.parse(body.bytes.toString('utf8'));
          const ts = new Date(sent.ts).toISOString();
          (acked.get(sent.id) ?? acked.set(sent.id, new Set()).get(sent.id)).add(ts);
          const back = await fetch(`${ledger.url}/api/consent/${encodeURIComponent(sent.id)}`);
          assert.equal(back.status, 200);
          const stored = await back.json();
          const mine = stored.find((r) => r.ts === ts);
          assert.ok(mine, `record ${sent.id} at ${ts} reads back`);
          assert.deepEqual(Object.keys(mine).sort(), ['categories', 'id', 'lang', 'method', 'receivedAt', 'revision', 'signals', 'ts', 'url', 'v', 'vendors']);
          assert.match(mine.url, /^https?:\/\/[\x21-\x7e]+$/);
        }),
        { seed: SEED, numRuns: runs, interruptAfterTimeLimit: seconds * 1000 },
      );
      assert.ok(count204 > 10, `enough valid records got through to check the read back (${count204})`);

      const get = (format) => fetch(`${ledger.url}/admin/export?format=${format}`, { headers: { authorization: `Bearer ${TOKEN}` } }).then((r) => r.text());
      const csv = await get('csv');
      assert.deepEqual(formulaCells(csv), [], 'no CSV cell a spreadsheet would run');
      const csvKeys = new Set(parseCsv(csv).slice(1).map((row) => `${row[1]} ${row[2]}`));
      const ndjson = (await get('ndjson')).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
      const ndKeys = new Set(ndjson.map((l) => `${l.record.id} ${l.record.ts}`));
      for (const [id, times] of acked) {
        for (const ts of times) {
          assert.ok(csvKeys.has(`${id} ${ts}`), `${id} ${ts} is in the CSV export`);
          assert.ok(ndKeys.has(`${id} ${ts}`), `${id} ${ts} is in the NDJSON export`);
        }
      }
      for (const l of ndjson) assert.match(l.origin, /^https?:\/\/[a-z0-9.:[\]-]+$/, 'only normalised origins are stored');
      assert.equal((await fetch(`${ledger.url}/healthz`)).status, 200);
      assert.deepEqual(ledger.errors, [], 'nothing logged as an error');
    });

    test('random methods, paths and headers on every route: never 5xx, never a crash', async () => {
      const ledger = await fuzzLedger();
      const pathArb = fc.oneof(
        fc.constantFrom('/api/consent', '/admin', '/admin/', '/admin/stats', '/admin/export', '/healthz', '/', '//api/consent'),
        // Percent signs left bare half the time, so that malformed escapes reach the router too.
        fc.tuple(fc.constantFrom('/api/consent/', '/admin/export?format=', '/admin/stats?days=', '/admin?from=', '/admin/export?format=csv&from='), fc.string({ maxLength: 40 }), fc.boolean()).map(
          ([p, s, bare]) => p + encodeURIComponent(s).replace(/%25/g, bare ? '%' : '%25'),
        ),
        fc.webPath().map((p) => (p.startsWith('/') ? p : `/${p}`)),
      );
      await check(
        fc.asyncProperty(
          fc.constantFrom('GET', 'HEAD', 'POST', 'OPTIONS', 'PUT', 'DELETE', 'PATCH', 'TRACE'),
          pathArb,
          headersArb(true),
          fc.option(fc.uint8Array({ maxLength: 200 }), { nil: undefined }),
          async (method, path, headers, body) => {
            const framingBroken = headers.some(([, v]) => v.includes(10) || v.includes(13) || v.includes(0));
            const res = await rawRequest(ledger.url, { method, path: path.replace(/\s/g, '%20'), headers, body: body && Buffer.from(body) });
            if (!framingBroken) assert.ok(res.status !== null, `no answer to ${method} ${path}`);
            assert.ok(res.status === null || res.status < 500, `${method} ${path} answered ${res.status}: ${res.text.slice(0, 300)}`);
          },
        ),
        { seed: SEED, numRuns: runs, interruptAfterTimeLimit: seconds * 1000 },
      );
      assert.equal((await fetch(`${ledger.url}/healthz`)).status, 200);
      assert.deepEqual(ledger.errors, [], 'nothing logged as an error');
    });
  });
}
