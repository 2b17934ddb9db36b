// Append only: a migration that has shipped is never edited, a new version is added instead.
export default [
  {
    version: 1,
    sql: `
      CREATE TABLE consent_records (
        seq         INTEGER PRIMARY KEY,
        consent_id  TEXT    NOT NULL,
        ts          TEXT    NOT NULL,
        received_at TEXT    NOT NULL,
        revision    INTEGER NOT NULL,
        method      TEXT    NOT NULL,
        categories  TEXT    NOT NULL,
        vendors     TEXT    NOT NULL,
        gpc         INTEGER NOT NULL,
        dnt         INTEGER NOT NULL,
        url         TEXT    NOT NULL,
        lang        TEXT    NOT NULL,
        origin      TEXT,
        ua_family   TEXT    NOT NULL,
        record      TEXT    NOT NULL,
        UNIQUE (consent_id, ts)
      );
      CREATE INDEX consent_records_received ON consent_records (received_at, seq);
    `,
  },
];
