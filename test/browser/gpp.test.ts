import { expect } from '@esm-bundle/chai';
import { GppModel } from '@iabgpp/cmpapi';
import { clearState, openPage, ready, until, TestWindow } from './page';

const config = {
  revision: 1,
  mode: { default: 'opt-in', regions: { US: 'opt-out' } },
  vendors: [{ id: 'ads', name: 'Ad Network', category: 'advertising' }],
  gpp: true,
};

const ask = (win: TestWindow, command: string, parameter?: unknown) =>
  new Promise<[any, boolean]>((r) => (win as any).__gpp(command, (data: any, ok: boolean) => r([data, ok]), parameter));
const loaded = (win: TestWindow) => until(async () => (await ask(win, 'ping'))[0].signalStatus == 'ready', 5000, 'the GPP chunk');
const gppChunkRequests = (win: TestWindow) => win.performance.getEntriesByType('resource').filter((e) => /consentry-gpp\.[0-9a-f]{8}\.js/.test(e.name)).length;

/**
 * A tag in <head> right after the loader: it asks before any chunk can have arrived, and records
 * what it is told, in order (`win.told`), with the event listener's events as `event:name:data`.
 */
const earlyTag = `<script>
  window.told = [];
  __gpp('ping', function (p) { told.push('ping:' + p.cmpStatus + ':' + p.signalStatus + ':' + JSON.stringify([p.applicableSections, p.sectionList, p.parsedSections])); });
  __gpp('getField', function (v, ok) { told.push('SaleOptOut:' + v + ':' + ok); }, 'usnat.SaleOptOut');
  __gpp('hasSection', function (v) { told.push('hasSection usca:' + v); }, 'usca');
  __gpp('addEventListener', function (e) { told.push('event:' + e.eventName + ':' + e.data); });
  told.push('end of the tag');
</script>`;

describe('GPP (IAB Global Privacy Platform) CMP API', () => {
  beforeEach(clearState);

  it('a tag calling __gpp before the chunk arrives gets ping from the stub, and its queued calls answered correctly, in order', async () => {
    // The tag opens <body>: it runs while the page is parsed, long before any chunk can arrive.
    const { win } = await openPage({ config, attrs: 'data-region="US-CA"', body: earlyTag });
    await ready(win);
    await until(() => (win as any).told.includes('event:signalStatus:ready'), 5000, 'signalStatus ready');
    // The banner's cmpDisplayStatus comes whenever the widget is ready: not part of this order.
    expect((win as any).told.filter((e: string) => !e.startsWith('event:cmpDisplayStatus'))).to.deep.equal([
      'ping:stub:not ready:[[-1],[],{}]',
      'end of the tag',
      // An opt-out region without a signal: the visitor did not opt out of the sale of data.
      'SaleOptOut:2:true',
      'hasSection usca:true',
      'event:listenerRegistered:true',
      'event:cmpStatus:loaded',
      'event:signalStatus:ready',
    ]);
    expect(gppChunkRequests(win)).to.equal(1);
  });

  it('a change fires signalStatus "not ready", a sectionChange per changed section, then "ready", and rewrites the string', async () => {
    const { win } = await openPage({ config, attrs: 'data-region="US-CA"', body: earlyTag });
    await ready(win);
    await until(() => (win as any).told.includes('event:signalStatus:ready'), 5000, 'signalStatus ready');
    const before = (await ask(win, 'ping'))[0].gppString;
    // The notice is up (the widget's shadow root holds it) before the visitor acts.
    await until(() => [...win.document.querySelectorAll('div')].some((d) => d.shadowRoot && d.shadowRoot.querySelector('.bn')), 5000, 'the banner');
    (win as any).told.length = 0;
    win.consentry.rejectAll();
    // The banner (an opt-out notice) closes too: its event falls inside the chain, "ready" comes last,
    // once the task's listeners are through.
    expect((win as any).told, 'at once').to.deep.equal(['event:signalStatus:not ready', 'event:sectionChange:usnat', 'event:sectionChange:usca', 'event:cmpDisplayStatus:hidden']);
    await new Promise((r) => setTimeout(r));
    expect((win as any).told).to.deep.equal([
      'event:signalStatus:not ready',
      'event:sectionChange:usnat',
      'event:sectionChange:usca',
      'event:cmpDisplayStatus:hidden',
      'event:signalStatus:ready',
    ]);
    const after = (await ask(win, 'ping'))[0].gppString;
    expect(after).to.not.equal(before);
    expect(new GppModel(after).getFieldValue('usnat', 'SaleOptOut')).to.equal(1);
    expect(new GppModel(before).getFieldValue('usnat', 'SaleOptOut')).to.equal(2);
    // A change that leaves the GPP fields as they were: the bracket, but no sectionChange.
    (win as any).told.length = 0;
    win.consentry.set({ categories: { functional: true } });
    await new Promise((r) => setTimeout(r));
    expect((win as any).told.filter((e: string) => !e.startsWith('event:cmpDisplayStatus'))).to.deep.equal(['event:signalStatus:not ready', 'event:signalStatus:ready']);
  });

  it('outside the US, GPP is not applicable: applicableSections [-1], no sections, getField null', async () => {
    const { win } = await openPage({ config, attrs: 'data-region="DE"' });
    await ready(win);
    await loaded(win);
    const [ping] = await ask(win, 'ping');
    expect(ping).to.include({ gppVersion: '1.1', cmpStatus: 'loaded', signalStatus: 'ready' });
    expect(ping.applicableSections).to.deep.equal([-1]);
    expect(ping.sectionList).to.deep.equal([]);
    expect((await ask(win, 'hasSection', 'usnat'))[0]).to.equal(false);
    expect((await ask(win, 'getField', 'usnat.SaleOptOut'))[0]).to.equal(null);
  });

  it('in a US state without a section of its own (or US alone) usnat is the applicable section', async () => {
    for (const region of ['US', 'US-MD']) {
      const { win } = await openPage({ config, attrs: `data-region="${region}"` });
      await ready(win);
      await loaded(win);
      const [ping] = await ask(win, 'ping');
      expect(ping.sectionList, region).to.deep.equal([7]);
      expect(ping.applicableSections, region).to.deep.equal([7]);
    }
  });

  it('notices, MSPA mode and the section list come from the configuration; removeEventListener stops the events', async () => {
    const own = { ...config, gpp: { sections: ['usnat'], notices: { sale: false }, mspa: { covered: true, mode: 'service-provider' }, cmpId: 300, cmpVersion: 2 } };
    const { win } = await openPage({ config: own, attrs: 'data-region="US-CA"' });
    await ready(win);
    await loaded(win);
    const [ping] = await ask(win, 'ping');
    expect(ping.cmpId).to.equal(300);
    expect(ping.sectionList).to.deep.equal([7]);
    expect(ping.supportedAPIs).to.deep.equal(['7:usnat']);
    const [section] = await ask(win, 'getSection', 'usnat');
    expect(section).to.include({ SaleOptOutNotice: 2, SharingOptOutNotice: 1, MspaCoveredTransaction: 1, MspaOptOutOptionMode: 2, MspaServiceProviderMode: 1 });
    const events: string[] = [];
    const [reg] = await ask(win, 'addEventListener');
    (win as any).__gpp('addEventListener', (e: any) => events.push(e.eventName));
    const [removed] = await ask(win, 'removeEventListener', reg.listenerId);
    expect(removed).to.include({ eventName: 'listenerRemoved', data: true });
    win.consentry.rejectAll();
    await new Promise((r) => setTimeout(r));
    expect(events.filter((e) => e != 'cmpDisplayStatus')).to.deep.equal(['listenerRegistered', 'signalStatus', 'sectionChange', 'signalStatus']);
  });

  it('with data-config the stub is in place before any gated tag runs', async () => {
    const tag = `<script type="text/plain" data-consent="required">window.early = typeof __gpp; __gpp('ping', function (p) { window.earlyStatus = p.cmpStatus; });</script>`;
    const { win } = await openPage({ config, fetch: true, attrs: 'data-region="US-CA"', body: tag });
    await ready(win);
    await until(() => (win as any).early, 3000, 'the gated tag');
    expect((win as any).early).to.equal('function');
    await loaded(win);
  });

  it('without gpp in the configuration there is no __gpp and no GPP chunk', async () => {
    const { win } = await openPage({ config: { ...config, gpp: undefined }, attrs: 'data-region="US-CA"' });
    await ready(win);
    await new Promise((r) => setTimeout(r, 300));
    expect((win as any).__gpp).to.equal(undefined);
    expect(gppChunkRequests(win)).to.equal(0);
  });

  it('a frame asks through the __gppLocator frame and postMessage, and gets the answer with its callId', async () => {
    const { win } = await openPage({ config, attrs: 'data-region="US-CA"' });
    await ready(win);
    await loaded(win);
    expect(win.frames['__gppLocator' as any]).to.not.equal(undefined);
    // A vendor's frame: it posts to the window that holds the locator and listens for the return.
    const frame = win.document.createElement('iframe');
    win.document.body.appendChild(frame);
    const script = frame.contentDocument!.createElement('script');
    script.textContent = `addEventListener('message', function (e) { parent.reply = e.data; });
      parent.postMessage(JSON.stringify({ __gppCall: { command: 'getField', parameter: 'usca.SaleOptOut', version: '1.1', callId: 'c2' } }), '*');`;
    frame.contentDocument!.body.appendChild(script);
    const reply = await until(() => (win as any).reply, 3000, 'the return message');
    expect(JSON.parse(reply)).to.deep.equal({ __gppReturn: { returnValue: 2, success: true, callId: 'c2' } });
  });
});
