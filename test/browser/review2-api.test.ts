// Adversarial review (review2): what a careless site or a messy cookie jar does to a decision.
// Each test names what the visitor would have lost without its fix.
import { expect } from '@esm-bundle/chai';
import { beaconBucket, clearState, openPage, ready, sleep, until, TestWindow } from './page';
import { config as withHosts, fresh } from './fixtures/vendors';

const config = { revision: 1, vendors: [{ id: 'ga', name: 'GA', category: 'performance' }] };
const cookieOf = (win: TestWindow) => (/(?:^|; )consentry=([^;]*)/.exec(win.document.cookie) || [])[1];

describe('review2: two consent cookies of the same name', () => {
  beforeEach(clearState);
  // clearState deletes Path=/ cookies only.
  afterEach(() => (document.cookie = 'consentry=; Max-Age=0; Path=/test-page'));

  it('the newer decision wins: a withdrawal is not undone by an older cookie at a more specific path', async () => {
    const { win: first } = await openPage({ config });
    await ready(first);
    first.consentry.acceptAll();
    const accepted = await until(() => cookieOf(first), 3000, 'the cookie');
    // An older copy of the same choice where an earlier version (or another app of the site) put it:
    // the browser lists the more specific path first.
    document.cookie = `consentry=${accepted}; Path=/test-page; SameSite=Lax`;
    await sleep(5);
    const { win: second } = await openPage({ config });
    expect((await ready(second)).method).to.equal('accept-all');
    second.consentry.rejectAll();
    expect(second.consentry.allowed('performance')).to.equal(false);
    await sleep(50);
    const { win: third } = await openPage({ config });
    const d = await ready(third);
    expect(d && d.method, 'the decision the next page applies').to.equal('reject-all');
    expect(third.consentry.allowed('performance')).to.equal(false);
    expect(third.consentry.allowed('ga')).to.equal(false);
  });
});

describe('review2: listeners that decide again', () => {
  beforeEach(clearState);

  it('a change listener that calls rejectAll(): every listener hears the decisions in order, the last one is the one in force', async () => {
    const { win, doc } = await openPage({ config });
    await ready(win);
    const heard: string[] = [];
    const onDoc: string[] = [];
    // A site script that vetoes "Accept all" (say, for a logged-in user's saved "no").
    win.consentry.on('change', (d: any) => d && d.method == 'accept-all' && win.consentry.rejectAll());
    win.consentry.on('change', (d: any) => heard.push(d && d.method));
    doc.addEventListener('consentry:change', (e: any) => onDoc.push(e.detail && e.detail.method));
    win.consentry.acceptAll();
    expect(win.consentry.get().method).to.equal('reject-all');
    expect(heard).to.deep.equal(['accept-all', 'reject-all']);
    expect(onDoc).to.deep.equal(['accept-all', 'reject-all']);
  });
});

describe('review2: a listener that decides again on every change', () => {
  beforeEach(clearState);

  it('does not hang the page: the decisions apply, listeners are told at most 50 times', async () => {
    const { win } = await openPage({ config });
    await ready(win);
    let told = 0;
    win.consentry.on('change', () => {
      told++;
      win.consentry.set({ categories: { performance: !win.consentry.allowed('performance') } });
    });
    win.consentry.acceptAll();
    expect(told).to.be.at.most(50);
    expect(told).to.be.at.least(2);
  });
});

describe('review2: a decision made through the API before the widget arrives', () => {
  beforeEach(clearState);

  it('no banner appears over a choice the site already made (acceptAll() right after the loader)', async () => {
    const { win, doc } = await openPage({ config, body: '<script>consentry.acceptAll()</script>' });
    // (Usually made before 'ready', queued; made after it when the loader was quicker than the parser.)
    await ready(win);
    expect(win.consentry.get().method).to.equal('accept-all');
    // The widget chunk was already on its way (a first visit); give it time to arrive and run.
    await until(() => (win as any).consentry.__core && (win as any).consentry.__core.ui, 4000, 'the widget');
    await sleep(300);
    const bn = doc.getElementById('consentry-ui')?.shadowRoot?.querySelector('.bn') as HTMLElement | null;
    expect(!!bn && !bn.hidden && bn.getClientRects().length > 0, 'a banner is showing').to.equal(false);
  });
});

describe('review2: a signal that appears after the default was stored (opt-out region)', () => {
  beforeEach(clearState);
  const optOut = { ...config, mode: { default: 'opt-out' }, vendors: [...config.vendors, { id: 'ads', name: 'Ads', category: 'advertising' }] };
  const dnt = `<script>Object.defineProperty(Navigator.prototype,'doNotTrack',{get:()=>'1',configurable:true})</script>`;

  it('Do Not Track turned on later denies advertising at once and records a "signal" decision', async () => {
    const b = beaconBucket();
    const { win: first } = await openPage({ config: optOut, attrs: `data-beacon="${b.url}"` });
    expect((await ready(first)).method).to.equal('opt-out-default');
    expect(first.consentry.allowed('advertising')).to.equal(true);
    await until(async () => (await b.records()).length == 1, 3000, 'the first record');
    const { win: next } = await openPage({ config: optOut, head: dnt, attrs: `data-beacon="${b.url}"` });
    const d = await ready(next);
    expect(next.consentry.allowed('advertising'), 'advertising under DNT').to.equal(false);
    expect(next.consentry.allowed('ads')).to.equal(false);
    expect(next.consentry.allowed('performance')).to.equal(true);
    expect(d && d.method).to.equal('signal');
    expect(d.signals.dnt).to.equal(true);
    const recs = await until(async () => ((await b.records()).length == 2 ? b.records() : null), 3000, 'the second record');
    expect(recs[1].method).to.equal('signal');
    expect(recs[1].id, 'the same consent id').to.equal(recs[0].id);
  });

  it('an explicit choice (custom) is kept when a signal appears later', async () => {
    const { win: first } = await openPage({ config: optOut });
    await ready(first);
    first.consentry.set({ categories: { advertising: true } });
    await sleep(50);
    const { win: next } = await openPage({ config: optOut, head: dnt });
    const d = await ready(next);
    expect(d && d.method).to.equal('custom');
    expect(next.consentry.allowed('advertising')).to.equal(true);
  });
});

describe('review2: an element named "consentry" in the page', () => {
  beforeEach(clearState);
  // `<div id="consentry">` (or `<form name="consentry">`) makes window.consentry that element.

  it('init() of the ES module still starts (a module runs after the body is parsed)', async () => {
    const { win } = await openPage({
      src: '',
      noConfig: true,
      body: '<div id="consentry"></div>',
      head: `<script type="module">
        import { init } from '/dist/esm/index.js';
        const api = init({ config: ${JSON.stringify(config)} });
        window.started = typeof api.acceptAll;
      </script>`,
    });
    expect(await until(() => (win as any).started, 3000, 'module init')).to.equal('function');
    await ready(win);
    win.consentry.acceptAll();
    expect(win.consentry.allowed('performance')).to.equal(true);
  });

  it('the loader placed after such an element still starts', async () => {
    const { win } = await openPage({ config, src: '', body: '<div id="consentry"></div><script src="/dist/consentry.js"></script>' });
    expect(typeof win.consentry.on).to.equal('function');
    expect(await ready(win)).to.equal(null);
  });
});

describe('the ES module with an assetBase relative to the page', () => {
  beforeEach(clearState);

  it('holds a vendor script, shows the banner from there, and an assetBase that is no URL still starts the gate', async () => {
    for (const base of ['/dist/', 'http://[']) {
      await clearState();
      const { url, requested } = fresh();
      const { win, doc } = await openPage({
        src: '',
        noConfig: true,
        head: `<script type="module">
          import { init } from '/dist/esm/index.js';
          init({ config: ${JSON.stringify(withHosts)}, assetBase: ${JSON.stringify(base)} });
          const s = document.createElement('script');
          s.src = ${JSON.stringify(url('ga', 'x.js?n=dynamic'))};
          document.head.appendChild(s);
          window.started = 1;
        </script>`,
      });
      await until(() => (win as any).started, 3000, 'module init');
      await until(() => doc.getElementById('consentry-ui')?.shadowRoot?.querySelector('.bn'), 4000, 'the banner with ' + base);
      await sleep(250);
      expect(await requested(), base).to.deep.equal([]);
      win.consentry.acceptAll();
      await until(async () => (await requested()).length, 3000, 'the vendor script');
    }
  });
});

describe('review2: a default decision stored in an opt-out region', () => {
  beforeEach(clearState);
  const regional = { ...config, mode: { default: 'opt-in', regions: { US: 'opt-out' } } };

  it('is no consent where the visitor is now in an opt-in region (data-region="DE"): only required runs and the banner asks', async () => {
    const { win: us } = await openPage({ config: regional, attrs: 'data-region="US"' });
    expect((await ready(us)).method).to.equal('opt-out-default');
    expect(us.consentry.allowed('performance')).to.equal(true);
    await sleep(50);
    const { win: de, doc } = await openPage({ config: regional, attrs: 'data-region="DE"' });
    expect(await ready(de), 'the decision in force in DE').to.equal(null);
    expect(de.consentry.allowed('performance')).to.equal(false);
    expect(de.consentry.allowed('ga')).to.equal(false);
    await until(() => doc.getElementById('consentry-ui')?.shadowRoot?.querySelector('.bn'), 4000, 'the banner');
  });

  it('a choice the visitor made there (reject-all, custom, accept-all) still applies in an opt-in region', async () => {
    const { win: us } = await openPage({ config: regional, attrs: 'data-region="US"' });
    await ready(us);
    us.consentry.set({ categories: { performance: true, advertising: false } });
    await sleep(50);
    const { win: de } = await openPage({ config: regional, attrs: 'data-region="DE"' });
    expect((await ready(de)).method).to.equal('custom');
    expect(de.consentry.allowed('performance')).to.equal(true);
  });
});

describe('review2: a vendor cookie rule that also matches the consent cookie', () => {
  beforeEach(clearState);
  // A careless rule ("every cookie of this vendor"): `.*`, or a prefix such as "c".
  const greedy = {
    revision: 1,
    mode: { default: 'opt-out' },
    vendors: [{ id: 'ga', name: 'GA', category: 'performance', cookies: [{ name: '.*', match: 'regex' }] }],
  };

  it('a withdrawal deletes the vendor\'s cookies but keeps the decision: the next page does not allow the vendor again', async () => {
    document.cookie = '_ga=GA1.1.1; Path=/';
    const { win } = await openPage({ config: greedy });
    expect((await ready(win)).method).to.equal('opt-out-default');
    win.consentry.rejectAll();
    await until(() => !/(^|; )_ga=/.test(win.document.cookie), 3000, 'the vendor cookie to go');
    await sleep(100);
    expect(cookieOf(win), 'the consent cookie').to.be.a('string');
    const { win: next } = await openPage({ config: greedy });
    const d = await ready(next);
    expect(d && d.method).to.equal('reject-all');
    expect(next.consentry.allowed('ga')).to.equal(false);
  });
});

describe('review2: set() with nothing to set', () => {
  beforeEach(clearState);
  const captureErrors = `<script>window.errors=[];{const e=console.error;console.error=(...a)=>{errors.push(a.join(' '));e.apply(console,a)}}</script>`;

  for (const [what, arg] of [
    ['no argument', undefined],
    ['{}', {}],
    ['"yes" for true', { categories: { performance: 'yes' } }],
    ['only unknown ids', { categories: { nosuch: true }, vendors: { nope: true } }],
  ] as [string, any][])
    it(`set(${what}) records no decision the visitor never made, and the banner still asks`, async () => {
      const b = beaconBucket();
      const { win, doc } = await openPage({ config, head: captureErrors, attrs: `data-beacon="${b.url}"` });
      await ready(win);
      win.consentry.set(arg);
      expect(win.consentry.get()).to.equal(null);
      expect(cookieOf(win)).to.equal(undefined);
      expect((win as any).errors.join('\n')).to.contain('set(): names no category or vendor');
      const root = await until(() => doc.getElementById('consentry-ui')?.shadowRoot, 4000, 'the widget');
      await until(() => root.querySelector('.bn'), 4000, 'the banner');
      await sleep(100);
      expect((root.querySelector('.bn') as HTMLElement).hidden).to.equal(false);
      expect(await b.records()).to.deep.equal([]);
    });

  it('set() naming one known id still decides (custom), the rest keep their state', async () => {
    const { win } = await openPage({ config });
    await ready(win);
    win.consentry.set({ vendors: { ga: true } });
    expect(win.consentry.get().method).to.equal('custom');
    expect(win.consentry.allowed('ga')).to.equal(true);
    expect(win.consentry.allowed('performance')).to.equal(false);
  });
});

describe('review2: a vendor consent function that throws', () => {
  beforeEach(clearState);
  // A site's own stub for Pinterest's tag that is not ready for calls yet.
  const broken = `<script>window.pintrk = function () { throw new Error('pintrk is not ready'); }; window.pintrk.queue = [];</script>`;
  const cfg = { revision: 1, vendors: [{ id: 'pinterest', name: 'Pinterest', category: 'advertising', consentApi: 'pinterest' }] };

  it('does not stop Consentry: the banner shows, a choice is recorded, sent and heard', async () => {
    const b = beaconBucket();
    const { win, doc } = await openPage({ config: cfg, head: broken, attrs: `data-beacon="${b.url}"` });
    await ready(win);
    const root = await until(() => doc.getElementById('consentry-ui')?.shadowRoot?.querySelector('.bn') && doc.getElementById('consentry-ui')!.shadowRoot, 4000, 'the banner');
    const heard: string[] = [];
    win.consentry.on('change', (d: any) => heard.push(d.method));
    try {
      win.consentry.acceptAll();
    } catch (e) {
      heard.push('threw: ' + (e as Error).message);
    }
    expect(heard).to.deep.equal(['accept-all']);
    expect(win.consentry.allowed('pinterest')).to.equal(true);
    await until(async () => (await b.records()).length == 1, 3000, 'the record');
    await until(() => (root!.querySelector('.bn') as HTMLElement | null)?.hidden !== false, 3000, 'the banner to close');
  });
});

describe('review2: a page whose dataLayer is not an array (Consent Mode on)', () => {
  beforeEach(clearState);

  it('Consentry still starts and records choices', async () => {
    const { win } = await openPage({ config: { ...config, googleConsentMode: true }, head: '<script>window.dataLayer = {};</script>' });
    await ready(win);
    win.consentry.acceptAll();
    expect(win.consentry.get().method).to.equal('accept-all');
    expect(win.consentry.allowed('performance')).to.equal(true);
  });
});

describe('review2: a vendor moved to another category without a new revision', () => {
  beforeEach(clearState);
  const before = { revision: 1, vendors: [{ id: 'hj', name: 'Hotjar', category: 'performance' }, { id: 'ga', name: 'GA', category: 'performance' }] };
  const after = { revision: 1, vendors: [{ id: 'hj', name: 'Hotjar', category: 'functional' }, { id: 'ga', name: 'GA', category: 'performance' }] };

  it('a vendor the visitor switched off stays off (the cookie says off, not "differs from its category")', async () => {
    const { win } = await openPage({ config: before });
    await ready(win);
    win.consentry.set({ categories: { performance: true, functional: false }, vendors: { hj: false } });
    expect(win.consentry.allowed('hj')).to.equal(false);
    await sleep(50);
    const { win: next } = await openPage({ config: after });
    const d = await ready(next);
    expect(next.consentry.allowed('hj'), 'the vendor the visitor refused').to.equal(false);
    if (d) expect(d.vendors.hj).to.equal(false);
  });

  it('the same with a long choice stored as a bitmap: refused stays refused (or the visitor is asked again)', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ id: `vendor-with-a-long-id-${i}`, name: 'V' + i, category: 'performance' }));
    const off = Object.fromEntries(many.map((v) => [v.id, false]));
    const cfgA = { revision: 1, vendors: many };
    const cfgB = { revision: 1, vendors: many.map((v, i) => (i == 7 ? { ...v, category: 'functional' } : v)) };
    const { win } = await openPage({ config: cfgA });
    await ready(win);
    win.consentry.set({ categories: { performance: true, functional: false }, vendors: off });
    expect(cookieOf(win)).to.contain('*');
    await sleep(50);
    const { win: next } = await openPage({ config: cfgB });
    await ready(next);
    expect(next.consentry.allowed(many[7].id)).to.equal(false);
  });
});
