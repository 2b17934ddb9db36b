// The SQLite writer thread. A commit with synchronous=FULL waits for fsync; doing that here
// instead of on the main thread lets the server keep parsing requests (the next batch) meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

export const COLUMNS = ['consent_id', 'ts', 'received_at', 'revision', 'method', 'categories', 'vendors', 'gpc', 'dnt', 'url', 'lang', 'origin', 'ua_family', 'record'];

if (parentPort) {
  const port = parentPort;
  const db = new Database(workerData.path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  const insert = db.prepare(
    `INSERT INTO consent_records (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})
     ON CONFLICT (consent_id, ts) DO NOTHING`,
  );
  const stored = db.prepare('SELECT record FROM consent_records WHERE consent_id = ? AND ts = ?').pluck();
  // Per row: null when added, else the record already stored under its (id, ts), which may be
  // one added earlier in this very batch.
  const insertAll = db.transaction((/** @type {unknown[][]} */ rows) => rows.map((r) => (insert.run(r).changes ? null : stored.get(r[0], r[1]))));
  port.on('message', (/** @type {{id: number, args: unknown[][]} | 'close'} */ msg) => {
    if (msg === 'close') {
      db.close();
      port.close();
      return;
    }
    try {
      port.postMessage({ id: msg.id, result: insertAll(msg.args) });
    } catch (err) {
      port.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
    }
  });
}
