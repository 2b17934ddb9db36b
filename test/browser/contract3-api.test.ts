// Contract audit (contract3), §8: the JavaScript API.
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready } from './page';

const config = { revision: 1, vendors: [{ id: 'ga', name: 'GA', category: 'performance' }] };

describe('contract3: on() returns an unsubscribe function', () => {
  beforeEach(clearState);

  it('calling it twice removes only its own listener (the same function subscribed twice is still told once)', async () => {
    const { win } = await openPage({ config });
    await ready(win);
    const heard: string[] = [];
    const fn = (d: any) => heard.push(d.method);
    const off = win.consentry.on('change', fn);
    win.consentry.on('change', fn);
    off();
    off();
    win.consentry.acceptAll();
    expect(heard).to.deep.equal(['accept-all']);
  });
});
