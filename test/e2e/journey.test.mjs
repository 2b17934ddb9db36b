// A visitor's whole journey on the demo (Flockbird, an opt-in region): first visit, "Reject all",
// reload, change of mind in the preferences, "Accept all", and the ledger's proof of both.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { admin, decision, fetchedSince, ran, recordsFor, startHarness, until } from './demo-harness.mjs';

let h;
before(async () => (h = await startHarness()));
after(() => h?.close());

/** What ran once the required vendor's stub has (it loads asynchronously, like any external script). */
const requiredRan = async (page) => (await until(async () => (await ran(page)).includes('sift-science'))) && ran(page);

/** Flockbird's vendor stubs that need a choice (SiftScience is required and runs at load). */
const CHOSEN = ['intercom', 'google-analytics', 'mixpanel', 'segment', 'google-doubleclick', 'twitter-ads'];

test('reject, reload, change of mind, accept: the tags follow the choice and the ledger keeps both records', async () => {
  const { page, context, errors } = await h.visitor();
  const widgetLoads = [];
  page.on('request', (r) => /\/consentry-widget\.[0-9a-f]{8}\.js$/.test(r.url()) && widgetLoads.push(r.url()));
  try {
    // First visit: an opt-in banner with three equal choices; only the required vendor ran.
    let since = Date.now();
    await page.goto(`${h.demo.url}/flockbird/`);
    for (const name of ['Accept all', 'Reject all', 'Customise']) await page.getByRole('button', { name, exact: true }).waitFor();
    assert.deepEqual(await requiredRan(page), ['sift-science']);
    assert.deepEqual(fetchedSince(h.demo, since), ['/vendors/sift-science.js'], 'no gated tag made a request');
    assert.equal(await page.locator('iframe[data-consent="youtube"][src]').count(), 0, 'the video stays a placeholder');

    // "Reject all": the banner goes, the decision is recorded.
    await page.getByRole('button', { name: 'Reject all', exact: true }).click();
    await page.getByRole('button', { name: 'Reject all', exact: true }).waitFor({ state: 'hidden' });
    const rejected = await decision(page);
    assert.equal(rejected.method, 'reject-all');
    assert.deepEqual(rejected.categories, { required: true, functional: false, performance: false, advertising: false });
    const first = await recordsFor(h.demo, rejected.id, 1);
    assert.equal(first.length, 1);

    // Reload: the choice holds, no banner, the widget chunk is not even downloaded, gated tags stay inert.
    widgetLoads.length = 0;
    since = Date.now();
    await page.reload();
    await page.waitForFunction(() => window.consentry && window.consentry.get() !== null);
    await page.waitForTimeout(300);
    assert.equal(await page.getByRole('button', { name: 'Reject all', exact: true }).count(), 0, 'no banner after reload');
    assert.deepEqual(widgetLoads, [], 'a returning visitor downloads the loader only');
    assert.deepEqual(await requiredRan(page), ['sift-science']);
    assert.deepEqual(fetchedSince(h.demo, since), ['/vendors/sift-science.js']);
    assert.equal((await decision(page)).id, rejected.id);

    // Change of mind: the footer's "Cookie Preferences" link opens the dialog; "Accept all" there.
    await page.getByRole('link', { name: 'Cookie Preferences' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    for (const id of ['functional', 'performance', 'advertising']) assert.equal(await page.evaluate((c) => window.consentry.allowed(c), id), false);
    await dialog.getByRole('button', { name: 'Accept all', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const accepted = await decision(page);
    assert.equal(accepted.method, 'accept-all');
    assert.equal(accepted.id, rejected.id, 'the same consent id links both decisions');

    // The tags run now, in document order: the inline GA call found the GA stub loaded before it.
    const all = await until(async () => {
      const r = await ran(page);
      return CHOSEN.every((v) => r.includes(v)) && r;
    });
    assert.ok(all, `every chosen vendor ran, got ${JSON.stringify(await ran(page))}`);
    assert.deepEqual(await page.evaluate(() => window.__consentryDemo.calls.map((c) => `${c.vendor}:${c.event}`)), ['google-analytics:page_view']);
    await page.locator('iframe[data-consent="youtube"][src]').waitFor();
    assert.deepEqual(errors, []);

    // The ledger has both records for this consent id, and the dashboard and export count them.
    const both = await recordsFor(h.demo, rejected.id, 2);
    assert.deepEqual(
      both.map((r) => r.method),
      ['reject-all', 'accept-all'],
    );
    assert.equal(both[1].categories.advertising, true);
    assert.equal(both[0].url, `${h.demo.url}/flockbird/`);
    const total = async () => (await (await admin(h.demo, '/admin/stats')).json()).total;
    assert.equal(await until(async () => (await total()) === 2 && 2), 2, 'the dashboard counts both decisions');
    const exported = (await (await admin(h.demo, '/admin/export?format=ndjson')).text()).trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(
      exported.filter((row) => row.record.id === rejected.id).map((row) => row.record.method),
      ['reject-all', 'accept-all'],
    );

    // The demo's printed dashboard link works in a browser and shows the count.
    await page.goto(h.demo.dashboardUrl);
    await page.getByText('2 decisions received').waitFor();
  } finally {
    await context.close();
  }
});


test('withdrawing in the preferences deletes the cookies the now-denied vendors set, and offers a reload', async () => {
  const { page, context } = await h.visitor();
  const cookieNames = () => page.evaluate(() => document.cookie.split('; ').map((c) => c.split('=')[0]));
  try {
    await page.goto(`${h.demo.url}/flockbird/`);
    await page.getByRole('button', { name: 'Accept all', exact: true }).click();
    await page.waitForFunction(() => document.cookie.includes('_ga=') && document.cookie.includes('mp_flockbird_mixpanel='));

    await page.getByRole('link', { name: 'Cookie Preferences' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reject all', exact: true }).click();
    const left = await until(async () => {
      const names = await cookieNames();
      return !names.includes('_ga') && names;
    });
    assert.deepEqual(left, ['flockbird_consent'], 'only the consent cookie is left');
    await page.getByText('Reload it to stop them').first().waitFor();
  } finally {
    await context.close();
  }
});

test('under the page\'s strict CSP, the video placeholder names YouTube and its button allows just that vendor', async () => {
  const { page, context, errors } = await h.visitor();
  const violations = [];
  page.on('console', (m) => /Content Security Policy/.test(m.text()) && violations.push(m.text()));
  try {
    const res = await page.goto(`${h.demo.url}/nimbus/`);
    assert.match(res.headers()['content-security-policy'], /script-src 'nonce-/);
    const video = page.frameLocator('iframe[data-consent="youtube"]');
    await video.getByText('YouTube content is blocked').waitFor();
    await video.getByRole('button', { name: 'Allow YouTube' }).click();
    await page.locator('iframe[data-consent="youtube"][src]').waitFor();
    assert.ok(await until(async () => (await ran(page)).includes('youtube')), 'the video loaded');
    const d = await decision(page);
    assert.equal(d.method, 'custom');
    assert.equal(d.vendors.youtube, true);
    assert.equal(d.categories.functional, false, 'the rest of its category stays off');
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
