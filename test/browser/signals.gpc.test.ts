import { expect } from '@esm-bundle/chai';
import { beaconBucket, clearState, openPage, ready, until } from './page';

// This file runs in a Chromium launched with GlobalPrivacyControlForce: a real GPC browser.
const config = {
  revision: 1,
  mode: { default: 'opt-in', regions: { US: 'opt-out' } },
  vendors: [
    { id: 'google-analytics', name: 'Google Analytics', category: 'performance' },
    { id: 'doubleclick', name: 'DoubleClick', category: 'advertising' },
  ],
};

describe('a visitor whose browser sends Global Privacy Control', () => {
  beforeEach(clearState);

  it('has navigator.globalPrivacyControl === true', () => {
    expect((navigator as any).globalPrivacyControl).to.equal(true);
  });

  it('keeps advertising off on "Accept all" in an opt-in region', async () => {
    const { win } = await openPage({ config });
    await ready(win);
    win.consentry.acceptAll();
    const d = win.consentry.get();
    expect(d.signals).to.deep.equal({ gpc: true, dnt: false });
    expect(d.categories).to.deep.equal({ required: true, functional: true, performance: true, advertising: false });
    expect(win.consentry.allowed('doubleclick')).to.equal(false);
  });

  it('may still switch advertising on explicitly', async () => {
    const { win } = await openPage({ config });
    await ready(win);
    win.consentry.set({ categories: { advertising: true } });
    expect(win.consentry.allowed('advertising')).to.equal(true);
    expect(win.consentry.allowed('doubleclick')).to.equal(true);
  });

  it('in an opt-out region records a decision by signal on the first page view', async () => {
    const b = beaconBucket();
    const { win } = await openPage({ config, attrs: `data-region="US-NY" data-beacon="${b.url}"` });
    const d = await ready(win);
    expect(d.method).to.equal('signal');
    expect(d.categories).to.deep.equal({ required: true, functional: true, performance: true, advertising: false });
    const [rec] = await until(async () => ((await b.records()).length ? b.records() : null), 3000, 'record');
    expect(rec.method).to.equal('signal');
    expect(rec.signals.gpc).to.equal(true);
    expect(rec.categories.advertising).to.equal(false);
  });

  it('denies nothing for a category that does not honour GPC', async () => {
    const own = { revision: 1, categories: [{ id: 'required', required: true }, { id: 'advertising', signals: ['dnt'] }] };
    const { win } = await openPage({ config: own });
    await ready(win);
    win.consentry.acceptAll();
    expect(win.consentry.allowed('advertising')).to.equal(true);
  });
});
