// A visitor's whole journey on the demo (Flockbird, an opt-in region), in every engine: first
// visit, "Reject all", reload, change of mind in the preferences, "Accept all", and the ledger's
// proof of both.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../support/engines/index.mjs';
import { admin, decision, fetchedSince, noPageErrors, ran, recordsFor, sleep, startHarness, until } from './demo-harness.mjs';

/** What ran once the required vendor's stub has (it loads asynchronously, like any external script). */
const requiredRan = async (page) => (await until(async () => (await ran(page)).includes('sift-science'))) && ran(page);

/** Flockbird's vendor stubs that need a choice (SiftScience is required and runs at load). */
const CHOSEN = ['intercom', 'google-analytics', 'mixpanel', 'segment', 'google-doubleclick', 'twitter-ads'];

/** Whether this page downloaded the widget chunk (Resource Timing: the server sends no-store). */
const widgetLoaded = (page) => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/consentry-widget.js')));

const button = (name) => `button >> text=${name}`;

for (const engine of ENGINES)
  describe(engine, () => {
    let h;
    before(async () => (h = await startHarness({ engine })));
    after(() => h?.close());

    test('reject, reload, change of mind, accept: the tags follow the choice and the ledger keeps both records', async () => {
      const page = await h.visitor();
      try {
        // First visit: an opt-in banner with three equal choices; only the required vendor ran.
        let since = Date.now();
        await page.goto(`${h.demo.url}/flockbird/`);
        for (const name of ['Accept all', 'Reject all', 'Customise']) await page.waitFor(button(name));
        assert.deepEqual(await requiredRan(page), ['sift-science']);
        assert.deepEqual(fetchedSince(h.demo, since), ['/vendors/sift-science.js'], 'no gated tag made a request');
        assert.equal(await page.count('iframe[data-consent="youtube"][src]'), 0, 'the video stays a placeholder');

        // "Reject all": the banner goes, the decision is recorded.
        await page.click(button('Reject all'));
        await page.waitFor(button('Reject all'), { state: 'hidden' });
        const rejected = await decision(page);
        assert.equal(rejected.method, 'reject-all');
        assert.deepEqual(rejected.categories, { required: true, functional: false, performance: false, advertising: false });
        const first = await recordsFor(h.demo, rejected.id, 1);
        assert.equal(first.length, 1);

        // Reload: the choice holds, no banner, the widget chunk is not even downloaded, gated tags stay inert.
        since = Date.now();
        await page.reload();
        await page.waitForFunction(() => window.consentry && window.consentry.get() !== null);
        await sleep(300);
        assert.equal(await page.count(button('Reject all')), 0, 'no banner after reload');
        assert.equal(await widgetLoaded(page), false, 'a returning visitor downloads the loader only');
        assert.deepEqual(await requiredRan(page), ['sift-science']);
        assert.deepEqual(fetchedSince(h.demo, since), ['/vendors/sift-science.js']);
        assert.equal((await decision(page)).id, rejected.id);

        // Change of mind: the footer's "Cookie Preferences" link opens the dialog; "Accept all" there.
        await page.click('a >> text=Cookie Preferences');
        await page.waitFor('[role=dialog]');
        for (const id of ['functional', 'performance', 'advertising']) assert.equal(await page.evaluate((c) => window.consentry.allowed(c), id), false);
        await page.click(`[role=dialog] ${button('Accept all')}`);
        await page.waitFor('[role=dialog]', { state: 'hidden' });
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
        await page.waitFor('iframe[data-consent="youtube"][src]');
        noPageErrors(page);

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
        await page.waitFor('body >> text*=2 decisions received');
      } finally {
        await page.close();
      }
    });

    test('withdrawing in the preferences deletes the cookies the now-denied vendors set, and offers a reload', async () => {
      const page = await h.visitor();
      const cookieNames = () => page.evaluate(() => document.cookie.split('; ').map((c) => c.split('=')[0]));
      try {
        await page.goto(`${h.demo.url}/flockbird/`);
        await page.click(button('Accept all'));
        await page.waitForFunction(() => document.cookie.includes('_ga=') && document.cookie.includes('mp_flockbird_mixpanel='));

        await page.click('a >> text=Cookie Preferences');
        await page.click(`[role=dialog] ${button('Reject all')}`);
        const left = await until(async () => {
          const names = await cookieNames();
          return !names.includes('_ga') && names;
        });
        assert.deepEqual(left, ['flockbird_consent'], 'only the consent cookie is left');
        await page.waitFor('p >> text*=Reload it to stop them');
      } finally {
        await page.close();
      }
    });

    test("under the page's strict CSP, the video placeholder names YouTube, is styled, and its button allows just that vendor", async () => {
      const page = await h.visitor();
      try {
        const res = await fetch(`${h.demo.url}/nimbus/`);
        assert.match(res.headers.get('content-security-policy'), /script-src 'nonce-/);
        const listen = () => {
          window.__violations = [];
          document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        };
        // Every violation from the start where the engine can run a script before the page's own;
        // in WebKit (WebDriver classic cannot) from the end of the load on.
        if (page.addInitScript) await page.addInitScript(listen);
        await page.goto(`${h.demo.url}/nimbus/`);
        if (!page.addInitScript) await page.evaluate(listen);
        await page.waitFor('p >> text*=YouTube content is blocked');
        // The placeholder's style carries the page's nonce: it applies (a blocked style would leave display: block).
        const display = await page.evaluate(() => getComputedStyle(document.querySelector('iframe[data-consent="youtube"]').contentDocument.body).display);
        assert.equal(display, 'grid');
        await page.click(button('Allow YouTube'));
        await page.waitFor('iframe[data-consent="youtube"][src]');
        assert.ok(await until(async () => (await ran(page)).includes('youtube')), 'the video loaded');
        const d = await decision(page);
        assert.equal(d.method, 'custom');
        assert.equal(d.vendors.youtube, true);
        assert.equal(d.categories.functional, false, 'the rest of its category stays off');
        assert.deepEqual(await page.evaluate(() => window.__violations), []);
        noPageErrors(page);
      } finally {
        await page.close();
      }
    });
  });
