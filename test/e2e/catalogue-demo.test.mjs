// The demo uses the catalogue and the declaration as a site owner would: the company pages'
// cookie notices are Consentry declarations under their strict CSP, and the playground adds
// catalogue vendors to the configuration it previews.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startHarness, until } from './demo-harness.mjs';

let h;
before(async () => {
  h = await startHarness();
});
after(() => h?.close());

for (const site of ['flockbird', 'wirewell']) {
  test(`${site}'s cookie notice is the declaration drawn from its configuration, under the page's CSP`, async () => {
    const { page, errors, context } = await h.visitor();
    const violations = [];
    page.on('console', (m) => /Content.Security.Policy|Refused/.test(m.text()) && violations.push(m.text()));
    await page.goto(`${h.demo.url}/${site}/`);
    const rows = page.locator('#cookie-notice .consentry-declaration tbody th[scope=row]');
    await rows.first().waitFor({ timeout: 5000 });
    // Every vendor, plus the consent cookie's own row.
    const { vendors } = JSON.parse(readFileSync(new URL(`../../demo/configs/${site}.json`, import.meta.url), 'utf8'));
    assert.equal(await rows.count(), vendors.length + 1);
    assert.equal(await page.locator('#cookie-notice table').count(), 4);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the playground finds a vendor in the catalogue, adds it to the configuration and previews its declaration', async () => {
  const { page, errors, context } = await h.visitor();
  await page.goto(`${h.demo.url}/playground/?preset=flockbird`);
  await page.locator('#status.valid').waitFor();
  await page.getByRole('searchbox', { name: 'Add vendor' }).fill('hotj');
  await page.getByRole('button', { name: 'Add Hotjar' }).click();
  const config = JSON.parse(await page.locator('#editor').inputValue());
  assert.equal(config.vendors.at(-1).id, 'hotjar');
  assert.equal(config.vendors.at(-1).kind, undefined);
  assert.match(await page.locator('#status').textContent(), /^Added Hotjar \(performance\)\. Valid configuration\./);
  // Once added, the same vendor is not offered twice.
  assert.equal(await page.getByRole('button', { name: 'Added Hotjar' }).isDisabled(), true);
  const preview = page.frameLocator('#preview');
  await until(async () => (await preview.locator('.consentry-declaration tbody th', { hasText: 'Hotjar' }).count()) == 1, 5000);
  // A host search finds its vendor, a search for nothing says so.
  await page.getByRole('searchbox', { name: 'Add vendor' }).fill('doubleclick.net');
  assert.ok(await page.getByRole('button', { name: 'Add Google Ads' }).isVisible());
  await page.getByRole('searchbox', { name: 'Add vendor' }).fill('zzzz');
  assert.match(await page.locator('#vendor-results').textContent(), /No vendor in the catalogue matches "zzzz"/);
  assert.deepEqual(errors, []);
  await context.close();
});
