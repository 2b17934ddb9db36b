// The journey with the keyboard only, in every engine: Tab to the banner's buttons, Enter to
// customise, Tab and Space through the dialog's switches, Enter to save; the footer link opens
// the dialog again.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../support/engines/index.mjs';
import { decision, focused, recordsFor, startHarness, tabTo } from './demo-harness.mjs';

for (const engine of ENGINES)
  describe(engine, () => {
    let h;
    before(async () => (h = await startHarness({ engine })));
    after(() => h?.close());

    test('keyboard only: the banner buttons, the dialog switches and the footer link all work without a mouse', async () => {
      const page = await h.visitor();
      try {
        await page.goto(`${h.demo.url}/nimbus/`);
        await page.waitFor('button >> text=Customise');

        // Tab reaches all three banner buttons, one after the other.
        const { found, seen } = await tabTo(page, (f) => f.inShadow && f.name === 'Accept all');
        assert.ok(found, `Tab reached "Accept all"; focus went through ${JSON.stringify(seen)}`);
        await page.press('Tab');
        assert.equal((await focused(page)).name, 'Reject all');
        await page.press('Tab');
        assert.equal((await focused(page)).name, 'Customise');

        // Enter on "Customise" opens the dialog, and focus moves into it.
        await page.press('Enter');
        await page.waitFor('[role=dialog]');
        assert.ok((await focused(page))?.inDialog, 'the dialog takes focus when it opens');

        // Tab to the Functional switch, Space turns it on.
        const sw = await tabTo(page, (f) => f.role === 'switch' && f.name === 'Functional', 30);
        assert.ok(sw.found, `Tab reached the Functional switch; focus went through ${JSON.stringify(sw.seen)}`);
        assert.equal(sw.found.checked, 'false');
        await page.press('Space');
        assert.equal((await focused(page)).checked, 'true');

        // Tab stays in the dialog on the way to "Save choices"; Enter saves.
        const save = await tabTo(page, (f) => f.name === 'Save choices', 30);
        assert.ok(save.found?.inDialog, `Tab reached "Save choices" inside the dialog; went through ${JSON.stringify(save.seen)}`);
        await page.press('Enter');
        await page.waitFor('[role=dialog]', { state: 'hidden' });
        const d = await decision(page);
        assert.equal(d.method, 'custom');
        assert.deepEqual(d.categories, { required: true, functional: true, advertising: false });

        // The footer's "Cookie Preferences" link opens the dialog with Enter; Escape closes it unchanged.
        const link = await tabTo(page, (f) => f.tag === 'a' && f.name === 'Cookie Preferences', 80);
        assert.ok(link.found, `Tab reached the footer link; went through ${JSON.stringify(link.seen)}`);
        await page.press('Enter');
        await page.waitFor('[role=dialog]');
        assert.ok((await focused(page))?.inDialog);
        await page.press('Escape');
        await page.waitFor('[role=dialog]', { state: 'hidden' });
        assert.equal((await decision(page)).method, 'custom');
        const [rec] = await recordsFor(h.demo, d.id, 1);
        assert.equal(rec.method, 'custom');
      } finally {
        await page.close();
      }
    });
  });
