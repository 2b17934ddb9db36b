// The API's events (contract §8) as site code hears them: order, late subscribers, and listeners
// that unsubscribe or edit what they are given.
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep, until, TestWindow } from './page';
import { control, shadowOf } from '../support/widget-ui.mjs';

const config = { revision: 1, vendors: [{ id: 'ga', name: 'GA', category: 'performance' }] };

/** Logs `ready`, `change` and `consentry:change` from the first script after the loader. */
const logger = `<script>
  window.heard = [];
  const m = (d) => (d ? d.method : 'null');
  consentry.on('ready', (d) => heard.push('ready:' + m(d)));
  consentry.on('change', (d) => heard.push('change:' + m(d)));
  document.addEventListener('consentry:change', (e) => heard.push('dom:' + m(e.detail)));
</script>`;
const heard = (win: TestWindow): string[] => (win as any).heard;

describe('events: ready comes first', () => {
  beforeEach(clearState);

  it("an opt-out region's first view: ready, then the change its default decision makes", async () => {
    const { win } = await openPage({ config: { ...config, mode: { default: 'opt-out' } }, fetch: true, body: logger });
    await until(() => heard(win).length >= 3, 3000, 'three events');
    await sleep(50);
    expect(heard(win)).to.deep.equal(['ready:null', 'change:opt-out-default', 'dom:opt-out-default']);
  });

  it('acceptAll() called before the configuration arrived: ready, then its change', async () => {
    const { win } = await openPage({ config, fetch: true, body: logger + '<script>consentry.acceptAll()</script>' });
    await until(() => heard(win).length >= 3, 3000, 'three events');
    await sleep(50);
    expect(heard(win)).to.deep.equal(['ready:null', 'change:accept-all', 'dom:accept-all']);
  });

  it('a late subscriber to ready hears the decision in force, unless it unsubscribed at once', async () => {
    const { win } = await openPage({ config });
    await ready(win);
    win.consentry.acceptAll();
    const late = await new Promise<any>((r) => win.consentry.on('ready', r));
    expect(late && late.method).to.equal('accept-all');
    let called = false;
    const off = win.consentry.on('ready', () => (called = true));
    off();
    await sleep(50);
    expect(called).to.equal(false);
  });
});

describe('events: a choice in the banner', () => {
  beforeEach(clearState);

  it('hide comes after the change that closed the banner, for listeners added after it showed', async () => {
    const { win, doc } = await openPage({ config });
    await ready(win);
    const root = await shadowOf(doc);
    const events: string[] = [];
    win.consentry.on('change', (d: any) => events.push('change:' + d.method));
    win.consentry.on('hide', (v: string) => events.push('hide:' + v));
    doc.addEventListener('consentry:change', () => events.push('dom'));
    (control(root, 'Accept all') as HTMLElement).click();
    await until(() => events.length >= 3, 3000, 'three events');
    expect(events).to.deep.equal(['change:accept-all', 'dom', 'hide:banner']);
  });
});

describe('events: listeners among themselves', () => {
  beforeEach(clearState);

  it('a listener another one removed during a change is not called for it', async () => {
    const { win } = await openPage({ config });
    await ready(win);
    const calls: string[] = [];
    let offB = () => {};
    win.consentry.on('change', () => (calls.push('a'), offB()));
    offB = win.consentry.on('change', () => calls.push('b'));
    win.consentry.rejectAll();
    win.consentry.acceptAll();
    expect(calls).to.deep.equal(['a', 'a']);
  });

  it('each listener, and the consentry:change event, gets its own copy of the decision', async () => {
    const { win, doc } = await openPage({ config });
    await ready(win);
    const seen: boolean[] = [];
    win.consentry.on('change', (d: any) => (d.categories.advertising = true));
    win.consentry.on('change', (d: any) => seen.push(d.categories.advertising));
    doc.addEventListener('consentry:change', (e: any) => seen.push(e.detail.categories.advertising));
    win.consentry.rejectAll();
    expect(seen).to.deep.equal([false, false]);
    expect(win.consentry.get().categories.advertising).to.equal(false);
  });
});

describe('events: Consent Mode and regions', () => {
  beforeEach(clearState);

  it("an opt-out region's first view pushes one consent update and one consentry_update", async () => {
    const { win } = await openPage({ config: { ...config, googleConsentMode: true, mode: { default: 'opt-out' } } });
    await until(() => win.consentry.get(), 3000, 'the default decision');
    await sleep(100);
    const dl = (win.dataLayer || []) as any[];
    const updates = dl.filter((e) => Object.prototype.toString.call(e) == '[object Arguments]' && e[0] == 'consent' && e[1] == 'update');
    expect(updates.length).to.equal(1);
    expect(dl.filter((e) => e && e.event == 'consentry_update').length).to.equal(1);
  });

  it('data-region with spaces around it still selects its rule', async () => {
    const { win } = await openPage({ config: { ...config, mode: { default: 'opt-in', regions: { US: 'opt-out' } } }, attrs: 'data-region=" us "' });
    await until(() => win.consentry.get(), 3000, "the opt-out region's default decision");
    expect(win.consentry.get().method).to.equal('opt-out-default');
  });
});
