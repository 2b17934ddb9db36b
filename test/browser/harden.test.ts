/**
 * The configuration is data and the browser's storage is untrusted input: what a visitor
 * sees when either is hostile. One describe per class of issue 11 (items 1–5); the random
 * version of the same checks is harden-fuzz.test.ts.
 */
import { expect } from '@esm-bundle/chai';
import { beaconBucket, clearState, openPage, ready, sleep, until, TestWindow } from './page';
import { encode } from '../../src/store';
import { resolve } from '../../src/config';
import { LIMITS } from '../../src/limits';
import type { Decision } from '../../src/types';
import { clickUnsafeLinks, links, ran, watch, widget } from '../support/harden-checks.mjs';
import { CANARY } from '../support/fuzz-configs.mjs';

const js = `window.${CANARY}=1`;
const vendors = [
  { id: 'yt', name: 'YouTube', category: 'functional', hosts: ['yt.localhost'], privacyPolicyUrl: 'https://policies.example/yt', optOutUrl: 'https://policies.example/yt/out' },
  { id: 'ga', name: 'Google Analytics', category: 'performance', hosts: ['ga.localhost'], privacyPolicyUrl: '/privacy/ga', cookies: [{ name: '_ga', match: 'prefix' }] },
];
const config = { revision: 3, policyUrl: 'https://example.com/cookie-notice', vendors };
const iframe = `<iframe data-consent="yt" data-src="http://yt.localhost:${location.port}/__vendor/x/embed.html"></iframe>`;
const errors = (win: TestWindow) => (win as any).errors as string[];
const logged = (win: TestWindow) => ((win as any).logged as string[]).filter((e) => e.includes('[consentry]'));
const queue = (win: TestWindow = window as any) => win.localStorage.getItem('consentry:queue');
/** JSON as a page inlines it: "<" escaped, so "</script>" in a value cannot close the element. */
const inline = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

describe('URLs from the configuration reach the page only as http(s) or relative links', () => {
  beforeEach(clearState);

  /** Each field gets another spelling of a script URL. */
  const hostile = (spellings: string[]) => ({
    ...config,
    policyUrl: spellings[0],
    vendors: [{ ...vendors[0], privacyPolicyUrl: spellings[1], optOutUrl: spellings[2] }, { ...vendors[1], optOutUrl: spellings[3] }],
  });
  const spellings = [
    [`javascript:${js}`, ` jAvAsCrIpT:${js}`, `java\tscript:${js}`, `data:text/html,<script>${js}</script>`],
    [`JAVASCRIPT:${js}`, `\u0001javascript:${js}`, `vbscript:${js}`, `java\nscript:${js}`],
  ];

  for (const [i, s] of spellings.entries())
    it(`a script URL in any URL field (set ${i + 1}) is never drawn in the banner, the dialog or a placeholder; the error names the field`, async () => {
      const { win, doc } = await openPage({ rawConfig: inline(hostile(s)), head: watch, body: iframe });
      await ready(win);
      expect(await widget(doc)).to.not.equal(null);
      expect(await clickUnsafeLinks(win, doc)).to.deep.equal([]);
      expect(ran(win)).to.equal(false);
      expect(logged(win).join()).to.match(/policyUrl: must be an https:, http: or relative URL/);
      expect(errors(win)).to.deep.equal([]);
    });

  it('the runtime refuses them too when the configuration was never validated (baked by hand), and keeps the good ones', async () => {
    const baked = `<script>window.__consentryConfig=${inline(hostile(spellings[0]))}</script>`;
    const { win, doc } = await openPage({ noConfig: true, head: watch + baked, body: iframe });
    await ready(win);
    expect(await widget(doc)).to.not.equal(null);
    expect(await clickUnsafeLinks(win, doc)).to.deep.equal([]);
    expect(ran(win)).to.equal(false);
    // Relative URLs are resolved against the page, so what was checked is what is followed.
    const hrefs = links(doc).map((a) => a.getAttribute('href'));
    expect(hrefs).to.include(new URL('/privacy/ga', win.location.href).href);
    expect(errors(win)).to.deep.equal([]);
  });

  it('init({ config }) of the ES module checks the configuration too: the field is named and its link is not drawn', async () => {
    const esm = `<script type="module">import { init } from '/dist/esm/index.js'; init({ config: ${inline(hostile(spellings[0]))} });</script>`;
    const { win, doc } = await openPage({ src: '', head: watch + esm, body: iframe });
    await until(() => win.consentry, 3000, 'the ES module');
    await ready(win);
    expect(await widget(doc)).to.not.equal(null);
    expect(await clickUnsafeLinks(win, doc)).to.deep.equal([]);
    expect(ran(win)).to.equal(false);
    expect(logged(win).join()).to.match(/policyUrl: must be an https:, http: or relative URL/);
    win.consentry.acceptAll();
    expect(win.consentry.allowed('performance')).to.equal(false);
  });

  for (const url of ['data:text/plain,ok', `javascript:${js}`, ` JavaScript:${js}`])
    it(`data-beacon="${url.slice(0, 16)}…" is refused like a bad field: one error names it, nothing is "acknowledged" by it, tags stay closed`, async () => {
      const { win } = await openPage({ config, attrs: `data-beacon="${url}"`, head: watch });
      await ready(win);
      expect(logged(win)).to.have.length(1);
      expect(logged(win)[0]).to.contain('data-beacon: not an http(s) URL');
      win.consentry.acceptAll();
      await sleep(200);
      expect(win.consentry.allowed('performance')).to.equal(false);
      expect(ran(win)).to.equal(false);
      expect(errors(win)).to.deep.equal([]);
    });
});

/** FNV-1a as the store computes it: a forger can always make the checksum fit. */
function sum(s: string) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
/** A consent cookie for `config` with one field replaced, and a checksum that fits. */
function forged(field: number, value: string) {
  const d: Decision = {
    id: '0b7e3c1e-2f43-4c1a-9d7e-1a2b3c4d5e6f',
    ts: new Date().toISOString(),
    revision: 3,
    categories: { required: true, functional: true, performance: true, advertising: false },
    vendors: { yt: true, ga: true },
    method: 'custom',
    signals: { gpc: false, dnt: false },
  };
  const f = encode(d, resolve(config).config).split('.').slice(0, 7);
  f[field] = value;
  return f.join('.') + '.' + sum(f.join('.'));
}

describe('a consent cookie the store cannot fully trust means "ask again", never an error', () => {
  beforeEach(clearState);

  const cases: [string, number, string][] = [
    ['a time out of range (Invalid time value)', 2, 'zzzzzzzzzzzz'],
    ['a time a year in the future', 2, (Date.now() + 365 * 864e5).toString(36)],
    ['a time before 2020', 2, Date.UTC(2001, 0, 1).toString(36)],
    ['a negative time', 2, '-1'],
    ['a negative revision', 3, '-1'],
    ['a revision beyond any configuration', 3, '99999999999'],
    ['method flags that wrap round to "accept-all"', 4, String(2 ** 32 + 2)],
    ['an allowed category named "constructor"', 5, 'functional~constructor'],
    ['an allowed category named "__proto__"', 5, '__proto__'],
    ['a vendor the configuration does not know', 6, 'nobody'],
    ['a vendor override "!constructor"', 6, '!constructor'],
  ];
  for (const [what, field, value] of cases)
    it(`${what}: the banner shows, nothing is allowed, "Cookie Preferences" works`, async () => {
      document.cookie = `consentry=${forged(field, value)}; Path=/`;
      const { win, doc } = await openPage({ config, head: watch, body: '<a href="#" data-consentry-open>Cookie Preferences</a>' });
      expect(await Promise.race([ready(win), sleep(4000).then(() => 'no ready event')])).to.equal(null);
      expect(win.consentry.allowed('functional')).to.equal(false);
      expect(await widget(doc)).to.not.equal(null);
      (doc.querySelector('[data-consentry-open]') as HTMLElement).click();
      expect(await widget(doc, '.dlg')).to.not.equal(null);
      expect(errors(win)).to.deep.equal([]);
    });

  it('the same cookie, untouched, is still a returning visitor’s choice', async () => {
    document.cookie = `consentry=${forged(3, '3')}; Path=/`;
    const { win } = await openPage({ config });
    expect((await ready(win)).method).to.equal('custom');
    expect(win.consentry.allowed('functional')).to.equal(true);
  });

  it('a sandboxed page (no cookies, no storage: both throw) still shows the banner and takes a choice', async () => {
    const report = `<script src="/dist/consentry.js"></script><script>
      const out = (m) => parent.postMessage({ harden: m }, '*');
      consentry.on('ready', () => {
        consentry.acceptAll();
        setTimeout(() => out({ banner: !!document.getElementById('consentry-ui'), allowed: consentry.allowed('functional'), errors }), 500);
      });</script>`;
    const html = `<!doctype html><html lang="en"><head>${watch}<script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>${report}</head><body></body></html>`;
    const id = await (await fetch('/test-page', { method: 'POST', body: html })).text();
    const got = new Promise<any>((r) => addEventListener('message', (e) => e.data && e.data.harden && r(e.data.harden)));
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.src = `/test-page/${id}`;
    document.body.appendChild(frame);
    expect(await Promise.race([got, sleep(6000).then(() => 'no ready event')])).to.deep.equal({ banner: true, allowed: true, errors: [] });
  });
});

/** A record as an earlier page queued it. */
const record = (over: object = {}) => ({
  v: 1,
  id: '0b7e3c1e-2f43-4c1a-9d7e-1a2b3c4d5e6f',
  ts: new Date(Date.now() - 60000).toISOString(),
  revision: 3,
  categories: { required: true, functional: false, performance: false, advertising: false },
  vendors: { yt: false, ga: false },
  method: 'reject-all',
  signals: { gpc: false, dnt: false },
  url: 'https://example.com/',
  lang: 'en',
  ...over,
});

describe('the beacon queue is untrusted input', () => {
  beforeEach(clearState);
  const gated = '<script type="text/plain" data-consent="performance">window.ran.push("performance")</script>';

  const poisons: [string, string][] = [
    ['[null]', '[null]'],
    ['null', 'null'],
    ['an object', '{"0":{"v":1},"length":1}'],
    ['not JSON', '[{"v":1,'],
    ['numbers, strings and arrays', '[1,"x",[],{},true]'],
    ['records missing fields', '[{"v":1},{"v":1,"id":"0b7e3c1e-2f43-4c1a-9d7e-1a2b3c4d5e6f","method":"custom","categories":null}]'],
    ['maps that are not of booleans', JSON.stringify([record({ categories: { required: 'yes' } }), record({ signals: null })])],
    ['a good record among junk', JSON.stringify([null, record(), 7])],
    ['a megabyte of text', JSON.stringify(['x'.repeat(1 << 20)])],
  ];
  for (const [what, value] of poisons)
    it(`${what}: "Accept all" still releases the gated tags; junk is dropped, never sent`, async () => {
      const beacon = beaconBucket();
      localStorage.setItem('consentry:queue', value);
      const { win } = await openPage({ config, attrs: `data-beacon="${beacon.url}"`, head: watch + '<script>window.ran=[]</script>', body: gated });
      await ready(win);
      win.consentry.acceptAll();
      await until(() => win.ran!.includes('performance'), 3000, 'the gated tag');
      await until(async () => (await beacon.raw()).attempts >= 1 + +(what == 'a good record among junk'), 3000, 'the records');
      const sent = await beacon.records();
      for (const r of sent) expect(r).to.have.keys(Object.keys(record()));
      // Two requests at once (the earlier page's and this one's): in whichever order they arrive.
      expect(sent.map((r) => r.method).sort()).to.deep.equal(what == 'a good record among junk' ? ['accept-all', 'reject-all'] : ['accept-all']);
      await until(() => !queue(win), 2000, 'an empty queue');
      expect(errors(win)).to.deep.equal([]);
    });

  for (const status of [400, 409, 413])
    it(`a record the ledger refuses for good (${status}) leaves the queue, so it is not sent on every page`, async () => {
      const beacon = beaconBucket();
      await beacon.status(status);
      const { win } = await openPage({ config, attrs: `data-beacon="${beacon.url}"` });
      await ready(win);
      win.consentry.acceptAll();
      await until(async () => (await beacon.raw()).attempts == 1, 3000, 'the post');
      await until(() => !queue(win), 2000, 'an empty queue');
      const again = await openPage({ config, attrs: `data-beacon="${beacon.url}"` });
      await ready(again.win);
      await sleep(300);
      expect((await beacon.raw()).attempts).to.equal(1);
    });

  it('a record the endpoint could not take for now (503) stays queued, bounded by bytes as well as count', async () => {
    const beacon = beaconBucket();
    await beacon.status(503);
    // Records as big as the ledger takes: twenty of them would be 300 KB of localStorage.
    const big = (i: number) => record({ ts: new Date(Date.now() - i * 1000).toISOString(), vendors: Object.fromEntries(Array.from({ length: 250 }, (_, j) => [`vendor-${j}-${'x'.repeat(40)}`, false])) });
    localStorage.setItem('consentry:queue', JSON.stringify(Array.from({ length: 20 }, (_, i) => big(20 - i))));
    expect(queue()!.length).to.be.above(200000);
    const { win } = await openPage({ config, attrs: `data-beacon="${beacon.url}"` });
    await ready(win);
    win.consentry.rejectAll();
    await sleep(300);
    const q = JSON.parse(queue(win)!);
    expect(queue(win)!.length).to.be.at.most(LIMITS.queueBytes);
    expect(q.length).to.be.at.most(LIMITS.queue);
    // The newest record (this page's) is kept, the oldest go first.
    expect(q[q.length - 1].method).to.equal('reject-all');
  });
});

describe('ids are data: a look-up by id sees only the configuration’s own ids', () => {
  beforeEach(clearState);
  const names = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__proto__', '__defineGetter__', 'propertyIsEnumerable'];

  it('allowed() answers false for Object.prototype member names, before and after "Accept all"', async () => {
    const { win } = await openPage({ config });
    await ready(win);
    for (const n of names) expect(win.consentry.allowed(n), n).to.equal(false);
    win.consentry.acceptAll();
    for (const n of names) expect(win.consentry.allowed(n), n).to.equal(false);
    expect(win.consentry.allowed('ga')).to.equal(true);
  });

  it('a vendor whose id is "constructor" is allowed exactly when the visitor allows it, and its choice is remembered', async () => {
    const cfg = { revision: 1, vendors: [{ id: 'constructor', name: 'Builder', category: 'performance' }, { id: 'valueof', name: 'Worth', category: 'functional' }] };
    const { win } = await openPage({ config: cfg, head: watch });
    await ready(win);
    expect(win.consentry.allowed('constructor')).to.equal(false);
    win.consentry.rejectAll();
    expect(win.consentry.get().vendors).to.deep.equal({ constructor: false, valueof: false });
    expect(win.consentry.allowed('constructor')).to.equal(false);
    win.consentry.set({ vendors: { constructor: true } });
    expect(win.consentry.allowed('constructor')).to.equal(true);
    expect(win.consentry.allowed('valueof')).to.equal(false);
    const again = await openPage({ config: cfg });
    expect((await ready(again.win)).vendors).to.deep.equal({ constructor: true, valueof: false });
    expect(errors(win)).to.deep.equal([]);
  });

  it('a configuration with "__proto__" and "constructor" keys fails closed with the field named, not a TypeError', async () => {
    const raw = `{"revision":1,"__proto__":{"policyUrl":"javascript:${js}"},"ui":{"constructor":{}},"vendors":${JSON.stringify(vendors)}}`;
    const { win, doc } = await openPage({ rawConfig: raw, head: watch });
    await ready(win);
    expect(logged(win)).to.have.length(1);
    expect(logged(win)[0]).to.contain('__proto__: unknown field');
    expect(await widget(doc)).to.not.equal(null);
    win.consentry.acceptAll();
    expect(win.consentry.allowed('performance')).to.equal(false);
    expect(await clickUnsafeLinks(win, doc)).to.deep.equal([]);
    expect(ran(win)).to.equal(false);
  });
});

describe('texts', () => {
  beforeEach(clearState);

  it('a language code Intl cannot format dates in is refused, so "Cookie Preferences" still opens for a returning visitor', async () => {
    document.cookie = `consentry=${forged(3, '3')}; Path=/`;
    const { win, doc } = await openPage({ config: { ...config, texts: { 'en-a1': { 'banner.title': 'Hi' } } }, attrs: 'data-lang="en-a1"', head: watch });
    await ready(win);
    await Promise.race([win.consentry.show(), sleep(3000)]);
    expect(await widget(doc, '.dlg')).to.not.equal(null);
    expect(errors(win)).to.deep.equal([]);
    expect(logged(win)[0]).to.contain('texts.en-a1: is not a language code');
  });
});

describe('what goes into a cookie attribute, and cookie rules', () => {
  beforeEach(clearState);

  it('cookie.domain with an attribute smuggled in is refused, and the choice is still stored', async () => {
    const { win } = await openPage({ config: { ...config, cookie: { domain: 'localhost;Max-Age=0' } }, head: watch });
    await ready(win);
    expect(logged(win)[0]).to.contain('cookie.domain: must be a lowercase host');
    win.consentry.rejectAll();
    expect(win.document.cookie).to.match(/(^|; )consentry=1\./);
  });

  /** 25 "a"s and a "!": `^(a+)+$` tries every way to split the a's before it fails. */
  const evil = 'a'.repeat(25) + '!';
  const rules = { ...vendors[1], cookies: [{ name: '^(a+)+$', match: 'regex' }, { name: '^_ga\\w*$', match: 'regex' }] };

  it('a catastrophic pattern in a checked configuration is an error naming the rule, and nothing freezes', async () => {
    const { win } = await openPage({ config: { ...config, vendors: [vendors[0], rules] }, head: watch });
    await ready(win);
    expect(logged(win)[0]).to.contain('vendors[1].cookies[0].name: may take seconds to match');
    win.document.cookie = evil + '=1; Path=/';
    const t = performance.now();
    win.consentry.acceptAll();
    win.consentry.rejectAll();
    console.log(`rejectAll with a checked catastrophic rule: ${(performance.now() - t).toFixed(0)} ms`);
  });

  it('a catastrophic pattern in an unchecked configuration is never run: the other rules still delete their cookies', async () => {
    const baked = `<script>window.__consentryConfig=${JSON.stringify({ ...config, vendors: [vendors[0], rules] })}</script>`;
    const { win } = await openPage({ noConfig: true, head: watch + baked });
    await ready(win);
    win.consentry.acceptAll();
    for (const c of [evil, 'aaa', '_gax']) win.document.cookie = c + '=1; Path=/';
    const t = performance.now();
    win.consentry.rejectAll();
    await until(() => !win.document.cookie.includes('_gax='), 3000, 'the safe rule to delete _gax');
    console.log(`rejectAll and cleanup with an unchecked catastrophic rule: ${(performance.now() - t).toFixed(0)} ms`);
    expect(win.document.cookie).to.contain('aaa=1');
    expect(win.document.cookie).to.contain(evil + '=1');
    expect(errors(win)).to.deep.equal([]);
  });
});
