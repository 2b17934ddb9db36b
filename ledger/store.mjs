// The ledger talks to one store interface; SQLite for one process, PostgreSQL for several.
// Both keep slow reads (exports, the dashboard) off the connections that acknowledge records.
import { SetupError } from './errors.mjs';

/** Rows per export page: one query each, so no read is held open while a client downloads. */
export const PAGE = 1000;
/** The dashboard charts at most this many categories, the most common ones. */
export const TOP_CATEGORIES = 50;
/** GET /api/consent/:id answers at most this many records, the newest. */
export const BY_ID_LIMIT = 1000;

/**
 * @typedef {object} Row what the server hands to the store for one accepted record
 * @property {import('./record.mjs').ConsentRecord} record
 * @property {string} receivedAt server receive time, ISO UTC
 * @property {string | null} origin page origin (Origin header, else the record url's origin)
 * @property {string} uaFamily e.g. "Chrome"; never the raw user agent
 */
/**
 * @typedef {{from?: string | null, to?: string | null}} Range ISO bounds on receive time, to exclusive
 */
/**
 * @typedef {object} Stats
 * @property {{day: string, method: string, n: number}[]} perDay
 * @property {{category: string, accepted: number, total: number}[]} perCategory the TOP_CATEGORIES most common
 * @property {number} categories how many categories the range names in all
 */
/**
 * @typedef {object} Store
 * @property {'sqlite' | 'postgresql'} kind
 * @property {string} describe for the startup log; never contains a password
 * @property {(row: Row) => Promise<object | null>} insert resolves once durably committed, with null; or, when a
 *   record was already stored under the same (id, ts), with that record, which is kept as it is
 * @property {(id: string) => Promise<{record: object, receivedAt: string}[]>} byId the newest BY_ID_LIMIT, oldest first
 * @property {(range: Range, format: import('./export.mjs').Format) => AsyncIterable<string>} export the records in
 *   receive order as export text, a page (PAGE rows) at a time, read and formatted off the connections that commit
 * @property {(range?: Range) => Promise<Stats>} stats aggregated by the database
 * @property {() => Promise<number>} count
 * @property {() => Promise<void>} ping
 * @property {() => Promise<void>} close commits what is queued, then closes
 */

/**
 * Refuses a DATABASE_URL that is not a PostgreSQL URL, before anything tries to connect: `pg`
 * would read any text as one and fail later with a misleading error (a host named "base").
 * The message never repeats the URL, which may hold a password.
 * @param {string} url
 */
export function checkDatabaseUrl(url) {
  const must = 'DATABASE_URL must be a postgres:// or postgresql:// URL';
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new SetupError(`${must}; this one is not a URL (e.g. postgres://user:password@host:5432/consent)`);
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') throw new SetupError(`${must} (got a ${u.protocol.slice(0, 24)} URL)`);
}

/**
 * @param {{db?: string, databaseUrl?: string}} opts
 * @returns {Promise<Store>}
 */
export async function openStore({ db, databaseUrl }) {
  if (databaseUrl) {
    checkDatabaseUrl(databaseUrl);
    const { openPgStore } = await import('./store-pg.mjs');
    return openPgStore({ url: databaseUrl });
  }
  const { openSqliteStore } = await import('./store-sqlite.mjs');
  return openSqliteStore({ file: db ?? './consent.db' });
}
