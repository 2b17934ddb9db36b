// How long the consent cookie lives in each engine, written by script and, with the ledger's
// --cookie-echo on the site's own origin, re-issued by the server. Safari deletes script-written
// storage (cookies included) after 7 days of use without interaction on the site, and older
// versions capped such cookies at 7 days; a cookie set by the server is exempt from both. WebKit
// runs here with Intelligent Tracking Prevention on (MiniBrowser --enable-itp). See the README's
// "Browser support".
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINES, launch } from '../support/engines/index.mjs';
import { createLedger } from '../../ledger/server.mjs';
import { startServer } from './support/server.mjs';
import { until } from './support/until.mjs';

const DAY = 86400;
/** The store's lifetime (cookie.expiresDays) and the echo's (--cookie-max-age), told apart by value. */
const EXPIRES_DAYS = 182;
const ECHO_DAYS = 200;
const config = (beacon) => ({ revision: 1, cookie: { name: 'consentry', expiresDays: EXPIRES_DAYS }, ...(beacon ? { beacon: { url: beacon } } : {}) });

let server, ledger, tmp;
before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'consentry-cookie-'));
  ledger = await createLedger({ port: 0, db: join(tmp, 'ledger.db'), rate: 0, cookieEcho: { name: 'consentry', maxAge: ECHO_DAYS * DAY }, logger: { info() {}, error() {} } });
  server = await startServer();
  // The ledger on the site's own origin, as a site's reverse proxy would serve it.
  server.forward('/api/consent', ledger.url);
  server.page('/plain.json', config(null));
  server.page('/echo.json', config('/api/consent'));
  for (const name of ['plain', 'echo']) server.page(`/${name}.html`, `<!doctype html><script src="/dist/consentry.js" data-config="/${name}.json"></script><p>page</p>`);
});
after(async () => {
  await server?.close();
  await ledger?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** The consent cookie as the browser stored it: value, and days until it expires. */
async function consentCookie(page) {
  const c = (await page.cookies()).find((x) => x.name === 'consentry');
  return c && { value: c.value, days: (c.expires - Date.now() / 1000) / DAY };
}

for (const engine of ENGINES)
  describe(engine, () => {
    let browser;
    before(async () => (browser = await launch(engine, engine === 'webkit' ? { itp: true } : {})));
    after(() => browser?.close());

    it(`keeps the script-written consent cookie for cookie.expiresDays (${EXPIRES_DAYS} days)`, async () => {
      const page = await browser.newPage();
      try {
        await page.goto(server.url + '/plain.html');
        await page.waitForFunction(() => window.consentry && window.consentry.__core);
        await page.evaluate(() => window.consentry.acceptAll());
        const c = await until(() => consentCookie(page));
        assert.ok(Math.abs(c.days - EXPIRES_DAYS) < 0.01, `expires in ${c.days.toFixed(2)} days`);
        // A returning visit reads it back: no banner, the same decision.
        const id = await page.evaluate(() => window.consentry.get().id);
        await page.goto(server.url + '/plain.html');
        await page.waitForFunction(() => window.consentry && window.consentry.__core);
        assert.equal(await page.evaluate(() => window.consentry.get()?.id), id);
      } finally {
        await page.close();
      }
    });

    it('with the ledger\'s --cookie-echo on the same origin, the cookie is re-issued by the server, value unchanged', async () => {
      const page = await browser.newPage();
      try {
        await page.goto(server.url + '/echo.html');
        await page.waitForFunction(() => window.consentry && window.consentry.__core);
        await page.evaluate(() => window.consentry.acceptAll());
        const written = await page.evaluate(() => document.cookie.split('; ').find((c) => c.startsWith('consentry=')).slice(10));
        // The echo answers the beacon: from then on the cookie carries the server's lifetime.
        const c = await until(async () => {
          const now = await consentCookie(page);
          return now && Math.abs(now.days - ECHO_DAYS) < 0.01 && now;
        });
        assert.ok(c, `the server re-issued the cookie (it expires in ${(await consentCookie(page)).days.toFixed(2)} days)`);
        assert.equal(c.value, written);
        const id = await page.evaluate(() => window.consentry.get().id);
        await page.goto(server.url + '/echo.html');
        await page.waitForFunction(() => window.consentry && window.consentry.__core);
        assert.equal(await page.evaluate(() => window.consentry.get()?.id), id, 'the store reads the echoed cookie back');
      } finally {
        await page.close();
      }
    });
  });
