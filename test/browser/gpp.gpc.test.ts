import { expect } from '@esm-bundle/chai';
import { GppModel } from '@iabgpp/cmpapi';
import { clearState, openPage, ready, until, TestWindow } from './page';
import { engine } from './engine';

// Chromium and Firefox send real Global Privacy Control here; WebKit has none and shows the same
// page without the signal. The GPP answers come from the loader's stub and the GPP chunk.
const gpc = engine.gpc;
const config = {
  revision: 1,
  mode: { default: 'opt-in', regions: { US: 'opt-out' } },
  vendors: [{ id: 'ads', name: 'Ad Network', category: 'advertising' }],
  gpp: { mspa: { covered: true, mode: 'opt-out' } },
};

/** One __gpp call's answer, as a promise. */
const ask = (win: TestWindow, command: string, parameter?: unknown) =>
  new Promise<[any, boolean]>((r) => (win as any).__gpp(command, (data: any, ok: boolean) => r([data, ok]), parameter));
const loaded = (win: TestWindow) => until(async () => (await ask(win, 'ping'))[0].signalStatus == 'ready', 5000, 'the GPP chunk');

describe(gpc ? 'GPP for a California visitor whose browser sends GPC' : `GPP for a California visitor in ${engine.engine} (no GPC)`, () => {
  beforeEach(clearState);

  it(`usnat.Gpc is ${gpc} and the sale, sharing and targeted advertising opt-outs say ${gpc ? 'opted out (1)' : 'did not opt out (2)'}`, async () => {
    const { win } = await openPage({ config, attrs: 'data-region="US-CA"' });
    await ready(win);
    await loaded(win);
    const out = gpc ? 1 : 2;
    expect((await ask(win, 'getField', 'usnat.Gpc'))[0]).to.equal(gpc);
    expect((await ask(win, 'getField', 'usnat.GpcSegmentIncluded'))[0]).to.equal(true);
    for (const f of ['SaleOptOut', 'SharingOptOut', 'TargetedAdvertisingOptOut']) expect((await ask(win, 'getField', 'usnat.' + f))[0], f).to.equal(out);
    for (const f of ['SaleOptOut', 'SharingOptOut']) expect((await ask(win, 'getField', 'usca.' + f))[0], 'usca.' + f).to.equal(out);
    expect((await ask(win, 'getField', 'usca.Gpc'))[0]).to.equal(gpc);
  });

  it("the GPP string decodes, with the IAB library's own decoder, to exactly the fields the decision implies", async () => {
    const { win } = await openPage({ config, attrs: 'data-region="US-CA"' });
    await ready(win);
    const [ping] = await ask(win, 'ping').then(async (p) => (p[0].signalStatus == 'ready' ? p : (await loaded(win), ask(win, 'ping'))));
    expect(ping.sectionList).to.deep.equal([7, 8]);
    expect(ping.applicableSections).to.deep.equal([8]);
    const model = new GppModel(ping.gppString);
    const out = gpc ? 1 : 2;
    const mspa = { MspaCoveredTransaction: 1, MspaOptOutOptionMode: 1, MspaServiceProviderMode: 2 };
    expect(model.getSection('usnat')).to.deep.equal({
      Version: 1, SharingNotice: 1, SaleOptOutNotice: 1, SharingOptOutNotice: 1, TargetedAdvertisingOptOutNotice: 1,
      SensitiveDataProcessingOptOutNotice: 0, SensitiveDataLimitUseNotice: 0,
      SaleOptOut: out, SharingOptOut: out, TargetedAdvertisingOptOut: out,
      SensitiveDataProcessing: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], KnownChildSensitiveDataConsents: [0, 0], PersonalDataConsents: 0,
      ...mspa, GpcSegmentType: 1, Gpc: gpc,
    });
    expect(model.getSection('usca')).to.deep.equal({
      Version: 1, SaleOptOutNotice: 1, SharingOptOutNotice: 1, SensitiveDataLimitUseNotice: 0,
      SaleOptOut: out, SharingOptOut: out,
      SensitiveDataProcessing: [0, 0, 0, 0, 0, 0, 0, 0, 0], KnownChildSensitiveDataConsents: [0, 0], PersonalDataConsents: 0,
      ...mspa, GpcSegmentType: 1, Gpc: gpc,
    });
    expect(model.getFieldValue('usnat', 'GpcSegmentIncluded')).to.equal(true);
  });

  it('an explicit opt-in by the visitor turns the opt-outs to "did not opt out" while Gpc still reports the signal', async () => {
    const { win } = await openPage({ config, attrs: 'data-region="US-CA"' });
    await ready(win);
    await loaded(win);
    win.consentry.set({ categories: { advertising: true } });
    const model = new GppModel((await ask(win, 'ping'))[0].gppString);
    expect(model.getFieldValue('usnat', 'SaleOptOut')).to.equal(2);
    expect(model.getFieldValue('usca', 'SharingOptOut')).to.equal(2);
    expect(model.getFieldValue('usnat', 'Gpc')).to.equal(gpc);
  });
});
