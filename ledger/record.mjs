// Validation of a consent record (contract §6). The record is proof under GDPR Art. 7(1),
// so anything we cannot vouch for is refused with the field named, rather than stored loosely.
// Every string that reaches the store is ASCII from a known alphabet, normalised, and bounded.

/** @typedef {'accept-all'|'reject-all'|'custom'|'signal'|'opt-out-default'} Method */
/**
 * @typedef {object} ConsentRecord
 * @property {1} v
 * @property {string} id
 * @property {string} ts ISO 8601, normalised to UTC with milliseconds
 * @property {number} revision
 * @property {Record<string, boolean>} categories
 * @property {Record<string, boolean>} vendors
 * @property {Method} method
 * @property {{gpc: boolean, dnt: boolean}} signals
 * @property {string} url origin and path only, normalised
 * @property {string} lang
 */
/** @typedef {{ok: true, record: ConsentRecord} | {ok?: false, error: {field: string, message: string}}} Checked */

export const METHODS = Object.freeze(['accept-all', 'reject-all', 'custom', 'signal', 'opt-out-default']);

/**
 * The largest record the ledger accepts. These MUST MATCH (or exceed) the SDK's limits in
 * src/validate.ts: any configuration `consentry validate` accepts has to produce records the
 * ledger accepts, or that site's visitors would get 400 on every page view, forever (their
 * banner keeps the record queued and resends it).
 *   categories 64     a configuration's categories (each record names every category)
 *   vendors    256    a configuration's vendors
 *   key        64     category and vendor id length, `^[a-z0-9][a-z0-9_-]{0,63}$` in both
 *   id         8..64  consent id (the SDK sends a UUID, 36)
 *   url        2048   page origin + path, after normalisation
 *   lang       35     language tag (RFC 5646 §4.4.1's minimum buffer)
 *   revision   2^31-1 (the SDK allows up to 10^9)
 *   origin     300    the Origin header: scheme, 253-character host, port
 */
export const RECORD_LIMITS = Object.freeze({
  categories: 64,
  vendors: 256,
  key: 64,
  idMin: 8,
  id: 64,
  url: 2048,
  lang: 35,
  revision: 2 ** 31 - 1,
  origin: 300,
});

/**
 * How far ahead of the server's clock a record's `ts` may be, by default. The record is not
 * signed, so `ts` is the visitor's claim; a visitor's view of their proof lists records by `ts`,
 * and a forged record dated in the future would stand as their "latest" choice until then.
 * Five minutes covers the clock drift of a device that syncs its time (NTP, the phone network)
 * and lets a forged record get ahead of real ones by five minutes at most. A record from a clock
 * further ahead is refused (400, field `ts`); the banner keeps it queued and it is accepted once
 * real time catches up with it, on a later visit.
 */
export const MAX_FUTURE_MS = 5 * 60_000;

/** A consent id: letters, digits and inner dashes, so no export cell can start with "-". */
export const ID = new RegExp(`^[A-Za-z0-9][A-Za-z0-9-]{${RECORD_LIMITS.idMin - 2},${RECORD_LIMITS.id - 2}}[A-Za-z0-9]$`);
export const ID_RULE = `id must be ${RECORD_LIMITS.idMin}-${RECORD_LIMITS.id} characters of A-Z, a-z, 0-9 and -, starting and ending with a letter or digit`;
const KEY = new RegExp(`^[a-z0-9][a-z0-9_-]{0,${RECORD_LIMITS.key - 1}}$`);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const LANG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
// Printable ASCII only: a browser percent-encodes everything else in location.pathname, and the
// URL parser would silently drop a tab or newline that we want to refuse instead.
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
const FIELDS = new Set(['v', 'id', 'ts', 'revision', 'categories', 'vendors', 'method', 'signals', 'url', 'lang']);
const EARLIEST = Date.UTC(2020, 0, 1);

// Not streaming, so one decoder serves every request.
const utf8 = new TextDecoder('utf-8', { fatal: true });
const fail = (field, message) => ({ error: { field, message } });
const isPlainObject = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);

/**
 * Parses an ISO 8601 timestamp with an explicit zone; returns epoch ms or NaN.
 * @param {unknown} s
 */
export function parseIso(s) {
  const m = typeof s === 'string' && s.length <= 40 ? ISO.exec(s) : null;
  if (!m) return NaN;
  const t = Date.parse(m[0]);
  // Date.parse rolls a day or hour that does not exist (2026-02-30, 24:00) over into another
  // instant. Written back in its own zone, such a time no longer reads as it was sent.
  const zone = m[3] === 'Z' ? 0 : (m[3][0] === '-' ? -1 : 1) * (Number(m[3].slice(1, 3)) * 60 + Number(m[3].slice(4)));
  const local = Number.isNaN(t) ? '' : new Date(t + zone * 60_000).toISOString();
  return local.slice(0, 16) === m[0].slice(0, 16) && (!m[1] || local.slice(16, 19) === m[1].slice(0, 3)) ? t : NaN;
}

/**
 * @param {unknown} map
 * @param {string} field
 * @param {number} max
 * @param {boolean} allowEmpty
 */
function checkMap(map, field, max, allowEmpty) {
  if (!isPlainObject(map)) return fail(field, `${field} must be an object of id → boolean`);
  const keys = Object.keys(/** @type {object} */ (map));
  if (!allowEmpty && keys.length === 0) return fail(field, `${field} must not be empty`);
  if (keys.length > max) return fail(field, `${field} has more than ${max} entries`);
  for (const k of keys) {
    // The key in the field name is cut and cleaned: it is echoed to whoever sent it.
    const path = `${field}.${k.length > RECORD_LIMITS.key || !VISIBLE_ASCII.test(k) ? '(invalid id)' : k}`;
    if (!KEY.test(k)) return fail(path, `${path}: ids are 1-${RECORD_LIMITS.key} characters of a-z, 0-9, _ and -, starting with a letter or digit`);
    if (typeof map[k] !== 'boolean') return fail(path, `${path} must be true or false`);
  }
  return null;
}

/**
 * Checks a parsed record and returns a normalised copy (key order fixed, ts in UTC, url reduced
 * to origin + path), so that the same decision always serialises to the same stored JSON.
 * @param {unknown} input
 * @param {{now?: number, maxFutureMs?: number}} [opts]
 * @returns {Checked}
 */
export function checkRecord(input, { now = Date.now(), maxFutureMs = MAX_FUTURE_MS } = {}) {
  if (!isPlainObject(input)) return fail('body', 'the body must be a JSON object');
  const r = /** @type {Record<string, any>} */ (input);
  for (const k of Object.keys(r)) if (!FIELDS.has(k)) return fail(k.length <= 64 && VISIBLE_ASCII.test(k) ? k : 'body', `unknown field "${k.slice(0, 64)}"`);

  if (r.v !== 1) return fail('v', 'v must be 1');

  if (typeof r.id !== 'string' || !ID.test(r.id)) return fail('id', ID_RULE);

  const t = parseIso(r.ts);
  if (Number.isNaN(t)) {
    if (typeof r.ts === 'string' && ISO.test(r.ts)) return fail('ts', 'ts names a day or time that does not exist (such as 2026-02-30 or 24:00)');
    return fail('ts', 'ts must be an ISO 8601 date-time with a time zone, e.g. 2026-11-23T10:00:00.000Z');
  }
  if (t > now + maxFutureMs) {
    return fail('ts', `ts is more than ${Math.round(maxFutureMs / 1000)} s ahead of the ledger's clock; check the device's clock`);
  }
  if (t < EARLIEST) return fail('ts', 'ts is before 2020');

  if (!Number.isInteger(r.revision) || r.revision < 0 || r.revision > RECORD_LIMITS.revision) {
    return fail('revision', `revision must be a whole number from 0 to ${RECORD_LIMITS.revision}`);
  }

  const badCats = checkMap(r.categories, 'categories', RECORD_LIMITS.categories, false);
  if (badCats) return badCats;
  // Required like every other field: the banner sends {} when the site lists no vendors.
  const vendors = r.vendors;
  const badVendors = checkMap(vendors, 'vendors', RECORD_LIMITS.vendors, true);
  if (badVendors) return badVendors;

  if (!METHODS.includes(r.method)) return fail('method', `method must be one of ${METHODS.join(', ')}`);

  if (!isPlainObject(r.signals)) return fail('signals', 'signals must be an object {"gpc": boolean, "dnt": boolean}');
  for (const k of Object.keys(r.signals)) {
    if (k !== 'gpc' && k !== 'dnt') return fail(k.length <= 16 && VISIBLE_ASCII.test(k) ? `signals.${k}` : 'signals', 'signals has an unknown field; only gpc and dnt are defined');
  }
  for (const k of ['gpc', 'dnt']) {
    if (typeof r.signals[k] !== 'boolean') return fail(`signals.${k}`, `signals.${k} must be true or false`);
  }

  const url = normaliseUrl(r.url);
  if (typeof url !== 'string') return url;

  if (typeof r.lang !== 'string' || r.lang.length > RECORD_LIMITS.lang || !LANG.test(r.lang)) {
    return fail('lang', `lang must be a language tag such as "en" or "pt-BR", at most ${RECORD_LIMITS.lang} characters`);
  }

  return {
    ok: true,
    record: {
      v: 1,
      id: r.id,
      ts: new Date(t).toISOString(),
      revision: r.revision,
      categories: { ...r.categories },
      vendors: { ...vendors },
      method: r.method,
      signals: { gpc: r.signals.gpc, dnt: r.signals.dnt },
      url,
      lang: r.lang,
    },
  };
}

/**
 * Whether two checked records are the same decision: every field equal, whatever the order of
 * the categories and vendors maps. The ledger keeps one record per (id, ts); a resend is this.
 * @param {ConsentRecord} a @param {ConsentRecord} b
 */
export function sameRecord(a, b) {
  return canonical(a) === canonical(b);
}

const byKey = (/** @type {Record<string, boolean>} */ m) => Object.keys(m).sort().map((k) => [k, m[k]]);
const canonical = (/** @type {ConsentRecord} */ r) =>
  JSON.stringify([r.v, r.id, r.ts, r.revision, byKey(r.categories), byKey(r.vendors), r.method, r.signals.gpc, r.signals.dnt, r.url, r.lang]);

/**
 * The page URL as stored: origin + path, percent-encoded ASCII. Refused rather than repaired
 * when it carries what the contract keeps out (query, fragment, credentials: they can hold
 * personal data) or what no browser sends (control characters, spaces, non-ASCII).
 * @param {unknown} url
 * @returns {string | {error: {field: string, message: string}}}
 */
function normaliseUrl(url) {
  const max = RECORD_LIMITS.url;
  if (typeof url !== 'string' || url.length > max) return fail('url', `url must be a string of at most ${max} characters`);
  if (!VISIBLE_ASCII.test(url)) {
    return fail('url', 'url must be printable ASCII (percent-encode anything else), without spaces, tabs, newlines or NUL');
  }
  if (url.includes('?') || url.includes('#')) return fail('url', 'url must not contain a query string or fragment');
  let u;
  try {
    u = new URL(url);
  } catch {
    return fail('url', 'url must be an absolute http(s) URL');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return fail('url', 'url must be an http(s) URL');
  if (u.username || u.password) return fail('url', 'url must not contain credentials');
  const normal = u.origin + u.pathname;
  if (normal.length > max) return fail('url', `url must be at most ${max} characters once normalised`);
  return normal;
}

/**
 * The page origin as stored: the Origin header when a browser sent one, normalised
 * (`scheme://host[:port]`, lowercase, punycode), else null. `null` (a sandboxed or privacy-
 * sensitive context) counts as absent. Anything else is refused, so the column never holds text
 * a client chose.
 * @param {string | undefined} header
 * @returns {{origin: string | null} | {error: {field: string, message: string}}}
 */
export function checkOrigin(header) {
  if (header === undefined || header === '' || header === 'null') return { origin: null };
  const bad = fail('Origin', 'the Origin header must be an http(s) origin such as https://example.com');
  if (header.length > RECORD_LIMITS.origin || !VISIBLE_ASCII.test(header)) return bad;
  let u;
  try {
    u = new URL(header);
  } catch {
    return bad;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return bad;
  // Only what is already a serialised origin (as browsers send it) passes: no path, query,
  // credentials, default port or encoded host; letter case and one trailing slash aside.
  if (header.toLowerCase().replace(/\/$/, '') !== u.origin) return bad;
  return { origin: u.origin };
}

/**
 * Parses and checks a request body.
 * @param {Buffer} body
 * @param {{now?: number, maxFutureMs?: number}} [opts]
 * @returns {Checked}
 */
export function parseRecord(body, opts) {
  let text;
  try {
    text = utf8.decode(body);
  } catch {
    return fail('body', 'the body must be UTF-8');
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('body', 'the body must be a JSON consent record');
  }
  return checkRecord(json, opts);
}

/**
 * The byte size of the largest record the limits allow (every id and string at its maximum),
 * so the body limit can be checked against it: a smaller limit would answer 413 forever.
 */
export function largestRecordBytes() {
  const key = (i) => `k${i}`.padEnd(RECORD_LIMITS.key, 'x');
  const map = (n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [key(i), false]));
  const rec = {
    v: 1,
    id: 'x'.repeat(RECORD_LIMITS.id),
    ts: '2026-11-23T10:00:00.000+00:00',
    revision: RECORD_LIMITS.revision,
    categories: map(RECORD_LIMITS.categories),
    vendors: map(RECORD_LIMITS.vendors),
    method: 'opt-out-default',
    signals: { gpc: false, dnt: false },
    url: 'x'.repeat(RECORD_LIMITS.url),
    lang: 'x'.repeat(RECORD_LIMITS.lang),
  };
  return Buffer.byteLength(JSON.stringify(rec));
}
