// The consent cookie and cookie cleanup on withdrawal, on a real domain with parents, in every
// engine: over http at www.shop.consentry.localhost (every engine resolves *.localhost to this
// machine and keeps Domain= cookies under it), and over https at www.shop.consentry.example (answered by
// test/support/vendor-net.mjs), where cookies are Secure. The denied vendor's cookies sit on the
// host, its parent domains and several paths.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { ENGINES, launch } from '../support/engines/index.mjs';
import { startVendorNet } from '../support/vendor-net.mjs';
import { startServer } from './support/server.mjs';
import { until } from './support/until.mjs';

const config = {
  revision: 1,
  vendors: [
    { id: 'google-analytics', name: 'Google Analytics', category: 'performance', cookies: [{ name: '_ga', match: 'prefix' }] },
    { id: 'hotjar', name: 'Hotjar', category: 'performance', cookies: [{ name: '^_hj\\w+$', match: 'regex' }] },
  ],
};

const PAGE = `<!doctype html><script src="/dist/consentry.js" data-config="/consentry.json"></script>`;

/** The same site over https: the page, its configuration and the loader's files from dist/. */
async function site(req) {
  if (req.path == '/consentry.json') return { body: config };
  if (req.path.startsWith('/dist/')) return { type: 'application/javascript', body: await readFile(new URL('../..' + req.path, import.meta.url)).catch(() => '') };
  if (req.path == '/a/b/page.html') return { body: PAGE, headers: { 'Set-Cookie': '_ga_http=1; Path=/; Secure; HttpOnly' } };
}

let server, net;
before(async () => {
  server = await startServer();
  server.page('/consentry.json', config);
  server.page('/a/b/page.html', PAGE, { 'Set-Cookie': '_ga_http=1; Path=/; HttpOnly' });
  net = await startVendorNet({ handlers: { '*.consentry.example': site } });
});
after(async () => {
  await server?.close();
  await net?.close();
});

/**
 * Writes the vendors' cookies on `domain` and its parents (every other one Secure, when `secure`),
 * then sees cleanup delete them on "Reject all".
 */
async function cleanup(page, domain, secure) {
  await page.waitForFunction(() => window.consentry && window.consentry.__core);
  await page.evaluate(
    (d, s) => {
      window.consentry.acceptAll();
      [
        `_ga=1; Domain=${d}; Path=/`,
        `_ga_dot=1; Domain=.${d}; Path=/`,
        `_ga_shop=1; Domain=shop.${d}; Path=/a`,
        `_ga_www=1; Domain=www.shop.${d}; Path=/a/`,
        '_ga_here=1; Path=/a/b',
        '_ga_slash=1; Path=/a/b/',
        '_hjSession=1; Path=/',
        `site=1; Domain=${d}; Path=/`,
      ].forEach((c, i) => (document.cookie = c + (i % 2 ? s : '')));
    },
    domain,
    secure ? '; Secure' : '',
  );
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
}

for (const engine of ENGINES)
  describe(engine, () => {
    let browser;
    before(async () => (browser = await launch(engine, { proxy: net.proxy, ignoreHTTPSErrors: true })));
    after(() => browser?.close());

    it("deletes a denied vendor's cookies on the host, its parent domains and paths; HttpOnly ones and others' stay", async () => {
      const page = await browser.newPage();
      try {
        await page.goto(`http://www.shop.consentry.localhost:${server.port}/a/b/page.html`);
        await cleanup(page, 'consentry.localhost', false);
      } finally {
        await page.close();
      }
    });

    it('over https: the consent cookie is Secure and SameSite=Lax, and cleanup deletes Secure and plain cookies', async () => {
      const page = await browser.newPage();
      try {
        await page.goto('https://www.shop.consentry.example/a/b/page.html');
        await page.waitForFunction(() => window.consentry && window.consentry.__core);
        await page.evaluate(() => window.consentry.acceptAll());
        const own = await until(async () => (await page.cookies()).find((c) => c.name == 'consentry'));
        assert.deepEqual([own.secure, own.sameSite, own.path, own.httpOnly], [true, 'Lax', '/', false]);
        await cleanup(page, 'consentry.example', true);
      } finally {
        await page.close();
      }
    });
  });
