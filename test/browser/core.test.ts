import { expect } from '@esm-bundle/chai';
import { beaconBucket, clearState, openPage, ready, sleep, until, TestWindow } from './page';
import { browserCookies } from './engine';
import { encode } from '../../src/store';
import { resolve } from '../../src/config';
import type { Decision } from '../../src/types';

const vendors = [
  { id: 'google-analytics', name: 'Google Analytics', category: 'performance', hosts: ['www.google-analytics.com'] },
  { id: 'hotjar', name: 'Hotjar', category: 'performance' },
  { id: 'doubleclick', name: 'DoubleClick', category: 'advertising' },
];
const config = { revision: 3, vendors };
/** Records console.error calls of the page, before the loader runs. */
const captureErrors = `<script>window.errors=[];{const e=console.error;console.error=(...a)=>{errors.push(a.join(' '));e.apply(console,a)}}</script>`;
const fakeDnt = (expr: string) => `<script>${expr}</script>`;

const cookieOf = (win: TestWindow, name = 'consentry') => {
  const m = new RegExp('(?:^|; )' + name + '=([^;]*)').exec(win.document.cookie);
  return m ? decodeURIComponent(m[1]) : undefined;
};

/** A stored decision as an earlier page would have written it. */
function storedCookie(overrides: Partial<Decision> & { config?: object }) {
  const cfg = resolve(overrides.config || config).config;
  const d: Decision = {
    id: '0b7e3c1e-2f43-4c1a-9d7e-1a2b3c4d5e6f',
    ts: new Date().toISOString(),
    revision: 3,
    categories: { required: true, functional: false, performance: true, advertising: false },
    vendors: { 'google-analytics': true, hotjar: true, doubleclick: false },
    method: 'custom',
    signals: { gpc: false, dnt: false },
    ...overrides,
  };
  document.cookie = `consentry=${encode(d, cfg)}; Path=/; SameSite=Lax`;
  return d;
}

describe('first visit in an opt-in region', () => {
  beforeEach(clearState);

  it('allows only required categories before any choice', async () => {
    const { win } = await openPage({ config });
    expect(await ready(win)).to.equal(null);
    expect(win.consentry.get()).to.equal(null);
    expect(win.consentry.allowed('required')).to.equal(true);
    for (const id of ['functional', 'performance', 'advertising', 'google-analytics', 'doubleclick']) expect(win.consentry.allowed(id), id).to.equal(false);
  });

  it('"Accept all" allows every category and vendor and stores a small cookie', async () => {
    const { win } = await openPage({ config });
    await ready(win);
    win.consentry.acceptAll();
    const d = win.consentry.get();
    expect(d.method).to.equal('accept-all');
    expect(d.revision).to.equal(3);
    expect(d.categories).to.deep.equal({ required: true, functional: true, performance: true, advertising: true });
    expect(d.vendors).to.deep.equal({ 'google-analytics': true, hotjar: true, doubleclick: true });
    expect(d.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(win.consentry.allowed('doubleclick')).to.equal(true);
    const value = cookieOf(win)!;
    expect(value.length).to.be.below(300);
    expect(value).not.to.contain(navigator.userAgent);
  });

  it('"Reject all" leaves only required allowed', async () => {
    const { win } = await openPage({ config });
    await ready(win);
    win.consentry.rejectAll();
    expect(win.consentry.get().method).to.equal('reject-all');
    expect(win.consentry.get().categories).to.deep.equal({ required: true, functional: false, performance: false, advertising: false });
    expect(win.consentry.allowed('google-analytics')).to.equal(false);
  });

  it('set() changes only what it names; a category takes its vendors along unless they are named', async () => {
    const { win } = await openPage({ config });
    await ready(win);
    win.consentry.set({ categories: { performance: true }, vendors: { hotjar: false } });
    let d = win.consentry.get();
    expect(d.method).to.equal('custom');
    expect(d.categories.performance).to.equal(true);
    expect(d.categories.functional).to.equal(false);
    expect(d.vendors).to.deep.equal({ 'google-analytics': true, hotjar: false, doubleclick: false });
    win.consentry.set({ vendors: { doubleclick: true } });
    d = win.consentry.get();
    expect(d.vendors).to.deep.equal({ 'google-analytics': true, hotjar: false, doubleclick: true });
    expect(win.consentry.allowed('advertising')).to.equal(false);
    expect(win.consentry.allowed('doubleclick')).to.equal(true);
  });

  it('required cannot be switched off', async () => {
    const { win } = await openPage({ config });
    await ready(win);
    win.consentry.set({ categories: { required: false } });
    expect(win.consentry.allowed('required')).to.equal(true);
  });

  it('tells site code that reads the decision what runs, not what was clicked', async () => {
    const bad = { revision: 1, vendors: [{ id: 'x', name: 'X', category: 'performance' }, { id: 'ads', name: 'Ads', category: 'ads' }] };
    const { win } = await openPage({ config: bad });
    await ready(win);
    const heard: any[] = [];
    win.document.addEventListener('consentry:change', (e: any) => heard.push(e.detail));
    win.consentry.acceptAll();
    expect(win.consentry.get()!.categories).to.include({ required: true, performance: false, advertising: false });
    expect(heard).to.have.length(1);
    expect(heard[0].categories).to.include({ required: true, performance: false });
  });

  it('gives two visitors different random consent ids', async () => {
    const a = (await openPage({ config })).win;
    await ready(a);
    a.consentry.acceptAll();
    const first = a.consentry.get().id;
    await clearState();
    const b = (await openPage({ config })).win;
    await ready(b);
    b.consentry.acceptAll();
    expect(b.consentry.get().id).not.to.equal(first);
  });
});

describe('events and API', () => {
  beforeEach(clearState);

  it('announces each change through on("change") and a consentry:change DOM event', async () => {
    const { win, doc } = await openPage({ config });
    await ready(win);
    const seen: any[] = [];
    const dom: any[] = [];
    const off = win.consentry.on('change', (d: any) => seen.push(d));
    doc.addEventListener('consentry:change', (e: any) => dom.push(e.detail));
    win.consentry.rejectAll();
    off();
    win.consentry.acceptAll();
    expect(seen.map((d) => d.method)).to.deep.equal(['reject-all']);
    expect(dom.map((d) => d.method)).to.deep.equal(['reject-all', 'accept-all']);
  });

  it('tells a late "ready" subscriber at once', async () => {
    const { win } = await openPage({ config });
    await ready(win);
    let heard = false;
    win.consentry.on('ready', () => (heard = true));
    await until(() => heard, 1000, 'late ready');
  });

  it('reset() forgets the choice and deletes the cookie', async () => {
    const { win } = await openPage({ config });
    await ready(win);
    win.consentry.acceptAll();
    win.consentry.reset();
    expect(win.consentry.get()).to.equal(null);
    expect(win.consentry.allowed('performance')).to.equal(false);
    expect(cookieOf(win)).to.equal(undefined);
  });

  it('holds calls made before the configuration arrives and applies them after', async () => {
    const { win } = await openPage({ config, fetch: true, body: '<script>consentry.acceptAll()</script>' });
    await ready(win);
    expect(win.consentry.get().method).to.equal('accept-all');
  });

  it('writes the cookie with Path=/ and SameSite=Lax for the configured lifetime', async () => {
    const { win } = await openPage({ config: { ...config, cookie: { name: 'cc', expiresDays: 30 } } });
    await ready(win);
    win.consentry.acceptAll();
    const c = (await browserCookies()).find((x) => x.name == 'cc')!;
    expect(c.path).to.equal('/');
    expect(c.sameSite).to.equal('Lax');
    expect(c.httpOnly).to.equal(false);
    const days = (c.expires * 1000 - Date.now()) / 864e5;
    expect(days).to.be.within(29.9, 30.1);
  });
});

describe('a returning visitor', () => {
  beforeEach(clearState);

  it('gets the stored decision back, with the same consent id', async () => {
    const stored = storedCookie({});
    const { win } = await openPage({ config });
    const d = await ready(win);
    expect(d.id).to.equal(stored.id);
    expect(d.categories).to.deep.equal(stored.categories);
    expect(win.consentry.allowed('performance')).to.equal(true);
    expect(win.consentry.allowed('doubleclick')).to.equal(false);
  });

  it('changes the choice through the API in the call\'s own task, so a reload right after keeps it', async () => {
    storedCookie({});
    const beacon = beaconBucket();
    const { win } = await openPage({ config: { ...config, beacon: { url: beacon.url } } });
    await ready(win);
    // What a site's own settings page does: change, then reload at once.
    win.consentry.rejectAll();
    expect([win.consentry.get()!.method, win.consentry.allowed('performance')]).to.deep.equal(['reject-all', false]);
    win.consentry.set({ vendors: { hotjar: true } });
    expect([win.consentry.get()!.method, win.consentry.allowed('hotjar'), win.consentry.allowed('google-analytics')]).to.deep.equal(['custom', true, false]);
    const old = win.document;
    win.location.reload();
    await until(() => win.document != old && win.document.readyState == 'complete' && win.consentry, 5000, 'the reloaded page');
    const after = await ready(win);
    expect([after.method, after.vendors.hotjar, after.vendors['google-analytics']]).to.deep.equal(['custom', true, false]);
    // Both records reach the ledger: from the page, or from the queue if the page was gone before
    // the ledger answered (then maybe twice: the ledger keeps one record per consent id and time,
    // and the one resent from the queue may arrive after the newer one: read them in time order).
    const both = async () => [...new Map((await beacon.records()).sort((a: any, b: any) => (a.ts < b.ts ? -1 : 1)).map((r: any) => [r.id + r.ts, r.method])).values()];
    await until(async () => (await both()).length >= 2, 5000, 'both records');
    expect(await both()).to.deep.equal(['reject-all', 'custom']);
  });

  it('is asked again once the choice is older than cookie.expiresDays', async () => {
    storedCookie({ ts: new Date(Date.now() - 183 * 864e5).toISOString() });
    const { win } = await openPage({ config });
    expect(await ready(win)).to.equal(null);
    expect(win.consentry.allowed('performance')).to.equal(false);
  });

  it('is asked again when the revision rises, and the old choice no longer applies', async () => {
    const stored = storedCookie({ revision: 2 });
    const { win } = await openPage({ config });
    expect(await ready(win)).to.equal(null);
    expect(win.consentry.allowed('performance')).to.equal(false);
    win.consentry.rejectAll();
    // The same consent id links the old and the new decision in the ledger.
    expect(win.consentry.get().id).to.equal(stored.id);
    expect(win.consentry.get().revision).to.equal(3);
  });

  for (const [what, value] of [
    [
      'a tampered',
      () => {
        // An earlier time, as if someone tried to extend the choice's life.
        const f = encode(storedCookie({}), resolve(config).config).split('.');
        f[2] = (parseInt(f[2], 36) + 864e5).toString(36);
        return f.join('.');
      },
    ],
    ['a malformed', () => 'not%20a%20consent%20cookie'],
    ['a truncated', () => encode(storedCookie({}), resolve(config).config).slice(0, 40)],
    ['an empty', () => ''],
  ] as const) {
    it(`treats ${what} cookie as no choice yet`, async () => {
      const v = (value as () => string)();
      document.cookie = `consentry=${v}; Path=/`;
      const { win } = await openPage({ config });
      expect(await ready(win)).to.equal(null);
      expect(win.consentry.allowed('performance')).to.equal(false);
    });
  }

  it('rejects a cookie whose checksum no longer matches after an edit', async () => {
    storedCookie({});
    const raw = decodeURIComponent(document.cookie.match(/consentry=([^;]*)/)![1]);
    document.cookie = `consentry=${raw.replace('performance', 'advertising')}; Path=/`;
    const { win } = await openPage({ config });
    expect(await ready(win)).to.equal(null);
    expect(win.consentry.allowed('advertising')).to.equal(false);
  });
});

describe('embedding', () => {
  beforeEach(clearState);

  it('says why nothing started when the loader is a module script', async () => {
    const { win } = await openPage({ attrs: 'type="module"', head: captureErrors });
    await until(() => (win as any).errors.length, 3000, 'a console error');
    expect((win as any).errors.join('\n')).to.contain('[consentry] not started: load consentry.js as a classic script');
    expect(win.consentry).to.equal(undefined);
  });
});

describe('an invalid configuration', () => {
  beforeEach(clearState);

  it('fails closed and logs one error naming the field', async () => {
    const bad = { revision: 1, vendors: [{ id: 'x', name: 'X', category: 'performance' }, { id: 'ads', name: 'Ads', category: 'ads' }] };
    const { win } = await openPage({ config: bad, head: captureErrors });
    await ready(win);
    const errors = (win as any).errors.filter((e: string) => e.includes('[consentry]'));
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('vendors[1].category: unknown category "ads"');
    // The visitor may still choose, but nothing non-required opens while the file is broken.
    win.consentry.acceptAll();
    expect(win.consentry.allowed('performance')).to.equal(false);
    expect(win.consentry.allowed('x')).to.equal(false);
    expect(win.consentry.allowed('required')).to.equal(true);
  });

  it('fails closed on JSON that does not parse', async () => {
    const { win } = await openPage({ rawConfig: '{"revision": 1,', head: captureErrors });
    await ready(win);
    expect((win as any).errors.join('\n')).to.match(/\[consentry\].*could not be read/);
    win.consentry.acceptAll();
    expect(win.consentry.allowed('performance')).to.equal(false);
  });

  it('fails closed when data-config cannot be fetched', async () => {
    const { win } = await openPage({ attrs: 'data-config="/no-such-config.json"', noConfig: true, head: captureErrors });
    await ready(win);
    expect((win as any).errors.join('\n')).to.contain('/no-such-config.json');
    expect(win.consentry.allowed('performance')).to.equal(false);
  });

  it('checks a fetched configuration with the validator chunk', async () => {
    const { win } = await openPage({ config: { revision: 1, mode: { default: 'opt-sideways' } }, fetch: true, head: captureErrors });
    await ready(win);
    expect((win as any).errors.join('\n')).to.contain('mode.default: must be one of "opt-in", "opt-out"');
  });
});

describe('regions', () => {
  beforeEach(clearState);
  const regional = { revision: 1, mode: { default: 'opt-in', regions: { US: 'opt-out', 'US-CA': 'opt-in' } } };

  for (const [attrs, expected] of [
    ['data-region="US-CA"', 'opt-in'],
    ['data-region="US-TX"', 'opt-out'],
    ['data-region="US"', 'opt-out'],
    ['data-region="DE"', 'opt-in'],
    ['', 'opt-in'],
  ]) {
    it(`${attrs || 'no data-region'} selects ${expected}`, async () => {
      const { win } = await openPage({ config: regional, attrs });
      await ready(win);
      expect(win.consentry.allowed('performance')).to.equal(expected == 'opt-out');
      expect(win.consentry.__core.mode).to.equal(expected);
    });
  }

  it('an opt-out region stores and records the default decision on the first page view', async () => {
    const b = beaconBucket();
    const { win } = await openPage({ config: { ...regional, vendors }, attrs: `data-region="US" data-beacon="${b.url}"` });
    const d = await ready(win);
    expect(d.method).to.equal('opt-out-default');
    expect(d.categories).to.deep.equal({ required: true, functional: true, performance: true, advertising: true });
    expect(cookieOf(win)).to.be.a('string');
    const [rec] = await until(async () => (await b.records()).length && b.records(), 3000, 'record');
    expect(rec.method).to.equal('opt-out-default');
    expect(rec.id).to.equal(d.id);
  });
});

describe('Do Not Track', () => {
  beforeEach(clearState);

  for (const [name, expr] of [
    ['navigator.doNotTrack = "1"', `Object.defineProperty(Navigator.prototype,'doNotTrack',{get:()=>'1',configurable:true})`],
    ['navigator.doNotTrack = "yes"', `Object.defineProperty(Navigator.prototype,'doNotTrack',{get:()=>'yes',configurable:true})`],
    ['window.doNotTrack = "1"', `Object.defineProperty(Navigator.prototype,'doNotTrack',{get:()=>null,configurable:true});window.doNotTrack='1'`],
    ['navigator.msDoNotTrack = "1"', `Object.defineProperty(Navigator.prototype,'doNotTrack',{get:()=>null,configurable:true});navigator.msDoNotTrack='1'`],
  ]) {
    it(`${name} denies advertising on "Accept all" but not the other categories`, async () => {
      const { win } = await openPage({ config, head: fakeDnt(expr) });
      await ready(win);
      win.consentry.acceptAll();
      const d = win.consentry.get();
      expect(d.signals).to.deep.equal({ gpc: false, dnt: true });
      expect(d.categories).to.deep.equal({ required: true, functional: true, performance: true, advertising: false });
      expect(d.vendors.doubleclick).to.equal(false);
    });
  }

  it('navigator.doNotTrack = "0" denies nothing', async () => {
    const { win } = await openPage({ config, head: fakeDnt(`Object.defineProperty(Navigator.prototype,'doNotTrack',{get:()=>'0',configurable:true})`) });
    await ready(win);
    win.consentry.acceptAll();
    expect(win.consentry.get().signals.dnt).to.equal(false);
    expect(win.consentry.allowed('advertising')).to.equal(true);
  });

  it('a category that lists "dnt" in signals is denied too; one that lists none is not', async () => {
    const cats = { revision: 1, categories: [{ id: 'required', required: true }, { id: 'analytics', signals: ['dnt'] }, { id: 'advertising', signals: [] }] };
    const { win } = await openPage({ config: cats, head: fakeDnt(`Object.defineProperty(Navigator.prototype,'doNotTrack',{get:()=>'1',configurable:true})`) });
    await ready(win);
    win.consentry.acceptAll();
    expect(win.consentry.allowed('analytics')).to.equal(false);
    expect(win.consentry.allowed('advertising')).to.equal(true);
  });
});

describe('the consent record beacon', () => {
  beforeEach(clearState);

  it('sends each decision as text/plain JSON with the page URL stripped of query and fragment', async () => {
    const b = beaconBucket();
    const { win } = await openPage({ config: { ...config, beacon: { url: b.url } }, suffix: '?email=me@example.com#secret', attrs: 'data-lang="de"' });
    await ready(win);
    win.consentry.set({ categories: { performance: true } });
    const raw = await until(async () => ((await b.raw()).records.length ? (await b.raw()).records[0] : null), 3000, 'record');
    expect(raw.contentType).to.match(/^text\/plain/);
    const r = raw.record;
    expect(Object.keys(r).sort()).to.deep.equal(['categories', 'id', 'lang', 'method', 'revision', 'signals', 'ts', 'url', 'v', 'vendors']);
    expect(r.v).to.equal(1);
    expect(r.url).to.equal(win.location.origin + win.location.pathname);
    expect(r.url).not.to.contain('email');
    expect(r.lang).to.equal('de');
    expect(r.method).to.equal('custom');
    expect(r.categories).to.deep.equal({ required: true, functional: false, performance: true, advertising: false });
    expect(r.vendors).to.deep.equal({ 'google-analytics': true, hotjar: true, doubleclick: false });
    expect(r.signals).to.deep.equal({ gpc: false, dnt: false });
    expect(Date.parse(r.ts)).to.be.closeTo(Date.now(), 60000);
  });

  it('data-beacon overrides beacon.url', async () => {
    const a = beaconBucket();
    const b = beaconBucket();
    const { win } = await openPage({ config: { ...config, beacon: { url: a.url } }, attrs: `data-beacon="${b.url}"` });
    await ready(win);
    win.consentry.acceptAll();
    await until(async () => (await b.records()).length, 3000, 'record at data-beacon');
    expect(await a.records()).to.have.length(0);
  });

  it('keeps a record the endpoint refused and delivers it on the next page load', async () => {
    const b = beaconBucket();
    await b.status(503);
    const page = { config: { ...config, beacon: { url: b.url } } };
    const first = (await openPage(page)).win;
    await ready(first);
    first.consentry.acceptAll();
    const id = first.consentry.get().id;
    await until(async () => (await b.raw()).attempts > 0, 3000, 'first attempt');
    await sleep(50);
    expect(await b.records()).to.have.length(0);
    expect(JSON.parse(localStorage.getItem('consentry:queue')!)).to.have.length(1);
    await b.status(204);
    const second = (await openPage(page)).win;
    await ready(second);
    const [rec] = await until(async () => ((await b.records()).length ? b.records() : null), 3000, 'redelivery');
    expect(rec.id).to.equal(id);
    expect(rec.method).to.equal('accept-all');
    await until(() => !localStorage.getItem('consentry:queue'), 3000, 'queue emptied');
  });

  it('does not send anything for a returning visitor whose choice still applies', async () => {
    const b = beaconBucket();
    storedCookie({});
    const { win } = await openPage({ config: { ...config, beacon: { url: b.url } } });
    await ready(win);
    await sleep(200);
    expect((await b.raw()).attempts).to.equal(0);
  });
});

describe('language', () => {
  beforeEach(clearState);
  const langOf = async (o: Parameters<typeof openPage>[0]) => {
    const { win } = await openPage(o);
    await ready(win);
    return win.consentry.__core.lang;
  };

  it('takes data-lang first, then <html lang>, then falls back to English', async () => {
    expect(await langOf({ config, attrs: 'data-lang="fr"', htmlLang: 'de' })).to.equal('fr');
    expect(await langOf({ config, htmlLang: 'pt-BR' })).to.equal('pt');
    expect(await langOf({ config, htmlLang: 'xx' })).to.satisfy((l: string) => navigator.languages.map((x) => x.split('-')[0]).concat('en').includes(l));
  });

  it('offers a language the configuration adds texts for', async () => {
    expect(await langOf({ config: { ...config, texts: { sv: { 'banner.title': 'Vi använder kakor' } } }, htmlLang: 'sv' })).to.equal('sv');
  });
});

describe('the ES module', () => {
  beforeEach(clearState);

  it('starts the same engine with init() and exports the API', async () => {
    const { win } = await openPage({
      src: '',
      noConfig: true,
      head: `<script type="module">
        import { init, allowed, acceptAll, on } from '/dist/esm/index.js';
        init({ config: ${JSON.stringify(config)}, region: 'DE' });
        on('ready', () => { acceptAll(); window.esm = { performance: allowed('performance') }; });
      </script>`,
    });
    const result = await until(() => (win as any).esm, 3000, 'module init');
    expect(result.performance).to.equal(true);
    expect(win.consentry.get().method).to.equal('accept-all');
  });
});
