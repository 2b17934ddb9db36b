#!/usr/bin/env node
// consentry-ledger: receives consent records (contract §9). See README.md beside it.
import { parseArgs } from 'node:util';
import { defaultMaxConnections, openFileLimit } from '../connections.mjs';
import { MAX_FUTURE_MS } from '../record.mjs';
import { checkCookieEcho, consoleLogger, createLedger, DEFAULTS, normaliseOrigin, SetupError } from '../server.mjs';
import { checkDatabaseUrl } from '../store.mjs';

const HELP = `Usage: consentry-ledger [options]

  --port N             port to listen on (default 8787; 0 picks a free one)
  --host ADDR          address to bind (default 127.0.0.1; 0.0.0.0 for all interfaces)
  --db FILE            SQLite file (default ./consent.db)
  --origin URL         allowed page origin, repeatable (default: any origin, CORS *)
  --rate N             records a minute per client address (default 300; 0 = no limit)
  --trust-proxy        take the client address from X-Forwarded-For (behind your own proxy only)
  --body-limit BYTES   largest accepted record (default 32768)
  --max-connections N  open connections at most; when full, the longest idle one is closed
                       (default 1024, less if the open-file limit is low)
  --headers-timeout S  seconds a client has to send its request headers (default 10)
  --request-timeout S  seconds a client has to send its whole request (default 20)
  --keep-alive-timeout S  seconds an idle keep-alive connection stays open (default 5)
  --max-clock-skew S   how far ahead of this server's clock a record's ts may be (default 300)
  --cookie-echo NAME   re-issue the NAME cookie from the server (Safari 7-day cap; see README)
  --cookie-max-age S   Max-Age for --cookie-echo (default 15552000, 180 days)
  --cookie-domain D    Domain attribute for --cookie-echo
  -h, --help           this text

Environment:
  DATABASE_URL=postgres://…  store in PostgreSQL instead of SQLite
  ADMIN_TOKEN=…              token for /admin routes (Authorization: Bearer …); unset = admin off
`;

const log = consoleLogger;

function fail(msg) {
  console.error(`consentry-ledger: ${msg}\n\n${HELP}`);
  process.exit(2);
}

/** @param {string | undefined} v @param {string} flag @param {number} dflt @param {number} [min] */
function intFlag(v, flag, dflt, min = 0) {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) fail(`${flag} must be a whole number${min ? ` of at least ${min}` : ''}, got "${v}"`);
  return n;
}

/**
 * Runs one of the ledger's own checks on a flag's value; what it refuses is a usage error.
 * @template T @param {() => T} check
 */
function checkedFlag(check) {
  try {
    return check();
  } catch (err) {
    if (err instanceof SetupError) fail(err.message);
    throw err;
  }
}

/** @returns {{name: string, maxAge: number, domain?: string} | null} */
function cookieEchoFlags() {
  if (args['cookie-echo'] === undefined) {
    // Alone they would do nothing: a site owner who meant to echo the cookie would never learn it is not.
    for (const f of ['cookie-domain', 'cookie-max-age']) if (args[f] !== undefined) fail(`--${f} needs --cookie-echo NAME: it sets an attribute of the cookie that flag re-issues`);
    return null;
  }
  const echo = { name: args['cookie-echo'], maxAge: intFlag(args['cookie-max-age'], '--cookie-max-age', 15_552_000), domain: args['cookie-domain'] };
  checkedFlag(() => checkCookieEcho(echo));
  return echo;
}

let args;
try {
  args = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      origin: { type: 'string', multiple: true },
      rate: { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      'body-limit': { type: 'string' },
      'max-connections': { type: 'string' },
      'headers-timeout': { type: 'string' },
      'request-timeout': { type: 'string' },
      'keep-alive-timeout': { type: 'string' },
      'max-clock-skew': { type: 'string' },
      'cookie-echo': { type: 'string' },
      'cookie-max-age': { type: 'string' },
      'cookie-domain': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
} catch (err) {
  fail(err.message);
}
if (args.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const databaseUrl = process.env.DATABASE_URL || undefined;
if (databaseUrl && args.db) fail('both --db and DATABASE_URL are set; choose SQLite or PostgreSQL');
if (databaseUrl) {
  try {
    checkDatabaseUrl(databaseUrl);
  } catch (err) {
    // One line: the usage text says nothing more about it, and the URL itself may hold a password.
    log.error(err.message);
    process.exit(2);
  }
}
const adminToken = process.env.ADMIN_TOKEN || undefined;
const origins = args.origin ?? [];
checkedFlag(() => origins.forEach((o) => normaliseOrigin(o)));
const opts = {
  port: intFlag(args.port, '--port', 8787),
  host: args.host ?? '127.0.0.1',
  db: args.db ?? './consent.db',
  databaseUrl,
  origins,
  rate: intFlag(args.rate, '--rate', 300),
  trustProxy: Boolean(args['trust-proxy']),
  bodyLimit: intFlag(args['body-limit'], '--body-limit', DEFAULTS.bodyLimit),
  maxConnections: intFlag(args['max-connections'], '--max-connections', defaultMaxConnections(), 1),
  headersTimeout: 1000 * intFlag(args['headers-timeout'], '--headers-timeout', DEFAULTS.headersTimeout / 1000, 1),
  requestTimeout: 1000 * intFlag(args['request-timeout'], '--request-timeout', DEFAULTS.requestTimeout / 1000, 1),
  keepAliveTimeout: 1000 * intFlag(args['keep-alive-timeout'], '--keep-alive-timeout', DEFAULTS.keepAliveTimeout / 1000, 1),
  maxFutureMs: 1000 * intFlag(args['max-clock-skew'], '--max-clock-skew', MAX_FUTURE_MS / 1000),
  adminToken,
  cookieEcho: cookieEchoFlags(),
  logger: log,
};

if (opts.headersTimeout > opts.requestTimeout) fail('--headers-timeout must not be longer than --request-timeout');
const files = openFileLimit();
if (files !== null && opts.maxConnections > files - 64) {
  log.info(`--max-connections ${opts.maxConnections} is close to this process's open-file limit (${files}); raise the limit (ulimit -n, LimitNOFILE) or lower the cap`);
}

let ledger;
try {
  ledger = await createLedger(opts);
} catch (err) {
  if (err?.code === 'EADDRINUSE') log.error(`port ${opts.port} is already in use; pick another with --port`);
  else if (err?.code === 'ECONNREFUSED') log.error(`cannot reach PostgreSQL at DATABASE_URL (${err.message})`);
  else log.error(`could not start: ${err?.message ?? err}`, err?.code || err instanceof SetupError ? undefined : err);
  process.exit(1);
}

log.info(`listening on ${ledger.url}`);
log.info(`store: ${ledger.store.describe}`);
log.info(opts.origins.length ? `origins: ${opts.origins.join(', ')}` : 'origins: any (CORS answers *); restrict with --origin https://your.site');
log.info(opts.rate ? `rate limit: ${opts.rate} records a minute per client (IPv4 address or IPv6 /64)${opts.trustProxy ? ' (from X-Forwarded-For)' : ''}` : 'rate limit: off');
log.info(
  `connections: at most ${opts.maxConnections} (the longest idle one is closed when full); headers within ${opts.headersTimeout / 1000} s, ` +
    `the whole request within ${opts.requestTimeout / 1000} s, keep-alive ${opts.keepAliveTimeout / 1000} s`,
);
log.info(adminToken ? 'admin: /admin, /admin/stats and /admin/export need Authorization: Bearer $ADMIN_TOKEN' : 'admin: ADMIN_TOKEN is not set, so /admin routes answer 403');
if (adminToken && adminToken.length < 16) log.info('admin: ADMIN_TOKEN is shorter than 16 characters and could be guessed; use e.g. openssl rand -hex 24');
if (opts.cookieEcho) log.info(`cookie echo: re-issuing the "${opts.cookieEcho.name}" cookie for ${opts.cookieEcho.maxAge} s`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, async () => {
    if (stopping) {
      log.error(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    log.info(`${signal}: no longer accepting connections, finishing requests in flight`);
    try {
      await ledger.close();
      log.info('stopped; every acknowledged record is committed');
      process.exit(0);
    } catch (err) {
      log.error('shutdown failed', err);
      process.exit(1);
    }
  });
}
