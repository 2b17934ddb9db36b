import { setImmediate as nextTurn } from 'node:timers/promises';
import pg from 'pg';
import { createBatcher } from './batcher.mjs';
import { SetupError } from './errors.mjs';
import { exportHeader, formatRows } from './export.mjs';
import migrations from './migrations/pg.mjs';
import { BY_ID_LIMIT, PAGE, TOP_CATEGORIES } from './store.mjs';

/** @typedef {import('./store.mjs').Store} Store */
/** @typedef {import('./store.mjs').Row} Row */
// Any constant works; it only has to be the same in every ledger instance sharing a database.
const MIGRATION_LOCK = 0x636f6e73;
const iso = (d) => (d instanceof Date ? d.toISOString() : d);

/**
 * Shared store for several ledger instances behind a load balancer. Exports and the dashboard
 * read through a pool of their own, so however many run at once, the connections that commit
 * records and answer visitors are never all taken.
 * @param {{url: string, poolSize?: number, readPoolSize?: number}} opts
 * @returns {Promise<Store>}
 */
export async function openPgStore({ url, poolSize = 10, readPoolSize = 2 }) {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A dashboard over years of records must not run for ever on the database server either.
  const reads = new pg.Pool({ connectionString: url, max: readPoolSize, statement_timeout: 120_000 });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  reads.on('error', () => {});
  await migrate(pool);

  // One INSERT … SELECT unnest(…) per batch: a single round trip and a single commit. Per row it
  // answers null when the row was added, else the record already stored under its (id, ts).
  const write = async (/** @type {Row[]} */ rows) => {
    const cols = columns(rows);
    const { rows: added } = await pool.query(
      `INSERT INTO consent_records
         (consent_id, ts, received_at, revision, method, categories, vendors, gpc, dnt, url, lang, origin, ua_family, record)
       SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::int[], $5::text[], $6::jsonb[],
                            $7::jsonb[], $8::bool[], $9::bool[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
       ON CONFLICT (consent_id, ts) DO NOTHING
       RETURNING consent_id, ts`,
      cols,
    );
    const keys = rows.map((r) => `${r.record.id} ${r.record.ts}`);
    const inBatch = new Map();
    for (const k of keys) inBatch.set(k, (inBatch.get(k) ?? 0) + 1);
    const addedKeys = new Set(added.map((a) => `${a.consent_id} ${iso(a.ts)}`));
    // A row added alone under its key is the one stored. When several rows of the batch share a
    // key, RETURNING cannot tell which of them won, so those are read back like conflicts.
    const own = keys.map((k) => addedKeys.has(k) && inBatch.get(k) === 1);
    if (own.every(Boolean)) return rows.map(() => null);
    const { rows: found } = await pool.query(
      `SELECT consent_id, ts, record FROM consent_records
       WHERE (consent_id, ts) IN (SELECT * FROM unnest($1::text[], $2::timestamptz[]))`,
      [cols[0].filter((_, i) => !own[i]), cols[1].filter((_, i) => !own[i])],
    );
    const stored = new Map(found.map((f) => [`${f.consent_id} ${iso(f.ts)}`, f.record]));
    return keys.map((k, i) => (own[i] || !stored.has(k) ? null : JSON.parse(stored.get(k))));
  };
  // Leave connections free for visitors' look-ups and /healthz while commits are in flight.
  const batcher = createBatcher(write, { parallel: Math.max(1, poolSize - 2) });

  const host = safeHost(url);
  return {
    kind: 'postgresql',
    describe: `PostgreSQL ${host}`,
    insert: (row) => batcher.add(row),
    async byId(id) {
      // The newest ones: a forged flood under one id must not make this answer unbounded.
      const { rows } = await pool.query(
        `SELECT record, received_at FROM consent_records WHERE consent_id = $1 ORDER BY ts DESC, seq DESC LIMIT ${BY_ID_LIMIT}`,
        [id],
      );
      return rows.reverse().map((r) => ({ record: JSON.parse(r.record), receivedAt: iso(r.received_at) }));
    },
    // Keyset pagination: each page is its own short query, so no transaction or cursor is held
    // open for as long as a slow client takes to download a large export.
    async *export({ from = null, to = null } = {}, format) {
      yield exportHeader(format);
      let afterAt = /** @type {Date | string} */ ('-infinity');
      let afterSeq = '0';
      for (;;) {
        const { rows } = await reads.query(
          `SELECT seq, received_at, record, origin, ua_family FROM consent_records
           WHERE received_at >= coalesce($1::timestamptz, '-infinity') AND received_at < coalesce($2::timestamptz, 'infinity')
             AND (received_at, seq) > ($3::timestamptz, $4::bigint)
           ORDER BY received_at, seq LIMIT ${PAGE}`,
          [from, to, afterAt, afterSeq],
        );
        // Formatting a page takes a few milliseconds here; requests that arrived meanwhile go
        // first before the next page is read.
        const page = rows.map((r) => ({ receivedAt: iso(r.received_at), record: JSON.parse(r.record), origin: r.origin, uaFamily: r.ua_family }));
        if (page.length) yield formatRows(page, format);
        if (rows.length < PAGE) return;
        afterAt = rows[rows.length - 1].received_at;
        afterSeq = rows[rows.length - 1].seq;
        await nextTurn();
      }
    },
    async stats({ from = null, to = null } = {}) {
      const range = `received_at >= coalesce($1::timestamptz, '-infinity') AND received_at < coalesce($2::timestamptz, 'infinity')`;
      // One connection of the read pool, one query after the other: a dashboard never takes both.
      const days = await reads.query(
        `SELECT to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, method, count(*)::int AS n
         FROM consent_records WHERE ${range} GROUP BY 1, 2 ORDER BY 1`,
        [from, to],
      );
      // Categories are whatever records name, so a flood of forged records could name millions:
      // only the most common ones come back, with the number of all of them.
      const cats = await reads.query(
        `SELECT * FROM (
           SELECT c.key AS category, (count(*) FILTER (WHERE c.value = 'true'))::int AS accepted, count(*)::int AS total,
                  (count(*) OVER ())::int AS categories
           FROM consent_records, jsonb_each(categories) AS c WHERE ${range}
           GROUP BY 1 ORDER BY total DESC, category LIMIT ${TOP_CATEGORIES}) top
         ORDER BY category`,
        [from, to],
      );
      return {
        perDay: days.rows,
        perCategory: cats.rows.map(({ category, accepted, total }) => ({ category, accepted, total })),
        categories: cats.rows.length ? cats.rows[0].categories : 0,
      };
    },
    async count() {
      const { rows } = await reads.query('SELECT count(*)::int AS n FROM consent_records');
      return rows[0].n;
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await batcher.drain();
      await Promise.all([pool.end(), reads.end()]);
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
      throw new SetupError(`the database is at schema version ${newest}, newer than this ledger knows (${known}): upgrade consentry`);
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
