import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready } from './page';
import { axe, control, fresh, shadowOf } from '../support/widget-ui.mjs';
import { vendors } from '../support/widget-fixtures.mjs';

// This file runs in a Chromium that sends Global Privacy Control (see web-test-runner.config.mjs).
const config = { revision: 1, mode: { default: 'opt-in', regions: { US: 'opt-out' } }, vendors };

async function usVisit() {
  const page = await openPage({ config, attrs: 'data-region="US-CA"' });
  await ready(page.win);
  return { ...page, root: await shadowOf(page.doc) };
}

describe('widget: opt-out region with Global Privacy Control on', () => {
  beforeEach(() => fresh(clearState));

  it('shows a notice that the opt-out request is honoured, with a "Do not sell or share" control', async () => {
    const { win, root } = await usVisit();
    expect(win.navigator.globalPrivacyControl).to.equal(true);
    expect(root.querySelector('h2')!.textContent).to.equal('Your privacy choices');
    expect(root.querySelector('.bn')!.textContent).to.contain('Opt-out request honoured');
    control(root, 'Do not sell or share my personal information');
    expect(win.consentry.get().method).to.equal('signal');
    expect(await axe(win)).to.deep.equal([]);
  });

  it('"Do not sell or share" denies every category that is not required', async () => {
    const { win, root } = await usVisit();
    control(root, 'Do not sell or share my personal information').click();
    const d = win.consentry.get();
    expect(d.method).to.equal('reject-all');
    expect(d.categories).to.deep.equal({ required: true, functional: false, performance: false, advertising: false });
  });

  it('the dialog says GPC turned advertising off, and an explicit switch still turns it on', async () => {
    const { win, doc, root } = await usVisit();
    control(root, 'Customise').click();
    await shadowOf(doc, '.dlg');
    const ad = control(root, 'Advertising');
    expect(ad.getAttribute('aria-checked')).to.equal('false');
    expect(control(root, 'Performance').getAttribute('aria-checked')).to.equal('true');
    expect(ad.closest('.cat')!.textContent).to.contain('Off because your browser sends Global Privacy Control');
    ad.click();
    control(root, 'Save choices').click();
    expect(win.consentry.get().categories.advertising).to.equal(true);
  });

  it('"Accept all" in the dialog still respects the signal', async () => {
    const { win, doc, root } = await usVisit();
    control(root, 'Customise').click();
    await shadowOf(doc, '.dlg');
    control(root, 'Accept all').click();
    expect(win.consentry.get().categories.advertising).to.equal(false);
  });

  it('the notice can be dismissed, leaving the reopen button', async () => {
    const { doc, root } = await usVisit();
    control(root, 'Got it').click();
    expect(root.querySelector('.bn')).to.equal(null);
    control(await shadowOf(doc, '.ro'), 'Cookie preferences');
  });
});
