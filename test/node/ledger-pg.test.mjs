// The same ledger behaviour on PostgreSQL, against a throwaway cluster started here.
// Without PostgreSQL binaries this fails, naming what to install, unless CONSENTRY_SKIP_PG=1.
import { after, describe, test } from 'node:test';
import { attackTest, idleSocketsTest } from './helpers/ledger-attack.mjs';
import { crashTest } from './helpers/ledger-cli.mjs';
import { ledgerAbuseSuite } from './helpers/ledger-abuse.mjs';
import { ledgerFuzzSuite } from './helpers/ledger-fuzz.mjs';
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
  ledgerAbuseSuite('PostgreSQL', async () => ({ databaseUrl: await freshDatabase() }));
  ledgerFuzzSuite('PostgreSQL', async () => ({ databaseUrl: await freshDatabase() }), { runs: 200, seconds: 15 });

  describe('consentry-ledger CLI on PostgreSQL', () => {
    test('records acknowledged before kill -9 are all there after a restart', async () => {
      await crashTest(['--port', '0'], { DATABASE_URL: await freshDatabase() });
    });

    test('with 1,000 idle sockets held open under an open-file limit of 1024, records and /healthz are still answered', async () => {
      await idleSocketsTest([], { DATABASE_URL: await freshDatabase() });
    });

    test('under attack (1,000 idle sockets, open-file limit 1024) a large export and the dashboard run while records keep being acknowledged', async () => {
      const databaseUrl = await freshDatabase();
      await attackTest({ databaseUrl }, [], { DATABASE_URL: databaseUrl });
    });
  });
}
