// The journey with a real Global Privacy Control signal (Chromium started with gpcArgs), on the
// Nimbus Relay demo whose advertising category honours GPC and DNT.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { decision, fetchedSince, ran, recordsFor, startHarness, until } from './demo-harness.mjs';

let h;
before(async () => (h = await startHarness({ gpc: true })));
after(() => h?.close());

test('with GPC, "Accept all" leaves advertising off, the dialog says why, and the ledger records the signal', async () => {
  const { page, context, errors } = await h.visitor();
  try {
    const since = Date.now();
    await page.goto(`${h.demo.url}/nimbus/`);
    assert.equal(await page.evaluate(() => navigator.globalPrivacyControl), true, 'the browser sends GPC');
    await page.getByRole('button', { name: 'Accept all', exact: true }).click();
    await page.getByRole('button', { name: 'Accept all', exact: true }).waitFor({ state: 'hidden' });

    const d = await decision(page);
    assert.equal(d.method, 'accept-all');
    assert.deepEqual(d.categories, { required: true, functional: true, advertising: false });
    assert.equal(d.signals.gpc, true);
    const functional = await until(async () => {
      const r = await ran(page);
      return r.includes('nimbus-preferences') && r.includes('nimbus-site-analytics') && r;
    });
    assert.ok(functional, 'the functional tags ran');
    assert.ok(!(await ran(page)).includes('nimbus-ad-retargeting'), 'the advertising tag did not run');
    assert.ok(!fetchedSince(h.demo, since).some((p) => p.includes('ad-retargeting') || p.includes('pixel.gif')), 'nor did it make a request');

    // The preferences dialog explains the switch that is off.
    await page.getByRole('link', { name: 'Cookie Preferences' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Off because your browser sends Global Privacy Control').waitFor();
    const ads = dialog.getByRole('switch', { name: 'Advertising' });
    assert.equal(await ads.getAttribute('aria-checked'), 'false');

    const [first] = await recordsFor(h.demo, d.id, 1);
    assert.equal(first.method, 'accept-all');
    assert.deepEqual(first.signals, { gpc: true, dnt: false });
    assert.equal(first.categories.advertising, false);

    // An explicit choice by the visitor may still turn it on.
    await ads.click();
    assert.equal(await ads.getAttribute('aria-checked'), 'true');
    await dialog.getByRole('button', { name: 'Save choices' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.ok(await until(async () => (await ran(page)).includes('nimbus-ad-retargeting')), 'the advertising tag ran once chosen');
    const both = await recordsFor(h.demo, d.id, 2);
    assert.deepEqual(
      both.map((r) => [r.method, r.categories.advertising, r.signals.gpc]),
      [
        ['accept-all', false, true],
        ['custom', true, true],
      ],
    );
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('with GPC in an opt-out region, the first page view records the opt-out as a signal decision', async () => {
  // The region comes from the (simulated) geo header a CDN would add to the page request.
  const { page, context } = await h.visitor();
  try {
    await page.route(`${h.demo.url}/nimbus/`, (route) => route.continue({ headers: { ...route.request().headers(), 'x-geo-region': 'US' } }));
    await page.goto(`${h.demo.url}/nimbus/`);
    assert.equal(await page.locator('script[data-region="US"]').count(), 1);
    await page.getByText('Opt-out request honoured').waitFor();
    const d = await decision(page);
    assert.equal(d.method, 'signal');
    assert.deepEqual(d.categories, { required: true, functional: true, advertising: false });
    const [rec] = await recordsFor(h.demo, d.id, 1);
    assert.equal(rec.method, 'signal');
    assert.equal(rec.signals.gpc, true);
    assert.ok(!(await ran(page)).includes('nimbus-ad-retargeting'));
  } finally {
    await context.close();
  }
});
