// Contract §6 and §9 together, with the real ledger: a record is never lost while the ledger cannot
// take it yet. A visitor's clock running ahead of the ledger's (beyond --max-clock-skew) gets 400
// on `ts`; the banner keeps that record queued and the ledger stores it on a later page, once its
// own time has caught up (ledger/README.md, "Why the clock bound is 5 minutes").
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLedger } from '../../ledger/server.mjs';
import { startServer } from './support/server.mjs';
import { launch, until } from './support/browser.mjs';

let server, ledger, tmp, chromium;
/** How far the ledger's clock is behind the visitor's. */
let behind = 0;
before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'consentry-beacon-'));
  ledger = await createLedger({ port: 0, db: join(tmp, 'ledger.db'), rate: 0, now: () => Date.now() - behind, logger: { info() {}, error() {} } });
  server = await startServer();
  // On the site's own origin, as a reverse proxy would serve it.
  server.forward('/api/consent', ledger.url);
  server.page('/c.json', { revision: 1, beacon: { url: '/api/consent' } });
  server.page('/p', '<!doctype html><script src="/dist/consentry.js" data-config="/c.json"></script><p>page</p>');
  chromium = await launch();
});
after(async () => {
  await chromium?.close();
  await server?.close();
  await ledger?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const open = async (page) => {
  await page.goto(server.url + '/p');
  await page.waitForFunction(() => window.consentry && new Promise((r) => window.consentry.on('ready', () => r(true))));
};
const stored = async (id) => {
  const res = await fetch(`${ledger.url}/api/consent/${id}`);
  return res.status == 200 ? res.json() : [];
};
const queue = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('consentry:queue') || '[]'));

describe('consent records and the ledger\'s clock', () => {
  it('a record refused because the visitor\'s clock is ahead stays queued and is stored on a later page', async () => {
    const { page, context } = await chromium.visitor();
    try {
      behind = 10 * 60_000;
      await open(page);
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/consent') && r.request().method() == 'POST');
      await page.evaluate(() => window.consentry.acceptAll());
      const res = await answer;
      assert.equal(res.status(), 400);
      const id = await page.evaluate(() => window.consentry.get().id);
      // Given time to settle, the record is still waiting.
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual((await queue(page)).map((r) => r.method), ['accept-all']);
      assert.deepEqual(await stored(id), []);
      // Time catches up: the next page sends it again and the ledger takes it.
      behind = 0;
      await open(page);
      const [rec] = await until(async () => (await stored(id)).length && stored(id), 5000, 'the record in the ledger');
      assert.equal(rec.method, 'accept-all');
      await until(async () => (await queue(page)).length == 0, 5000, 'an empty queue');
    } finally {
      await context.close();
    }
  });

  it('a record the ledger refuses for another field leaves the queue (it would be refused forever)', async () => {
    const { page, context } = await chromium.visitor();
    try {
      behind = 0;
      await open(page);
      // A queued record as an older page might have left it: a method the ledger does not know.
      await page.evaluate(() => {
        const r = { v: 1, id: '0b7e3c1e-2f43-4c1a-9d7e-1a2b3c4d5e6f', ts: new Date().toISOString(), revision: 1, categories: { required: true }, vendors: {}, method: 'custom', signals: { gpc: false, dnt: false }, url: 'not a url', lang: 'en' };
        localStorage.setItem('consentry:queue', JSON.stringify([r]));
      });
      await open(page);
      await until(async () => (await queue(page)).length == 0, 5000, 'the refused record to leave the queue');
    } finally {
      await context.close();
    }
  });
});
