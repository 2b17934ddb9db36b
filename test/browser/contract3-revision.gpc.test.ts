// Contract audit (contract3): a region, Global Privacy Control, an API call and a new revision together.
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep } from './page';
import { engine } from './engine';

const gpc = engine.gpc;
const config = {
  revision: 1,
  mode: { default: 'opt-in', regions: { US: 'opt-out' } },
  vendors: [{ id: 'doubleclick', name: 'DoubleClick', category: 'advertising' }],
};
const us = 'data-region="US"';

describe(`contract3: an opt-out region, a new revision and ${gpc ? 'Global Privacy Control' : 'no privacy signal'}`, () => {
  beforeEach(clearState);

  it('the visitor switched advertising on themselves; a new revision asks again with only required running, and "Accept all" then respects the signal', async () => {
    const { win } = await openPage({ config, attrs: us });
    expect((await ready(win)).method).to.equal(gpc ? 'signal' : 'opt-out-default');
    win.consentry.set({ categories: { advertising: true } });
    await sleep(50);
    const { win: same } = await openPage({ config, attrs: us });
    expect((await ready(same)).method, 'an explicit choice outlasts the signal').to.equal('custom');
    expect(same.consentry.allowed('doubleclick')).to.equal(true);
    await sleep(50);
    const { win: next } = await openPage({ config: { ...config, revision: 2 }, attrs: us });
    expect(await ready(next)).to.equal(null);
    expect(next.consentry.allowed('performance')).to.equal(false);
    expect(next.consentry.allowed('doubleclick')).to.equal(false);
    next.consentry.acceptAll();
    expect(next.consentry.get().method).to.equal('accept-all');
    expect(next.consentry.allowed('performance')).to.equal(true);
    expect(next.consentry.allowed('doubleclick')).to.equal(!gpc);
    expect(next.consentry.get().signals.gpc).to.equal(gpc);
  });
});
