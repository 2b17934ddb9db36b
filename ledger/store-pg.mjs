import pg from 'pg';
import { createBatcher } from './batcher.mjs';
import migrations from './migrations/pg.mjs';

/** @typedef {import('./store.mjs').Store} Store */
/** @typedef {import('./store.mjs').Row} Row */

const PAGE = 1000;
// Any constant works; it only has to be the same in every ledger instance sharing a database.
const MIGRATION_LOCK = 0x636f6e73;
const iso = (d) => (d instanceof Date ? d.toISOString() : d);

/**
 * Shared store for several ledger instances behind a load balancer.
 * @param {{url: string, poolSize?: number}} opts
 * @returns {Promise<Store>}
 */
export async function openPgStore({ url, poolSize = 10 }) {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  await migrate(pool);

  // One INSERT … SELECT unnest(…) per batch: a single round trip and a single commit.
  const write = (/** @type {Row[]} */ rows) =>
    pool.query(
      `INSERT INTO consent_records
         (consent_id, ts, received_at, revision, method, categories, vendors, gpc, dnt, url, lang, origin, ua_family, record)
       SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::int[], $5::text[], $6::jsonb[],
                            $7::jsonb[], $8::bool[], $9::bool[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
       ON CONFLICT (consent_id, ts) DO NOTHING`,
      columns(rows),
    );
  // Leave connections free for reads and exports while commits are in flight.
  const batcher = createBatcher(write, { parallel: Math.max(1, poolSize - 2) });

  const host = safeHost(url);
  return {
    kind: 'postgresql',
    describe: `PostgreSQL ${host}`,
    insert: (row) => batcher.add(row),
    async byId(id) {
      const { rows } = await pool.query(
        'SELECT record, received_at FROM consent_records WHERE consent_id = $1 ORDER BY ts, seq',
        [id],
      );
      return rows.map((r) => ({ record: JSON.parse(r.record), receivedAt: iso(r.received_at) }));
    },
    // Keyset pagination: each page is its own short query, so no transaction or cursor is held
    // open for as long as a slow client takes to download a large export.
    async *iterate({ from = null, to = null } = {}) {
      let afterAt = /** @type {Date | string} */ ('-infinity');
      let afterSeq = '0';
      for (;;) {
        const { rows } = await pool.query(
          `SELECT seq, received_at, record, origin, ua_family FROM consent_records
           WHERE received_at >= coalesce($1::timestamptz, '-infinity') AND received_at < coalesce($2::timestamptz, 'infinity')
             AND (received_at, seq) > ($3::timestamptz, $4::bigint)
           ORDER BY received_at, seq LIMIT ${PAGE}`,
          [from, to, afterAt, afterSeq],
        );
        for (const r of rows) {
          yield { receivedAt: iso(r.received_at), record: JSON.parse(r.record), origin: r.origin, uaFamily: r.ua_family };
        }
        if (rows.length < PAGE) return;
        afterAt = rows[rows.length - 1].received_at;
        afterSeq = rows[rows.length - 1].seq;
      }
    },
    async stats({ from = null, to = null } = {}) {
      const range = `received_at >= coalesce($1::timestamptz, '-infinity') AND received_at < coalesce($2::timestamptz, 'infinity')`;
      const [days, cats] = await Promise.all([
        pool.query(
          `SELECT to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, method, count(*)::int AS n
           FROM consent_records WHERE ${range} GROUP BY 1, 2 ORDER BY 1`,
          [from, to],
        ),
        pool.query(
          `SELECT c.key AS category, (count(*) FILTER (WHERE c.value = 'true'))::int AS accepted, count(*)::int AS total
           FROM consent_records, jsonb_each(categories) AS c WHERE ${range} GROUP BY 1 ORDER BY 1`,
          [from, to],
        ),
      ]);
      return { perDay: days.rows, perCategory: cats.rows };
    },
    async count() {
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM consent_records');
      return rows[0].n;
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await batcher.drain();
      await pool.end();
    },
  };
}

/** @param {Row[]} rows */
function columns(rows) {
  const cols = Array.from({ length: 14 }, () => new Array(rows.length));
  rows.forEach((r, i) => {
    const rec = r.record;
    const vals = [
      rec.id, rec.ts, r.receivedAt, rec.revision, rec.method, JSON.stringify(rec.categories),
      JSON.stringify(rec.vendors), rec.signals.gpc, rec.signals.dnt, rec.url, rec.lang, r.origin, r.uaFamily,
      JSON.stringify(rec),
    ];
    for (let c = 0; c < vals.length; c++) cols[c][i] = vals[c];
  });
  return cols;
}

/** @param {string} url */
function safeHost(url) {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return '(DATABASE_URL)';
  }
}

/** @param {pg.Pool} pool */
async function migrate(pool) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Several instances may start at once; the lock makes the others wait, then find nothing to do.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)');
    const { rows } = await client.query('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    const known = Math.max(...migrations.map((m) => m.version));
    const newest = Math.max(0, ...done);
    if (newest > known) {
      throw new Error(`the database is at schema version ${newest}, newer than this ledger knows (${known}): upgrade consentry`);
    }
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, now())', [m.version]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
