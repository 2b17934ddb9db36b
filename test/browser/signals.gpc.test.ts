import { expect } from '@esm-bundle/chai';
import { beaconBucket, clearState, openPage, ready, until } from './page';
import { engine } from './engine';

// This file runs in a Chromium and a Firefox that send Global Privacy Control (a real GPC
// browser), and in WebKit, which has no GPC: there it asserts what a visitor without the signal gets.
const gpc = engine.gpc;
const config = {
  revision: 1,
  mode: { default: 'opt-in', regions: { US: 'opt-out' } },
  vendors: [
    { id: 'google-analytics', name: 'Google Analytics', category: 'performance' },
    { id: 'doubleclick', name: 'DoubleClick', category: 'advertising' },
  ],
};

describe(gpc ? 'a visitor whose browser sends Global Privacy Control' : `a visitor in ${engine.engine}, which has no Global Privacy Control`, () => {
  beforeEach(clearState);

  it(gpc ? 'has navigator.globalPrivacyControl === true' : 'has no navigator.globalPrivacyControl', () => {
    expect((navigator as any).globalPrivacyControl).to.equal(gpc ? true : undefined);
  });

  it(gpc ? 'keeps advertising off on "Accept all" in an opt-in region' : 'gets advertising on "Accept all" in an opt-in region', async () => {
    const { win } = await openPage({ config });
    await ready(win);
    win.consentry.acceptAll();
    const d = win.consentry.get();
    expect(d.signals).to.deep.equal({ gpc, dnt: false });
    expect(d.categories).to.deep.equal({ required: true, functional: true, performance: true, advertising: !gpc });
    expect(win.consentry.allowed('doubleclick')).to.equal(!gpc);
  });

  it('may still switch advertising on explicitly', async () => {
    const { win } = await openPage({ config });
    await ready(win);
    win.consentry.set({ categories: { advertising: true } });
    expect(win.consentry.allowed('advertising')).to.equal(true);
    expect(win.consentry.allowed('doubleclick')).to.equal(true);
  });

  it(
    gpc ? 'in an opt-out region records a decision by signal on the first page view' : 'in an opt-out region records the opt-out default (everything on) on the first page view',
    async () => {
      const b = beaconBucket();
      const { win } = await openPage({ config, attrs: `data-region="US-NY" data-beacon="${b.url}"` });
      const d = await ready(win);
      const method = gpc ? 'signal' : 'opt-out-default';
      expect(d.method).to.equal(method);
      expect(d.categories).to.deep.equal({ required: true, functional: true, performance: true, advertising: !gpc });
      const [rec] = await until(async () => ((await b.records()).length ? b.records() : null), 3000, 'record');
      expect(rec.method).to.equal(method);
      expect(rec.signals.gpc).to.equal(gpc);
      expect(rec.categories.advertising).to.equal(!gpc);
    },
  );

  it('denies nothing for a category that does not honour GPC', async () => {
    const own = { revision: 1, categories: [{ id: 'required', required: true }, { id: 'advertising', signals: ['dnt'] }] };
    const { win } = await openPage({ config: own });
    await ready(win);
    win.consentry.acceptAll();
    expect(win.consentry.allowed('advertising')).to.equal(true);
  });
});
