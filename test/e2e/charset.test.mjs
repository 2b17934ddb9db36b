// The chunks' texts are UTF-8 whatever the page's encoding: a site served as windows-1252 (older
// German and French sites are), with the chunks served without a charset, as many static servers
// do, shows its visitors "können", not "kÃ¶nnen".
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './support/server.mjs';
import { launch } from './support/browser.mjs';

let server, chromium;
before(async () => {
  server = await startServer();
  server.page('/c.json', { revision: 1 });
  // No <meta charset>: the header alone says windows-1252, and this server sends dist/ with no charset.
  server.page('/p', '<!doctype html><html lang="de"><script src="/dist/consentry.js" data-config="/c.json"></script><p>Seite</p>', {
    'Content-Type': 'text/html; charset=windows-1252',
  });
  chromium = await launch();
});
after(async () => {
  await chromium?.close();
  await server?.close();
});

describe('the banner on a page in another encoding', () => {
  it('reads its German texts as UTF-8 on a windows-1252 page', async () => {
    const { page, context } = await chromium.visitor();
    try {
      await page.goto(server.url + '/p');
      assert.equal(await page.evaluate(() => document.characterSet), 'windows-1252');
      await page.waitForFunction(() => document.getElementById('consentry-ui')?.shadowRoot?.querySelector('.bn'));
      await page.evaluate(() => window.consentry.show());
      await page.waitForFunction(() => document.getElementById('consentry-ui').shadowRoot.querySelector('.dlg'));
      const text = await page.evaluate(() => document.getElementById('consentry-ui').shadowRoot.textContent);
      assert.match(text, /Wir verwenden Cookies/);
      assert.deepEqual(text.match(/.{0,12}Ã.{0,12}/g), null);
      assert.match(text, /[äöüß]/);
    } finally {
      await context.close();
    }
  });
});
