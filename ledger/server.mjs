import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { renderDashboard } from './dashboard.mjs';
import { exportStream, FORMATS } from './export.mjs';
import { createRateLimiter } from './ratelimit.mjs';
import { parseIso, parseRecord } from './record.mjs';
import { openStore } from './store.mjs';
import { uaFamily } from './ua.mjs';

/**
 * @typedef {object} LedgerOptions
 * @property {number} [port] 0 picks a free port; default 8787
 * @property {string} [host] default 127.0.0.1
 * @property {string} [db] SQLite file, default ./consent.db
 * @property {string} [databaseUrl] postgres://… selects PostgreSQL instead of SQLite
 * @property {import('./store.mjs').Store} [store] an already opened store (tests)
 * @property {string[]} [origins] allowed page origins; empty allows any, answering CORS with *
 * @property {number} [rate] records a minute per client address; 0 disables; default 300
 * @property {boolean} [trustProxy] take the client address from the last X-Forwarded-For entry
 * @property {string} [adminToken] bearer token for /admin routes; unset disables them (403)
 * @property {number} [bodyLimit] bytes, default 16 KiB
 * @property {{name: string, maxAge: number, domain?: string} | null} [cookieEcho] see README, Safari
 * @property {{info: (msg: string) => void, error: (msg: string, err?: unknown) => void}} [logger]
 * @property {() => number} [now] clock in epoch ms, for tests
 */

export const consoleLogger = {
  info: (msg) => console.log(`consentry-ledger: ${msg}`),
  error: (msg, err) => console.error(`consentry-ledger: ${msg}`, err instanceof Error ? err.stack : err ?? ''),
};

const ID = /^[A-Za-z0-9-]{8,64}$/;
const DAY = 86_400_000;
const JSON_TYPE = 'application/json; charset=utf-8';
const COOKIE_VALUE = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]{1,4000}$/;

class HttpError extends Error {
  /** @param {number} status @param {string} message @param {string} [field] @param {Record<string, string>} [headers] */
  constructor(status, message, field, headers) {
    super(message);
    this.status = status;
    this.field = field;
    this.headers = headers;
  }
}

/**
 * Starts a ledger and resolves once it listens.
 * @param {LedgerOptions} [opts]
 * @returns {Promise<{server: http.Server, url: string, store: import('./store.mjs').Store, close: () => Promise<void>}>}
 */
export async function createLedger(opts = {}) {
  const {
    port = 8787,
    host = '127.0.0.1',
    origins = [],
    rate = 300,
    trustProxy = false,
    adminToken,
    bodyLimit = 16 * 1024,
    cookieEcho = null,
    logger = consoleLogger,
    now = Date.now,
  } = opts;
  const allowed = origins.length ? new Set(origins.map(normaliseOrigin)) : null;
  const adminHash = adminToken ? sha256(adminToken) : null;
  const store = opts.store ?? (await openStore({ db: opts.db, databaseUrl: opts.databaseUrl }));
  const limiter = createRateLimiter({ rate });

  /** CORS headers for this request, or null when its origin is not allowed. */
  function cors(req, { originRequired }) {
    const origin = req.headers.origin;
    if (!allowed) return { 'Access-Control-Allow-Origin': '*' };
    if (origin && allowed.has(origin)) return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
    // A visitor opening their proof link sends no Origin; a foreign page always does.
    if (!origin && !originRequired) return { Vary: 'Origin' };
    return null;
  }

  function clientAddress(req) {
    if (trustProxy) {
      // The last entry is the one our own proxy appended; earlier ones are whatever the client claimed.
      const xff = String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      if (xff.length) return xff[xff.length - 1];
    }
    return req.socket.remoteAddress ?? 'unknown';
  }

  function limit(req, headers) {
    const verdict = limiter.take(clientAddress(req));
    if ('retryAfter' in verdict) {
      throw new HttpError(429, 'too many requests from this client', undefined, {
        ...headers,
        'Retry-After': String(verdict.retryAfter),
      });
    }
  }

  function requireAdmin(req) {
    if (!adminHash) throw new HttpError(403, 'admin routes are disabled: start the ledger with ADMIN_TOKEN set');
    const given = bearerOrBasic(req.headers.authorization);
    if (given === null || !timingSafeEqual(sha256(given), adminHash)) {
      // Basic lets a browser prompt for the token on /admin, instead of putting it in a URL.
      throw new HttpError(401, 'missing or wrong admin token (Authorization: Bearer $ADMIN_TOKEN)', undefined, {
        'WWW-Authenticate': 'Basic realm="consentry-ledger", charset="UTF-8"',
      });
    }
  }

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {URL} url */
  async function route(req, res, url) {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    // Someone opening the endpoint in a browser learns what it is for instead of a bare 403.
    if (path === '/api/consent' && (method === 'GET' || method === 'HEAD'))
      return sendJson(res, 200, {
        endpoint: 'Consentry consent ledger',
        post: 'POST /api/consent with a consent record (text/plain JSON) stores it',
        get: 'GET /api/consent/<consent id> lists the records of that consent id',
      });
    if (path === '/api/consent' || path.startsWith('/api/consent/')) {
      const isPost = path === '/api/consent';
      const headers = cors(req, { originRequired: isPost || method === 'OPTIONS' });
      if (!headers) throw new HttpError(403, 'this origin may not use the ledger', 'Origin', { Vary: 'Origin' });
      if (method === 'OPTIONS') {
        res.writeHead(204, {
          ...headers,
          'Access-Control-Allow-Methods': isPost ? 'POST, OPTIONS' : 'GET, OPTIONS',
          'Access-Control-Allow-Headers': 'Content-Type',
          'Access-Control-Max-Age': '86400',
        });
        return res.end();
      }
      if (isPost) {
        if (method !== 'POST') throw new HttpError(405, 'use POST', undefined, { ...headers, Allow: 'POST, OPTIONS' });
        return postConsent(req, res, headers);
      }
      if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'use GET', undefined, { ...headers, Allow: 'GET, OPTIONS' });
      return getConsent(req, res, headers, decodeURIComponent(path.slice('/api/consent/'.length)));
    }
    if (path === '/healthz') {
      await store.ping();
      return sendJson(res, 200, { ok: true, store: store.kind });
    }
    if (path === '/admin' || path === '/admin/' || path === '/admin/stats' || path === '/admin/export') {
      if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'use GET', undefined, { Allow: 'GET' });
      requireAdmin(req);
      if (path === '/admin/export') return exportRecords(req, res, url);
      const range = statsRange(url, now());
      const stats = await store.stats(range);
      if (path === '/admin/stats') {
        const total = stats.perDay.reduce((s, r) => s + Number(r.n), 0);
        return sendJson(res, 200, { ...range, total, ...stats });
      }
      const nonce = randomBytes(16).toString('base64');
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Security-Policy': `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
        'Referrer-Policy': 'no-referrer',
      });
      return res.end(renderDashboard(stats, { ...range, nonce, store: store.describe }));
    }
    throw new HttpError(404, 'not found');
  }

  async function postConsent(req, res, headers) {
    limit(req, headers);
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    // sendBeacon with a string sends text/plain; a Blob without a type sends none at all.
    if (type && type !== 'text/plain' && type !== 'application/json') {
      throw new HttpError(415, 'send the record as text/plain or application/json', 'Content-Type', headers);
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > bodyLimit) throw tooLarge(headers);
    const body = await readBody(req, bodyLimit);
    if (!body) throw tooLarge(headers);
    const checked = parseRecord(body, { now: now() });
    if ('error' in checked) throw new HttpError(400, checked.error.message, checked.error.field, headers);
    const { record } = checked;
    await store.insert({
      record,
      receivedAt: new Date(now()).toISOString(),
      origin: req.headers.origin ?? new URL(record.url).origin,
      uaFamily: uaFamily(req.headers['user-agent']),
    });
    const out = { ...headers };
    const cookie = cookieEcho && echoCookie(req.headers.cookie, cookieEcho, record.url.startsWith('https:'));
    if (cookie) out['Set-Cookie'] = cookie;
    res.writeHead(204, out);
    res.end();
  }

  async function getConsent(req, res, headers, id) {
    limit(req, headers);
    if (!ID.test(id)) throw new HttpError(400, 'id must be 8-64 characters of A-Z, a-z, 0-9 and -', 'id', headers);
    const rows = await store.byId(id);
    if (rows.length === 0) throw new HttpError(404, 'no records for this id', 'id', headers);
    sendJson(res, 200, rows.map((r) => ({ ...r.record, receivedAt: r.receivedAt })), headers);
  }

  async function exportRecords(req, res, url) {
    const format = url.searchParams.get('format') ?? '';
    if (!(format in FORMATS)) throw new HttpError(400, 'format must be csv or ndjson', 'format');
    const from = isoParam(url, 'from');
    const to = isoParam(url, 'to');
    if (from && to && from >= to) throw new HttpError(400, 'to must be after from', 'to');
    const name = `consent-${(from ?? 'start').slice(0, 10)}-${(to ?? 'now').slice(0, 10)}.${format}`;
    res.writeHead(200, {
      'Content-Type': FORMATS[format],
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') return res.end();
    try {
      await pipeline(exportStream(store.iterate({ from, to }), /** @type {'csv'|'ndjson'} */ (format)), res);
    } catch (err) {
      // The status line is gone already; all that is left is to cut the response short so the
      // client sees a truncated download rather than a complete-looking file.
      if (!res.destroyed) res.destroy();
      if (err?.code !== 'ERR_STREAM_PREMATURE_CLOSE') logger.error('export failed', err);
    }
  }

  const server = http.createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    let url;
    try {
      url = new URL(req.url ?? '/', 'http://ledger');
    } catch {
      return sendJson(res, 400, { error: 'bad request URL' });
    }
    route(req, res, url).catch((err) => {
      if (err instanceof HttpError) {
        if (err.status === 413) res.setHeader('Connection', 'close');
        return sendJson(res, err.status, err.field ? { error: err.message, field: err.field } : { error: err.message }, err.headers);
      }
      if (err instanceof URIError) return sendJson(res, 400, { error: 'bad percent-encoding in the path' });
      logger.error(`${req.method} ${url.pathname} failed`, err);
      if (res.headersSent) return res.destroy();
      // 503, not 500: the client keeps the record queued and sends it again later.
      sendJson(res, 503, { error: 'the ledger could not store or read records right now; try again later' }, { 'Retry-After': '5' });
    });
  });
  // Slow clients must not hold sockets open indefinitely.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const addr = /** @type {import('node:net').AddressInfo} */ (server.address());
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const url = `http://${shownHost}:${addr.port}`;

  /** @type {Promise<void> | null} */
  let closing = null;
  function close() {
    closing ??= (async () => {
      const stopped = new Promise((resolve) => server.close(() => resolve(undefined)));
      // Keep-alive sockets that finish their request become idle; close them as they do.
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      const force = setTimeout(() => server.closeAllConnections(), 10_000);
      server.closeIdleConnections();
      await stopped;
      clearInterval(idle);
      clearTimeout(force);
      await store.close();
      limiter.close();
    })();
    return closing;
  }

  return { server, url, store, close };
}

/** @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function tooLarge(headers) {
  return new HttpError(413, 'the record is larger than the ledger accepts', 'body', headers);
}

/**
 * Resolves with the body, or null as soon as it exceeds `limit` (the rest is not read).
 * @param {http.IncomingMessage} req
 * @param {number} limit
 * @returns {Promise<Buffer | null>}
 */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.off('end', onEnd);
        req.pause();
        return resolve(null);
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks, size));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

/** @param {string} s */
function sha256(s) {
  return createHash('sha256').update(s).digest();
}

/** @param {string | undefined} header returns the token from Bearer, or the password from Basic */
function bearerOrBasic(header) {
  if (!header) return null;
  const [scheme, value = ''] = header.split(/\s+/, 2);
  if (/^bearer$/i.test(scheme)) return value;
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon === -1 ? null : decoded.slice(colon + 1);
  }
  return null;
}

/** @param {URL} url @param {string} name */
function isoParam(url, name) {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return null;
  const t = parseIso(raw);
  if (Number.isNaN(t)) throw new HttpError(400, `${name} must be an ISO 8601 date-time with a time zone`, name);
  return new Date(t).toISOString();
}

/** The dashboard range: ?from=&to= if given, else the last ?days= whole UTC days (default 30). */
function statsRange(url, nowMs) {
  const to = isoParam(url, 'to') ?? new Date(Math.floor(nowMs / DAY) * DAY + DAY).toISOString();
  const rawDays = url.searchParams.get('days');
  const days = rawDays === null ? 30 : Number(rawDays);
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new HttpError(400, 'days must be a whole number from 1 to 366', 'days');
  const from = isoParam(url, 'from') ?? new Date(Date.parse(to) - days * DAY).toISOString();
  if (from >= to) throw new HttpError(400, 'to must be after from', 'to');
  return { from, to, days: Math.round((Date.parse(to) - Date.parse(from)) / DAY) };
}

/** @param {string} origin */
export function normaliseOrigin(origin) {
  let u;
  try {
    u = new URL(origin);
  } catch {
    throw new Error(`--origin ${origin} is not a URL; give it as https://example.com`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`--origin ${origin} must be http(s)`);
  return u.origin;
}

/**
 * Re-issues the site's consent cookie from the server so that Safari does not cap it at 7 days
 * as it does for cookies written by script. The value is echoed verbatim and never parsed: its
 * format belongs to the banner, not the ledger.
 * @param {string | undefined} header
 * @param {{name: string, maxAge: number, domain?: string}} opts
 * @param {boolean} secure
 */
function echoCookie(header, { name, maxAge, domain }, secure) {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    if (!COOKIE_VALUE.test(value)) return null;
    return `${name}=${value}; Max-Age=${maxAge}; Path=/; SameSite=Lax${domain ? `; Domain=${domain}` : ''}${secure ? '; Secure' : ''}`;
  }
  return null;
}
