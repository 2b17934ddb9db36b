import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready } from './page';

describe('smoke', () => {
  beforeEach(clearState);
  it('loads', async () => {
    const { win } = await openPage({ config: { revision: 1 } });
    await ready(win);
    expect(win.consentry.allowed('required')).to.equal(true);
    expect(win.consentry.allowed('performance')).to.equal(false);
    win.consentry.acceptAll();
    expect(win.consentry.allowed('performance')).to.equal(true);
    expect(win.document.cookie, 'frame').to.match(/consentry=1\./);
    expect(document.cookie, 'parent').to.match(/consentry=1\./);
  });
});
