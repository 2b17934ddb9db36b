import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { createBatcher } from './batcher.mjs';
import { SetupError } from './errors.mjs';
import { exportHeader } from './export.mjs';
import migrations from './migrations/sqlite.mjs';
import { BY_ID_LIMIT, PAGE } from './store.mjs';

// Pages formatted in the reader thread can be larger: each costs two thread wake-ups, which
// take long on a busy machine, and none of the work happens where requests are answered.
const EXPORT_PAGE = 5 * PAGE;

/** @typedef {import('./store.mjs').Store} Store */
/** @typedef {import('./store.mjs').Row} Row */

/**
 * Embedded store for a single ledger process. Three connections share the file: the writer
 * thread (commits, with their fsync), the reader thread (exports, dashboard) and this thread
 * (a visitor's records by id, an indexed look-up), so nothing slow runs where requests are
 * answered.
 * @param {{file: string}} opts
 * @returns {Store}
 */
export function openSqliteStore({ file }) {
  // Several connections share the file, so it cannot be :memory:.
  if (file === ':memory:') throw new SetupError('the ledger needs an SQLite file, not :memory:');
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // FULL fsyncs the WAL on every commit, so an acknowledged record survives power loss too,
  // not only a killed process; group commit keeps that affordable.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const writer = startThread('./sqlite-writer.mjs', path);
  const reader = startThread('./sqlite-reader.mjs', path);
  const write = async (/** @type {Row[]} */ rows) => {
    const stored = /** @type {(string | null)[]} */ (await writer.call(undefined, rows.map(toParams)));
    return stored.map((text) => text && JSON.parse(text));
  };
  const batcher = createBatcher(write, { parallel: 1 });

  // The newest records of an id, so that a forged flood under one id cannot make this look-up
  // (on the main thread) unbounded.
  const byId = db.prepare(`
    SELECT record, received_at FROM consent_records WHERE consent_id = ?
    ORDER BY ts DESC, seq DESC LIMIT ${BY_ID_LIMIT}`);

  return {
    kind: 'sqlite',
    describe: `SQLite ${path} (WAL, synchronous=FULL)`,
    insert: (row) => batcher.add(row),
    async byId(id) {
      return byId.all(id).reverse().map((r) => ({ record: JSON.parse(r.record), receivedAt: r.received_at }));
    },
    // Keyset pages read and formatted by the reader thread, rather than one open cursor: that
    // would hold a read transaction for as long as a slow client takes to download. The next
    // page is asked for as soon as one arrives, so the thread works while the client downloads.
    async *export({ from = null, to = null } = {}, format) {
      yield exportHeader(format);
      const next = (afterAt, afterSeq) => {
        const page = /** @type {Promise<{text: string, n: number, afterAt: string, afterSeq: number}>} */ (
          reader.call('page', { from, to, afterAt, afterSeq, format, limit: EXPORT_PAGE })
        );
        // A client that leaves stops this loop with a page still on its way; its failure then
        // has nobody to report to, and must not count as unhandled.
        page.catch(() => {});
        return page;
      };
      let pending = next('', 0);
      for (;;) {
        const page = await pending;
        pending = page.n < EXPORT_PAGE ? null : next(page.afterAt, page.afterSeq);
        if (page.text) yield page.text;
        if (!pending) return;
      }
    },
    stats: ({ from = null, to = null } = {}) => /** @type {Promise<any>} */ (reader.call('stats', { from, to })),
    count: () => /** @type {Promise<number>} */ (reader.call('count')),
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      await batcher.drain();
      await Promise.all([writer.close(), reader.close()]);
      db.close();
    },
  };
}

/** @param {Row} r in the order of COLUMNS in sqlite-writer.mjs */
function toParams(r) {
  const rec = r.record;
  return [
    rec.id, rec.ts, r.receivedAt, rec.revision, rec.method, JSON.stringify(rec.categories), JSON.stringify(rec.vendors),
    rec.signals.gpc ? 1 : 0, rec.signals.dnt ? 1 : 0, rec.url, rec.lang, r.origin, r.uaFamily, JSON.stringify(rec),
  ];
}

/**
 * A worker thread answering one message at a time; each call resolves with its answer.
 * If the thread dies, every call in flight and after fails (the server answers 503).
 * @param {string} module beside this file
 * @param {string} path the database file
 */
function startThread(module, path) {
  const worker = new Worker(new URL(module, import.meta.url), { workerData: { path } });
  /** @type {Map<number, {resolve: (v?: unknown) => void, reject: (e: Error) => void}>} */
  const pending = new Map();
  let next = 0;
  /** @type {Error | null} */
  let dead = null;
  const failAll = (err) => {
    dead = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('message', ({ id, result, error }) => {
    const p = pending.get(id);
    pending.delete(id);
    if (error) p?.reject(new Error(`SQLite ${module.slice(2, -4)}: ${error}`));
    else p?.resolve(result);
  });
  worker.on('error', (err) => failAll(err));
  const exited = new Promise((resolve) => worker.on('exit', resolve));
  exited.then(() => failAll(dead ?? new Error(`the SQLite ${module.slice(2, -4)} thread has stopped`)));
  return {
    /** @param {string | undefined} op @param {unknown} [args] */
    call(op, args) {
      if (dead) return Promise.reject(dead);
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, op, args });
      });
    },
    async close() {
      worker.postMessage('close');
      await exited;
    },
  };
}

/** @param {import('better-sqlite3').Database} db */
function migrate(db) {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all());
  const known = Math.max(...migrations.map((m) => m.version));
  const newest = Math.max(0, ...done);
  if (newest > known) {
    throw new SetupError(`the database is at schema version ${newest}, newer than this ledger knows (${known}): upgrade consentry`);
  }
  const mark = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      mark.run(m.version, new Date().toISOString());
    }).immediate();
  }
}
