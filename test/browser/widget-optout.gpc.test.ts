import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready } from './page';
import { engine } from './engine';
import { axe, control, fresh, shadowOf } from '../support/widget-ui.mjs';
import { vendors } from '../support/widget-fixtures.mjs';

// This file runs in a Chromium and a Firefox that send Global Privacy Control (see
// web-test-runner.config.mjs), and in WebKit, which has no GPC: there it asserts the notice a
// visitor without the signal gets.
const gpc = engine.gpc;
const config = { revision: 1, mode: { default: 'opt-in', regions: { US: 'opt-out' } }, vendors };

async function usVisit() {
  const page = await openPage({ config, attrs: 'data-region="US-CA"' });
  await ready(page.win);
  return { ...page, root: await shadowOf(page.doc) };
}

describe(gpc ? 'widget: opt-out region with Global Privacy Control on' : `widget: opt-out region in ${engine.engine}, which has no Global Privacy Control`, () => {
  beforeEach(() => fresh(clearState));

  it(
    gpc
      ? 'shows a notice that the opt-out request is honoured, with a "Do not sell or share" control'
      : 'shows the opt-out notice with a "Do not sell or share" control, and says no opt-out request was honoured',
    async () => {
      const { win, root } = await usVisit();
      expect((win.navigator as any).globalPrivacyControl).to.equal(gpc ? true : undefined);
      expect(root.querySelector('h2')!.textContent).to.equal('Your privacy choices');
      expect(root.querySelector('.bn')!.textContent.includes('Opt-out request honoured')).to.equal(gpc);
      control(root, 'Do not sell or share my personal information');
      expect(win.consentry.get().method).to.equal(gpc ? 'signal' : 'opt-out-default');
      // As a visitor sees it: the banner fades in over .2 s (no reduced motion asked for here), and
      // colours judged half-faded fail the contrast check though the banner never stays so.
      await Promise.all([...root.querySelectorAll('*')].flatMap((el) => el.getAnimations()).map((a) => a.finished));
      expect(await axe(win)).to.deep.equal([]);
    },
  );

  it('"Do not sell or share" denies every category that is not required', async () => {
    const { win, root } = await usVisit();
    control(root, 'Do not sell or share my personal information').click();
    const d = win.consentry.get();
    expect(d.method).to.equal('reject-all');
    expect(d.categories).to.deep.equal({ required: true, functional: false, performance: false, advertising: false });
  });

  it(
    gpc
      ? 'the dialog says GPC turned advertising off, and an explicit switch still turns it on'
      : 'the dialog shows advertising on and gives no GPC reason; switching it off is saved',
    async () => {
      const { win, doc, root } = await usVisit();
      control(root, 'Customise').click();
      await shadowOf(doc, '.dlg');
      const ad = control(root, 'Advertising');
      expect(ad.getAttribute('aria-checked')).to.equal(String(!gpc));
      expect(control(root, 'Performance').getAttribute('aria-checked')).to.equal('true');
      expect(ad.closest('.cat')!.textContent!.includes('Off because your browser sends Global Privacy Control')).to.equal(gpc);
      ad.click();
      control(root, 'Save choices').click();
      expect(win.consentry.get().categories.advertising).to.equal(gpc);
    },
  );

  it(gpc ? '"Accept all" in the dialog still respects the signal' : '"Accept all" in the dialog allows advertising', async () => {
    const { win, doc, root } = await usVisit();
    control(root, 'Customise').click();
    await shadowOf(doc, '.dlg');
    control(root, 'Accept all').click();
    expect(win.consentry.get().categories.advertising).to.equal(!gpc);
  });

  it('the notice can be dismissed, leaving the reopen button', async () => {
    const { doc, root } = await usVisit();
    control(root, 'Got it').click();
    expect(root.querySelector('.bn')).to.equal(null);
    control(await shadowOf(doc, '.ro'), 'Cookie preferences');
  });
});
