// Append only: a migration that has shipped is never edited, a new version is added instead.
export default [
  {
    version: 1,
    sql: `
      CREATE TABLE consent_records (
        seq         bigserial   PRIMARY KEY,
        consent_id  text        NOT NULL,
        ts          timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        revision    integer     NOT NULL,
        method      text        NOT NULL,
        categories  jsonb       NOT NULL,
        vendors     jsonb       NOT NULL,
        gpc         boolean     NOT NULL,
        dnt         boolean     NOT NULL,
        url         text        NOT NULL,
        lang        text        NOT NULL,
        origin      text,
        ua_family   text        NOT NULL,
        record      text        NOT NULL,
        UNIQUE (consent_id, ts)
      );
      CREATE INDEX consent_records_received ON consent_records (received_at, seq);
    `,
  },
];
