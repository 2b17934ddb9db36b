// The ledger talks to one store interface; SQLite for one process, PostgreSQL for several.

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
 * @typedef {object} Store
 * @property {'sqlite' | 'postgresql'} kind
 * @property {string} describe for the startup log; never contains a password
 * @property {(row: Row) => Promise<void>} insert resolves once durably committed; a repeated (id, ts) is ignored
 * @property {(id: string) => Promise<{record: object, receivedAt: string}[]>} byId oldest first
 * @property {(range?: Range) => AsyncIterable<Row>} iterate in receive order, page by page
 * @property {(range?: Range) => Promise<{perDay: {day: string, method: string, n: number}[], perCategory: {category: string, accepted: number, total: number}[]}>} stats
 * @property {() => Promise<number>} count
 * @property {() => Promise<void>} ping
 * @property {() => Promise<void>} close commits what is queued, then closes
 */

/**
 * @param {{db?: string, databaseUrl?: string}} opts
 * @returns {Promise<Store>}
 */
export async function openStore({ db, databaseUrl }) {
  if (databaseUrl) {
    const { openPgStore } = await import('./store-pg.mjs');
    return openPgStore({ url: databaseUrl });
  }
  const { openSqliteStore } = await import('./store-sqlite.mjs');
  return openSqliteStore({ file: db ?? './consent.db' });
}
