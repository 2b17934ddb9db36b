import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { createBatcher } from './batcher.mjs';
import migrations from './migrations/sqlite.mjs';

/** @typedef {import('./store.mjs').Store} Store */
/** @typedef {import('./store.mjs').Row} Row */

const PAGE = 1000;

/**
 * Embedded store for a single ledger process.
 * @param {{file: string}} opts
 * @returns {Store}
 */
export function openSqliteStore({ file }) {
  // Two connections share the file (writer thread, readers here), so it cannot be :memory:.
  if (file === ':memory:') throw new Error('the ledger needs an SQLite file, not :memory:');
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // FULL fsyncs the WAL on every commit, so an acknowledged record survives power loss too,
  // not only a killed process; group commit keeps that affordable.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const writer = startWriter(path);
  const batcher = createBatcher((/** @type {Row[]} */ rows) => writer.write(rows.map(toParams)), { parallel: 1 });

  const byId = db.prepare('SELECT record, received_at FROM consent_records WHERE consent_id = ? ORDER BY ts, seq');
  const page = db.prepare(`
    SELECT seq, received_at, record, origin, ua_family FROM consent_records
    WHERE received_at >= coalesce(@from, '') AND received_at < coalesce(@to, '~')
      AND (received_at, seq) > (@afterAt, @afterSeq)
    ORDER BY received_at, seq LIMIT ${PAGE}`);
  const perDay = db.prepare(`
    SELECT substr(received_at, 1, 10) AS day, method, count(*) AS n FROM consent_records
    WHERE received_at >= coalesce(@from, '') AND received_at < coalesce(@to, '~')
    GROUP BY day, method ORDER BY day`);
  const perCategory = db.prepare(`
    SELECT c.key AS category, sum(c.value) AS accepted, count(*) AS total
    FROM consent_records, json_each(consent_records.categories) AS c
    WHERE received_at >= coalesce(@from, '') AND received_at < coalesce(@to, '~')
    GROUP BY c.key ORDER BY c.key`);
  const countAll = db.prepare('SELECT count(*) AS n FROM consent_records').pluck();

  return {
    kind: 'sqlite',
    describe: `SQLite ${path} (WAL, synchronous=FULL)`,
    insert: (row) => batcher.add(row),
    async byId(id) {
      return byId.all(id).map((r) => ({ record: JSON.parse(r.record), receivedAt: r.received_at }));
    },
    // Keyset pages rather than one open cursor: an open better-sqlite3 iterator would lock the
    // connection and stall every insert for as long as a slow client takes to download.
    async *iterate({ from = null, to = null } = {}) {
      let afterAt = '';
      let afterSeq = 0;
      for (;;) {
        const rows = page.all({ from, to, afterAt, afterSeq });
        for (const r of rows) {
          yield { receivedAt: r.received_at, record: JSON.parse(r.record), origin: r.origin, uaFamily: r.ua_family };
        }
        if (rows.length < PAGE) return;
        afterAt = rows[rows.length - 1].received_at;
        afterSeq = rows[rows.length - 1].seq;
      }
    },
    async stats({ from = null, to = null } = {}) {
      return {
        perDay: perDay.all({ from, to }),
        perCategory: perCategory.all({ from, to }),
      };
    },
    async count() {
      return countAll.get();
    },
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      await batcher.drain();
      await writer.close();
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
 * The writer thread: each write resolves once its transaction is committed there.
 * @param {string} path
 */
function startWriter(path) {
  const worker = new Worker(new URL('./sqlite-writer.mjs', import.meta.url), { workerData: { path } });
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
  worker.on('message', ({ id, error }) => {
    const p = pending.get(id);
    pending.delete(id);
    if (error) p?.reject(new Error(`SQLite write failed: ${error}`));
    else p?.resolve();
  });
  worker.on('error', (err) => failAll(err));
  const exited = new Promise((resolve) => worker.on('exit', resolve));
  exited.then(() => failAll(dead ?? new Error('the SQLite writer thread has stopped')));
  return {
    /** @param {unknown[][]} rows */
    write(rows) {
      if (dead) return Promise.reject(dead);
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, rows });
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
    throw new Error(`the database is at schema version ${newest}, newer than this ledger knows (${known}): upgrade consentry`);
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
