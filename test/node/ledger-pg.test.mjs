// The same ledger behaviour on PostgreSQL, against a throwaway cluster started here.
// Without PostgreSQL binaries this fails, naming what to install, unless CONSENTRY_SKIP_PG=1.
import { after, describe, test } from 'node:test';
import { crashTest } from './helpers/ledger-cli.mjs';
import { ledgerSuite } from './helpers/ledger-suite.mjs';
import { createDatabase, pgAvailability, startPg } from './helpers/pg.mjs';

const pg = pgAvailability();

if ('fail' in pg) {
  test('PostgreSQL is available for the ledger tests', () => {
    throw new Error(pg.fail);
  });
} else if ('skip' in pg) {
  test('PostgreSQL ledger tests', { skip: pg.skip }, () => {});
} else {
  const cluster = await startPg(pg.bin);
  after(() => cluster.stop());
  let n = 0;
  const freshDatabase = () => createDatabase(cluster.url, `ledger_${n++}`);

  ledgerSuite('PostgreSQL', async () => ({ databaseUrl: await freshDatabase() }));

  describe('consentry-ledger CLI on PostgreSQL', () => {
    test('records acknowledged before kill -9 are all there after a restart', async () => {
      await crashTest(['--port', '0'], { DATABASE_URL: await freshDatabase() });
    });
  });
}
