// The demo uses the catalogue and the declaration as a site owner would, in every engine: the
// company pages' cookie notices are Consentry declarations under their strict CSP, and the
// playground adds catalogue vendors to the configuration it previews.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ENGINES } from '../support/engines/index.mjs';
import { noPageErrors, startHarness, until } from './demo-harness.mjs';

/** Types `text` into the playground's vendor search with the real keyboard, replacing what it held. */
async function search(page, text) {
  await page.evaluate(() => {
    const box = document.getElementById('vendor-search');
    box.value = '';
    box.focus();
  });
  await page.type(text);
}

for (const engine of ENGINES)
  describe(`catalogue and declaration in the demo (${engine})`, () => {
    let h;
    before(async () => {
      h = await startHarness({ engine });
    });
    after(() => h?.close());

    for (const site of ['flockbird', 'wirewell'])
      test(`${site}'s cookie notice is the declaration drawn from its configuration, under the page's CSP`, async () => {
        const page = await h.visitor();
        try {
          await page.goto(`${h.demo.url}/${site}/`);
          // Every CSP violation the page sees is counted (the page's own listener, in every engine).
          await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => (window.__violations = (window.__violations || 0) + 1)));
          const rows = '#cookie-notice .consentry-declaration tbody th[scope=row]';
          await page.waitForFunction((sel) => document.querySelectorAll(sel).length > 0, { timeout: 5000 }, rows);
          // Every vendor, plus the consent cookie's own row.
          const { vendors } = JSON.parse(readFileSync(new URL(`../../demo/configs/${site}.json`, import.meta.url), 'utf8'));
          assert.equal(await page.count(rows), vendors.length + 1);
          assert.equal(await page.count('#cookie-notice table'), 4);
          assert.equal(await page.evaluate(() => window.__violations || 0), 0);
          noPageErrors(page);
        } finally {
          await page.close();
        }
      });

    test('the playground finds a vendor in the catalogue, adds it to the configuration and previews its declaration', async () => {
      const page = await h.visitor();
      try {
        await page.goto(`${h.demo.url}/playground/?preset=flockbird`);
        await page.waitFor('#status.valid');
        await search(page, 'hotj');
        await page.click('button[aria-label="Add Hotjar"]');
        const config = JSON.parse(await page.evaluate(() => document.getElementById('editor').value));
        assert.equal(config.vendors.at(-1).id, 'hotjar');
        assert.equal(config.vendors.at(-1).kind, undefined);
        assert.match(await page.evaluate(() => document.getElementById('status').textContent), /^Added Hotjar \(performance\)\. Valid configuration\./);
        // Once added, the same vendor is not offered twice.
        assert.equal(await page.evaluate(() => document.querySelector('button[aria-label="Added Hotjar"]').disabled), true);
        await until(
          () => page.evaluate(() => [...(document.getElementById('preview').contentDocument?.querySelectorAll('.consentry-declaration tbody th') || [])].some((th) => th.textContent.includes('Hotjar'))),
          5000,
        );
        assert.equal(
          await page.evaluate(() => [...document.getElementById('preview').contentDocument.querySelectorAll('.consentry-declaration tbody th')].filter((th) => th.textContent.includes('Hotjar')).length),
          1,
        );
        // A host search finds its vendor, a search for nothing says so.
        await search(page, 'doubleclick.net');
        await page.waitFor('button[aria-label="Add Google Ads"]');
        await search(page, 'zzzz');
        await page.waitForFunction(() => /No vendor in the catalogue matches "zzzz"/.test(document.getElementById('vendor-results').textContent));
        noPageErrors(page);
      } finally {
        await page.close();
      }
    });
  });
