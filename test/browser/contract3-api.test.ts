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

describe('contract3: show and hide events', () => {
  beforeEach(clearState);

  it('show() twice on an open dialog is one `show`; a choice then hides it once', async () => {
    const { win } = await openPage({ config });
    await ready(win);
    const events: string[] = [];
    for (const e of ['show', 'hide']) win.consentry.on(e, (view: string) => events.push(`${e}:${view}`));
    await win.consentry.show();
    await win.consentry.show();
    win.consentry.rejectAll();
    await new Promise((r) => setTimeout(r, 100));
    expect(events.filter((e) => e.endsWith(':prefs'))).to.deep.equal(['show:prefs', 'hide:prefs']);
  });
});
