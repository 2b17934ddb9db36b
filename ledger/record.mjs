// Validation of a consent record (contract §6). The record is proof under GDPR Art. 7(1),
// so anything we cannot vouch for is refused with the field named, rather than stored loosely.

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
 * @property {string} url origin and path only
 * @property {string} lang
 */
/** @typedef {{ok: true, record: ConsentRecord} | {ok?: false, error: {field: string, message: string}}} Checked */

export const METHODS = Object.freeze(['accept-all', 'reject-all', 'custom', 'signal', 'opt-out-default']);
export const LIMITS = Object.freeze({ categories: 64, vendors: 256, url: 2048, lang: 35 });

const ID = /^[A-Za-z0-9-]{8,64}$/;
const KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const LANG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
const FIELDS = new Set(['v', 'id', 'ts', 'revision', 'categories', 'vendors', 'method', 'signals', 'url', 'lang']);
// A visitor's clock may be off; a day of slack accepts skewed clocks but not nonsense.
const MAX_FUTURE_MS = 24 * 3600 * 1000;
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
  return typeof s === 'string' && ISO.test(s) ? Date.parse(s) : NaN;
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
    const path = `${field}.${k}`;
    if (!KEY.test(k)) return fail(path, `${path}: ids are 1-64 characters of a-z, 0-9, _ and -, starting with a letter or digit`);
    if (typeof map[k] !== 'boolean') return fail(path, `${path} must be true or false`);
  }
  return null;
}

/**
 * Checks a parsed record and returns a normalised copy (key order fixed, ts in UTC),
 * so that the same decision always serialises to the same stored JSON.
 * @param {unknown} input
 * @param {{now?: number}} [opts]
 * @returns {Checked}
 */
export function checkRecord(input, { now = Date.now() } = {}) {
  if (!isPlainObject(input)) return fail('body', 'the body must be a JSON object');
  const r = /** @type {Record<string, any>} */ (input);
  for (const k of Object.keys(r)) if (!FIELDS.has(k)) return fail(k, `unknown field "${k}"`);

  if (r.v !== 1) return fail('v', 'v must be 1');

  if (typeof r.id !== 'string' || !ID.test(r.id)) return fail('id', 'id must be 8-64 characters of A-Z, a-z, 0-9 and -');

  const t = parseIso(r.ts);
  if (Number.isNaN(t)) return fail('ts', 'ts must be an ISO 8601 date-time with a time zone, e.g. 2026-11-23T10:00:00.000Z');
  if (t > now + MAX_FUTURE_MS) return fail('ts', 'ts is more than a day in the future');
  if (t < EARLIEST) return fail('ts', 'ts is before 2020');

  if (!Number.isInteger(r.revision) || r.revision < 0 || r.revision > 2 ** 31 - 1) {
    return fail('revision', 'revision must be a non-negative integer');
  }

  const badCats = checkMap(r.categories, 'categories', LIMITS.categories, false);
  if (badCats) return badCats;
  // Vendors may be absent when a site lists none; categories carry the decision.
  const vendors = r.vendors === undefined ? {} : r.vendors;
  const badVendors = checkMap(vendors, 'vendors', LIMITS.vendors, true);
  if (badVendors) return badVendors;

  if (!METHODS.includes(r.method)) return fail('method', `method must be one of ${METHODS.join(', ')}`);

  if (!isPlainObject(r.signals)) return fail('signals', 'signals must be an object {"gpc": boolean, "dnt": boolean}');
  for (const k of Object.keys(r.signals)) {
    if (k !== 'gpc' && k !== 'dnt') return fail(`signals.${k}`, `unknown field "signals.${k}"`);
  }
  for (const k of ['gpc', 'dnt']) {
    if (typeof r.signals[k] !== 'boolean') return fail(`signals.${k}`, `signals.${k} must be true or false`);
  }

  const badUrl = checkUrl(r.url);
  if (badUrl) return badUrl;

  if (typeof r.lang !== 'string' || r.lang.length > LIMITS.lang || !LANG.test(r.lang)) {
    return fail('lang', 'lang must be a language tag such as "en" or "pt-BR"');
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
      url: r.url,
      lang: r.lang,
    },
  };
}

/** @param {unknown} url */
function checkUrl(url) {
  if (typeof url !== 'string' || url.length > LIMITS.url) return fail('url', `url must be a string of at most ${LIMITS.url} characters`);
  // Query strings and fragments can carry personal data (emails, tokens): refuse rather than strip,
  // so that a misconfigured site is noticed instead of silently trusted.
  if (url.includes('?') || url.includes('#')) return fail('url', 'url must not contain a query string or fragment');
  let u;
  try {
    u = new URL(url);
  } catch {
    return fail('url', 'url must be an absolute http(s) URL');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return fail('url', 'url must be an http(s) URL');
  if (u.username || u.password) return fail('url', 'url must not contain credentials');
  return null;
}

/**
 * Parses and checks a request body.
 * @param {Buffer} body
 * @param {{now?: number}} [opts]
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
