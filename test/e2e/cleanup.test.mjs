// Cookie cleanup on withdrawal, on a real domain with parents, in every engine: the page lives at
// www.shop.consentry.localhost (every engine resolves *.localhost to this machine and keeps
// Domain= cookies under it), and the denied vendor's cookies sit on the host, its parent
// domains and several paths.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, launch } from '../support/engines/index.mjs';
import { startServer } from './support/server.mjs';
import { until } from './support/until.mjs';

const config = {
  revision: 1,
  vendors: [
    { id: 'google-analytics', name: 'Google Analytics', category: 'performance', cookies: [{ name: '_ga', match: 'prefix' }] },
    { id: 'hotjar', name: 'Hotjar', category: 'performance', cookies: [{ name: '^_hj\\w+$', match: 'regex' }] },
  ],
};

let server;
before(async () => {
  server = await startServer();
  server.page('/consentry.json', config);
  server.page('/a/b/page.html', `<!doctype html><script src="/dist/consentry.js" data-config="/consentry.json"></script>`, { 'Set-Cookie': '_ga_http=1; Path=/; HttpOnly' });
});
after(() => server?.close());

for (const engine of ENGINES)
  describe(engine, () => {
    let browser;
    before(async () => (browser = await launch(engine)));
    after(() => browser?.close());

    it("deletes a denied vendor's cookies on the host, its parent domains and paths; HttpOnly ones and others' stay", async () => {
      const page = await browser.newPage();
      try {
        await page.goto(`http://www.shop.consentry.localhost:${server.port}/a/b/page.html`);
        await page.waitForFunction(() => window.consentry && window.consentry.__core);
        await page.evaluate(() => {
          window.consentry.acceptAll();
          for (const c of [
            '_ga=1; Domain=consentry.localhost; Path=/',
            '_ga_dot=1; Domain=.consentry.localhost; Path=/',
            '_ga_shop=1; Domain=shop.consentry.localhost; Path=/a',
            '_ga_www=1; Domain=www.shop.consentry.localhost; Path=/a/',
            '_ga_here=1; Path=/a/b',
            '_ga_slash=1; Path=/a/b/',
            '_hjSession=1; Path=/',
            'site=1; Domain=consentry.localhost; Path=/',
          ])
            document.cookie = c;
        });
        // The browser's cookie store hears of document.cookie writes a moment later.
        const names = async (want) =>
          (await until(async () => {
            const n = (await page.cookies()).map((c) => c.name).filter((n) => n != 'consentry').sort().join();
            return n == want && n;
          }, 2000)) || (await page.cookies()).map((c) => c.name).filter((n) => n != 'consentry').sort().join();
        const all = '_ga,_ga_dot,_ga_here,_ga_http,_ga_shop,_ga_slash,_ga_www,_hjSession,site';
        assert.equal(await names(all), all);
        await page.evaluate(() => window.consentry.rejectAll());
        assert.equal(await names('_ga_http,site'), '_ga_http,site');
      } finally {
        await page.close();
      }
    });
  });
