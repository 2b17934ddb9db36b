import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { isIP } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { defaultMaxConnections, guardConnections } from './connections.mjs';
import { renderDashboard } from './dashboard.mjs';
import { SetupError } from './errors.mjs';
import { exportStream, FORMATS } from './export.mjs';
import { createRateLimiter } from './ratelimit.mjs';
import { checkOrigin, ID, ID_RULE, largestRecordBytes, MAX_FUTURE_MS, parseIso, parseRecord, sameRecord } from './record.mjs';
import { openStore } from './store.mjs';
import { uaFamily } from './ua.mjs';

export { SetupError };

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
 * @property {number} [bodyLimit] bytes, default 32 KiB (the largest valid record is about 25 KiB)
 * @property {number} [maxConnections] open connections; default 1024, less under a low open-file limit
 * @property {number} [headersTimeout] ms for a client to send its request headers; default 10 s
 * @property {number} [requestTimeout] ms for a client to send its whole request; default 20 s
 * @property {number} [keepAliveTimeout] ms an idle keep-alive connection stays open; default 5 s
 * @property {number} [maxFutureMs] how far ahead of the server's clock a record's ts may be; default 5 min
 * @property {{name: string, maxAge: number, domain?: string} | null} [cookieEcho] see README, Safari
 * @property {{info: (msg: string) => void, error: (msg: string, err?: unknown) => void}} [logger]
 * @property {() => number} [now] clock in epoch ms, for tests
 */

export const consoleLogger = {
  info: (msg) => console.log(`consentry-ledger: ${msg}`),
  error: (msg, err) =>
    err === undefined ? console.error(`consentry-ledger: ${msg}`) : console.error(`consentry-ledger: ${msg}`, err instanceof Error ? err.stack : err),
};

export const DEFAULTS = Object.freeze({
  bodyLimit: 32 * 1024,
  headersTimeout: 10_000,
  requestTimeout: 20_000,
  keepAliveTimeout: 5_000,
});
/** Wrong admin tokens a client may send a minute; more answer 429 without looking at the token. */
export const ADMIN_ATTEMPTS_PER_MINUTE = 10;
/** The dashboard's widest range: a bar per day. Longer ranges are for the export. */
export const MAX_DASHBOARD_DAYS = 366;
const DAY = 86_400_000;
const JSON_TYPE = 'application/json; charset=utf-8';
const COOKIE_VALUE = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]{1,4000}$/;
// RFC 6265 §4.1.1: a cookie name is a token (RFC 2616 §2.2), no separators or control characters.
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,256}$/;
// The Domain attribute: a host name (a leading dot is allowed, and ignored by browsers).
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const COOKIE_DOMAIN = new RegExp(`^\\.?(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*$`);

/** The client closed the connection or timed out before its request had arrived. */
class ClientGone extends Error {}

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
    bodyLimit = DEFAULTS.bodyLimit,
    maxConnections = defaultMaxConnections(),
    headersTimeout = DEFAULTS.headersTimeout,
    requestTimeout = DEFAULTS.requestTimeout,
    keepAliveTimeout = DEFAULTS.keepAliveTimeout,
    maxFutureMs = MAX_FUTURE_MS,
    cookieEcho = null,
    logger = consoleLogger,
    now = Date.now,
  } = opts;
  if (requestTimeout && headersTimeout > requestTimeout) throw new SetupError('the headers timeout must not be longer than the request timeout');
  const allowed = origins.length ? new Set(origins.map(normaliseOrigin)) : null;
  if (cookieEcho) checkCookieEcho(cookieEcho);
  const adminHash = adminToken ? sha256(adminToken) : null;
  const store = opts.store ?? (await openStore({ db: opts.db, databaseUrl: opts.databaseUrl }));
  const limiter = createRateLimiter({ rate });
  const adminAttempts = createRateLimiter({ rate: ADMIN_ATTEMPTS_PER_MINUTE });
  // Whatever a client can trigger at will is logged in one line, and only so often.
  const clientLog = throttledLog(logger, now);
  let cookieFailed = false;

  /** CORS headers for this request, or null when its origin is not allowed. */
  function cors(req, { originRequired }) {
    if (!allowed) return { 'Access-Control-Allow-Origin': '*' };
    const checked = checkOrigin(req.headers.origin);
    const origin = 'origin' in checked ? checked.origin : undefined;
    if (origin && allowed.has(origin)) return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
    // A visitor opening their proof link sends no Origin; a foreign page always does.
    if (!req.headers.origin && !originRequired) return { Vary: 'Origin' };
    return null;
  }

  function clientAddress(req) {
    if (trustProxy) {
      // The last entry is the one our own proxy appended; earlier ones are whatever the client claimed.
      const xff = String(req.headers['x-forwarded-for'] ?? '').split(',');
      const last = xff[xff.length - 1].trim().replace(/^\[(.*)\]$/, '$1');
      if (isIP(last)) return last;
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
    const who = clientAddress(req);
    // Checked before the token is even looked at, so a guesser learns nothing more once over.
    const gate = adminAttempts.check(who);
    if ('retryAfter' in gate) {
      throw new HttpError(429, 'too many wrong admin tokens from this client; wait and try again', undefined, { 'Retry-After': String(gate.retryAfter) });
    }
    const given = bearerOrBasic(req.headers.authorization);
    // Both sides are hashed to the same length first, so the comparison takes the same time
    // whatever the guess, and timingSafeEqual never sees unequal lengths.
    if (given === null || !timingSafeEqual(sha256(given), adminHash)) {
      if (given !== null) adminAttempts.take(who);
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
        let total = 0;
        for (const r of stats.perDay) total += Number(r.n);
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
    const pageOrigin = checkOrigin(req.headers.origin);
    if ('error' in pageOrigin) throw new HttpError(400, pageOrigin.error.message, pageOrigin.error.field, headers);
    // The body is read as JSON whatever its Content-Type (sendBeacon sends text/plain, a Blob
    // without a type none at all): a type protects nothing, text/plain being a simple request too.
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > bodyLimit) throw tooLarge(headers);
    const body = await readBody(req, bodyLimit);
    if (!body) throw tooLarge(headers);
    const checked = parseRecord(body, { now: now(), maxFutureMs });
    if ('error' in checked) throw new HttpError(400, checked.error.message, checked.error.field, headers);
    const { record } = checked;
    const stored = await store.insert({
      record,
      receivedAt: new Date(now()).toISOString(),
      origin: pageOrigin.origin ?? new URL(record.url).origin,
      uaFamily: uaFamily(req.headers['user-agent']),
    });
    // A resend (the banner retries until 204) is the same record; anything else under that
    // (id, ts) was not stored, and saying 204 would claim it was.
    if (stored && !sameRecord(/** @type {any} */ (stored), record)) {
      throw new HttpError(409, `a different record is already stored for this id at ts ${record.ts} (to the millisecond); a new decision needs a later ts`, 'ts', headers);
    }
    try {
      const cookie = cookieEcho && echoCookie(req.headers.cookie, cookieEcho, record.url.startsWith('https:'));
      if (cookie) res.setHeader('Set-Cookie', cookie);
    } catch (err) {
      // The record is stored: answering anything but 204 would make the banner send it again on
      // every page. Options are checked at start, so this is a bug; one line says so.
      if (!cookieFailed) {
        cookieFailed = true;
        logger.error(`cookie echo: could not set the ${cookieEcho.name} cookie (${String(err?.message ?? err).split('\n')[0]}); records are still stored and answered, without the cookie`);
      }
    }
    res.writeHead(204, headers);
    res.end();
  }

  async function getConsent(req, res, headers, id) {
    limit(req, headers);
    if (!ID.test(id)) throw new HttpError(400, ID_RULE, 'id', headers);
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
      await pipeline(exportStream(store.export({ from, to }, /** @type {'csv'|'ndjson'} */ (format))), res);
    } catch (err) {
      // The status line is gone already; all that is left is to cut the response short so the
      // client sees a truncated download rather than a complete-looking file.
      const clientLeft = res.destroyed || req.socket.destroyed;
      if (!res.destroyed) res.destroy();
      if (clientLeft) clientLog(`export of ${format} stopped: the client closed the connection`);
      else logger.error('export failed', err);
    }
  }

  const server = http.createServer({ connectionsCheckingInterval: Math.min(1000, headersTimeout || 1000) }, (req, res) => {
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
      if (err instanceof ClientGone) {
        clientLog(`${req.method} ${url.pathname}: the client closed the connection before its request had arrived; nothing stored`);
        return res.destroy();
      }
      logger.error(`${req.method} ${url.pathname} failed`, err);
      if (res.headersSent) return res.destroy();
      // 503, not 500: the client keeps the record queued and sends it again later.
      sendJson(res, 503, { error: 'the ledger could not store or read records right now; try again later' }, { 'Retry-After': '5' });
    });
  });
  // Slow or silent clients must not hold sockets for long: Node checks these every second
  // (connectionsCheckingInterval), and the guard below closes the idlest socket when full.
  server.headersTimeout = headersTimeout;
  server.requestTimeout = requestTimeout;
  server.keepAliveTimeout = keepAliveTimeout;
  guardConnections(server, {
    max: maxConnections,
    onEvict: (why) => why === 'refused' && clientLog(`${maxConnections} connections are busy with requests; refused a new one`),
  });
  if (bodyLimit < largestRecordBytes()) {
    logger.info(`the body limit (${bodyLimit} bytes) is below the largest valid record (${largestRecordBytes()} bytes): sites with many vendors would get 413`);
  }

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
      adminAttempts.close();
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
 * Resolves with the body, or null as soon as it exceeds `limit` (the rest is not read);
 * rejects with ClientGone when the client leaves (or times out) before the body has arrived.
 * @param {http.IncomingMessage} req
 * @param {number} limit
 * @returns {Promise<Buffer | null>}
 */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        stop();
        req.pause();
        return resolve(null);
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onClose = () => {
      stop();
      reject(new ClientGone());
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    // 'error' ("aborted") comes with 'close'; listening keeps it from being thrown as unhandled.
    req.on('error', () => {});
  });
}

/**
 * At most `perMinute` lines a minute for what clients cause at will (aborted uploads, refused
 * connections), so that they cannot fill the disk through the log; the rest are counted.
 * @param {{info: (msg: string) => void}} logger
 * @param {() => number} now
 */
function throttledLog(logger, now, perMinute = 20) {
  let since = -Infinity;
  let shown = 0;
  let hidden = 0;
  return (/** @type {string} */ msg) => {
    const t = now();
    if (t - since >= 60_000) {
      if (hidden) logger.info(`(${hidden} more lines like the above in the last minute were not logged)`);
      since = t;
      shown = 0;
      hidden = 0;
    }
    if (shown < perMinute) {
      shown++;
      logger.info(msg);
    } else hidden++;
  };
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

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A range bound: an ISO 8601 date-time with a zone, or a plain date `YYYY-MM-DD`, the start of
 * that day in UTC (for `to` too). Only here: a record's `ts` still needs a date-time with a zone.
 * @param {URL} url @param {string} name
 */
function isoParam(url, name) {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return null;
  let t = parseIso(raw);
  if (PLAIN_DATE.test(raw)) {
    t = Date.parse(`${raw}T00:00:00.000Z`);
    // Date.parse rolls 2026-02-30 over to 2 March; a day that does not exist is refused.
    if (!Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) !== raw) t = NaN;
  }
  if (Number.isNaN(t)) throw new HttpError(400, `${name} must be a date (2026-01-01, the start of that day in UTC) or an ISO 8601 date-time with a time zone`, name);
  return new Date(t).toISOString();
}

/**
 * The dashboard range: ?from=&to= if given, else the last ?days= whole UTC days (default 30),
 * at most MAX_DASHBOARD_DAYS: the page draws a bar per day, and wider ranges are for the export.
 */
function statsRange(url, nowMs) {
  const to = isoParam(url, 'to') ?? new Date(Math.floor(nowMs / DAY) * DAY + DAY).toISOString();
  const rawDays = url.searchParams.get('days');
  const days = rawDays === null ? 30 : Number(rawDays);
  const max = MAX_DASHBOARD_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > max) throw new HttpError(400, `days must be a whole number from 1 to ${max}`, 'days');
  const fromParam = isoParam(url, 'from');
  const from = fromParam ?? new Date(Math.max(0, Date.parse(to) - days * DAY)).toISOString();
  if (from >= to) throw new HttpError(400, 'to must be after from', 'to');
  if (Date.parse(to) - Date.parse(from) > max * DAY) {
    throw new HttpError(400, `the dashboard shows at most ${max} days at once; use /admin/export for longer ranges`, fromParam ? 'from' : 'to');
  }
  return { from, to, days: Math.round((Date.parse(to) - Date.parse(from)) / DAY) };
}

/** @param {string} origin */
export function normaliseOrigin(origin) {
  let u;
  try {
    u = new URL(origin);
  } catch {
    throw new SetupError(`--origin ${origin} is not a URL; give it as https://example.com`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new SetupError(`--origin ${origin} must be http(s), e.g. https://example.com`);
  return u.origin;
}

/**
 * The cookie echo options, checked before the first record: the name and domain go verbatim into
 * every Set-Cookie, where a space or `;` would add attributes and a control character makes Node
 * refuse the header.
 * @param {{name: string, maxAge: number, domain?: string}} opts
 */
export function checkCookieEcho({ name, maxAge, domain }) {
  if (typeof name !== 'string' || !COOKIE_NAME.test(name)) {
    throw new SetupError(`--cookie-echo ${JSON.stringify(name)} is not a cookie name: use letters, digits and !#$%&'*+-.^_\`|~ (RFC 6265), e.g. consentry`);
  }
  if (!Number.isInteger(maxAge) || maxAge < 0) throw new SetupError(`--cookie-max-age must be a whole number of seconds, got ${JSON.stringify(maxAge)}`);
  if (domain !== undefined && (typeof domain !== 'string' || !COOKIE_DOMAIN.test(domain))) {
    throw new SetupError(`--cookie-domain ${JSON.stringify(domain)} is not a host name: give it as example.com, without scheme, port, path, spaces or ;`);
  }
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
