// The journey with a real Global Privacy Control signal (Chromium and Firefox launched with GPC
// on), on the Nimbus Relay demo whose advertising category honours GPC and DNT. WebKit has no
// GPC: there these journeys are skipped by name.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, hasGpc } from '../support/engines/index.mjs';
import { decision, fetchedSince, noPageErrors, ran, recordsFor, startHarness, until } from './demo-harness.mjs';

for (const engine of ENGINES)
  describe(engine, { skip: !hasGpc(engine) && `${engine} has no Global Privacy Control` }, () => {
    let h;
    before(async () => (h = await startHarness({ engine, gpc: true })));
    after(() => h?.close());

    test('with GPC, "Accept all" leaves advertising off, the dialog says why, and the ledger records the signal', async () => {
      const page = await h.visitor();
      try {
        const since = Date.now();
        await page.goto(`${h.demo.url}/nimbus/`);
        assert.equal(await page.evaluate(() => navigator.globalPrivacyControl), true, 'the browser sends GPC');
        await page.click('button >> text=Accept all');
        await page.waitFor('button >> text=Accept all', { state: 'hidden' });

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
        await page.click('a >> text=Cookie Preferences');
        await page.waitFor('[role=dialog] * >> text*=Off because your browser sends Global Privacy Control');
        const ads = '[role=dialog] [role=switch] >> text=Advertising';
        const checked = () => page.attribute(ads, 'aria-checked');
        assert.equal(await checked(), 'false');

        const [first] = await recordsFor(h.demo, d.id, 1);
        assert.equal(first.method, 'accept-all');
        assert.deepEqual(first.signals, { gpc: true, dnt: false });
        assert.equal(first.categories.advertising, false);

        // An explicit choice by the visitor may still turn it on.
        await page.click(ads);
        assert.equal(await checked(), 'true');
        await page.click('[role=dialog] button >> text=Save choices');
        await page.waitFor('[role=dialog]', { state: 'hidden' });
        assert.ok(await until(async () => (await ran(page)).includes('nimbus-ad-retargeting')), 'the advertising tag ran once chosen');
        const both = await recordsFor(h.demo, d.id, 2);
        assert.deepEqual(
          both.map((r) => [r.method, r.categories.advertising, r.signals.gpc]),
          [
            ['accept-all', false, true],
            ['custom', true, true],
          ],
        );
        noPageErrors(page);
      } finally {
        await page.close();
      }
    });

    test('with GPC in an opt-out region, the first page view records the opt-out as a signal decision', async () => {
      // The region comes from the geo header a CDN adds to the page request; a browser cannot add
      // it in every engine, so the page is loaded with the demo's ?region=US, which does the same.
      const html = await (await fetch(`${h.demo.url}/nimbus/`, { headers: { 'x-geo-region': 'US' } })).text();
      assert.match(html, /<script src="\/consentry\.js"[^>]* data-region="US"/);
      const page = await h.visitor();
      try {
        await page.goto(`${h.demo.url}/nimbus/?region=US`);
        assert.equal(await page.count('script[data-region="US"]'), 1);
        await page.waitFor('p >> text*=Opt-out request honoured');
        const d = await decision(page);
        assert.equal(d.method, 'signal');
        assert.deepEqual(d.categories, { required: true, functional: true, advertising: false });
        const [rec] = await recordsFor(h.demo, d.id, 1);
        assert.equal(rec.method, 'signal');
        assert.equal(rec.signals.gpc, true);
        assert.ok(!(await ran(page)).includes('nimbus-ad-retargeting'));
      } finally {
        await page.close();
      }
    });
  });
