// The SQLite reader thread: exports and the dashboard's aggregates run here, on their own
// connection, so that a query over months of records never holds up the main thread, where
// records are acknowledged and /healthz answers. WAL lets it read while the writer commits.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { formatRows } from './export.mjs';
import { TOP_CATEGORIES } from './store.mjs';

if (parentPort) {
  const port = parentPort;
  const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const range = `received_at >= coalesce(@from, '') AND received_at < coalesce(@to, '~')`;
  const page = db.prepare(`
    SELECT seq, received_at, record, origin, ua_family FROM consent_records
    WHERE ${range} AND (received_at, seq) > (@afterAt, @afterSeq)
    ORDER BY received_at, seq LIMIT @limit`);
  const perDay = db.prepare(`
    SELECT substr(received_at, 1, 10) AS day, method, count(*) AS n FROM consent_records
    WHERE ${range} GROUP BY day, method ORDER BY day`);
  // Categories are whatever records name, so a flood of forged records could name millions:
  // only the most common ones come back, with the number of all of them.
  const perCategory = db.prepare(`
    SELECT category, accepted, total, categories FROM (
      SELECT c.key AS category, sum(c.value) AS accepted, count(*) AS total, count(*) OVER () AS categories
      FROM consent_records, json_each(consent_records.categories) AS c
      WHERE ${range} GROUP BY c.key ORDER BY total DESC, c.key LIMIT ${TOP_CATEGORIES})
    ORDER BY category`);
  const count = db.prepare('SELECT count(*) FROM consent_records').pluck();

  const ops = {
    // The page as export text, so parsing and formatting stay off the main thread too.
    page: ({ format, ...a }) => {
      const rows = page.all(a);
      const last = rows[rows.length - 1];
      const text = formatRows(
        rows.map((r) => ({ receivedAt: r.received_at, record: JSON.parse(r.record), origin: r.origin, uaFamily: r.ua_family })),
        format,
      );
      return { text, n: rows.length, afterAt: last?.received_at, afterSeq: last?.seq };
    },
    stats: (a) => {
      const cats = perCategory.all(a);
      return {
        perDay: perDay.all(a),
        perCategory: cats.map(({ category, accepted, total }) => ({ category, accepted, total })),
        categories: cats.length ? cats[0].categories : 0,
      };
    },
    count: () => count.get(),
  };

  port.on('message', (/** @type {{id: number, op: keyof typeof ops, args: any} | 'close'} */ msg) => {
    if (msg === 'close') {
      db.close();
      port.close();
      return;
    }
    try {
      port.postMessage({ id: msg.id, result: ops[msg.op](msg.args) });
    } catch (err) {
      port.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
    }
  });
}
