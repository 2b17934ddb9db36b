// The banner's language file, as servers really answer it. The chunks' texts are UTF-8 whatever
// the page's encoding: a site served as windows-1252 (older German and French sites are), with
// the chunks served without a charset, as many static servers do, shows its visitors "können",
// not "kÃ¶nnen". And a language file the server does not have, answered with its HTML page and
// a 200 (a single-page app's fallback), costs the visitor the language, not the banner.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
  // The same page where the German file is missing and the server answers its own HTML instead.
  const { id } = JSON.parse(readFileSync(new URL('../../dist/release.json', import.meta.url), 'utf8'));
  server.page('/missing/c.json', { revision: 1, beacon: { url: '/missing/record', waitMs: 0 } });
  server.page('/missing/p', '<!doctype html><html lang="de"><script src="/missing/consentry.js" data-config="/missing/c.json"></script><p>Seite</p>');
  server.page('/missing/consentry.js', readFileSync(new URL('../../dist/consentry.js', import.meta.url), 'utf8'), { 'Content-Type': 'application/javascript' });
  for (const chunk of ['widget', 'validate'])
    server.page(`/missing/consentry-${chunk}.${id}.js`, readFileSync(new URL(`../../dist/consentry-${chunk}.${id}.js`, import.meta.url), 'utf8'), { 'Content-Type': 'application/javascript' });
  server.page(`/missing/consentry-i18n-de.${id}.js`, '<!doctype html><title>Not here</title><p>Our app</p>');
  chromium = await launch();
});
after(async () => {
  await chromium?.close();
  await server?.close();
});

describe("the banner's language file", () => {
  it('answered with an HTML page instead, leaves the banner in English rather than not shown', async () => {
    const { page, context } = await chromium.visitor();
    try {
      await page.goto(server.url + '/missing/p');
      await page.waitForFunction(() => document.getElementById('consentry-ui')?.shadowRoot?.querySelector('.bn'), null, { timeout: 5000 });
      const text = await page.evaluate(() => document.getElementById('consentry-ui').shadowRoot.querySelector('.bn').textContent);
      assert.match(text, /Accept all/);
      // Said in English, and recorded as such: the record's lang is the banner's.
      assert.equal(await page.evaluate(() => document.getElementById('consentry-ui').shadowRoot.querySelector('[lang]').lang), 'en');
      const record = page.waitForRequest((r) => r.url().endsWith('/missing/record'));
      await page.evaluate(() => [...document.getElementById('consentry-ui').shadowRoot.querySelectorAll('button')].find((b) => b.textContent == 'Reject all').click());
      assert.equal(JSON.parse((await record).postData()).lang, 'en');
    } finally {
      await context.close();
    }
  });

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
