// The ledger's HTTP behaviour on its default store, an SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { ledgerSuite } from './helpers/ledger-suite.mjs';

const dir = mkdtempSync(join(tmpdir(), 'consentry-ledger-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

ledgerSuite('SQLite', async () => ({ db: join(dir, `ledger-${n++}.db`) }));
