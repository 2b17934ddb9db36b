import { expect } from '@esm-bundle/chai';
import { beaconBucket, clearState, openPage, ready, sleep, until, TestWindow } from './page';
import { config, fresh, recorder } from './fixtures/vendors';

/** Long enough for a request that was going to happen to reach the test server. */
const SETTLE = 250;
const ranOf = (win: TestWindow) => (win as any).ran as string[];
/** Gated external tags on the ga stand-in, one per `name&query` (`first&delay=60`): each records its name. */
const externals = (url: (host: string, file: string) => string, tags: string[]) =>
  tags.map((n) => `<script type="text/plain" data-consent="performance" src="${url('ga', 'x.js?n=' + n)}"></script>`).join('');
/** The resource timing of each named tag's request, in the order given. */
const timings = (win: TestWindow, names: string[]) =>
  names.map((n) => win.performance.getEntriesByType('resource').find((e) => e.name.includes('n=' + n)) as PerformanceResourceTiming);
/** A first visit with `tags` (see externals): Accept all, then each ran; their requests' timings. */
async function acceptAllOf(tags: string[], ms = 3000) {
  const { url } = fresh();
  const { win } = await openPage({ config, head: recorder, body: externals(url, tags) });
  await ready(win);
  const at = win.performance.now();
  win.consentry.acceptAll();
  const names = tags.map((n) => n.split('&')[0]);
  await until(() => ranOf(win).length == names.length, ms, 'the tags');
  expect(ranOf(win)).to.deep.equal(names);
  return Object.assign(timings(win, names), { at });
}
/** One static gated tag of each kind, on three vendors' hosts. */
const eachKind = (url: (host: string, file: string) => string) => `
  <script type="text/plain" data-consent="performance" src="${url('ga', 'a.js')}"></script>
  <script type="text/plain" data-consent="advertising">ran.push('inline')</script>
  <iframe data-consent="yt" data-src="${url('yt', 'embed.html')}"></iframe>
  <img data-consent="advertising" data-src="${url('x.ads', 'p.gif')}" data-srcset="${url('x.ads', 'p2.gif')} 2x" alt="">`;

describe('static gated tags', () => {
  beforeEach(clearState);

  it('make no request and do not run before consent', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config, head: recorder, body: eachKind(url) });
    await ready(win);
    await sleep(SETTLE);
    expect(await requested()).to.deep.equal([]);
    expect(ranOf(win)).to.deep.equal([]);
    expect(doc.querySelector('img')!.getAttribute('src')).to.equal(null);
  });

  it('run after "Accept all" exactly once, in document order, an inline one waiting for the external before it', async () => {
    const { url, requested } = fresh();
    const { win } = await openPage({
      config,
      head: recorder,
      body: `<script type="text/plain" data-consent="performance" src="${url('ga', 'slow.js?n=ext1&delay=200')}"></script>
        <script type="text/plain" data-consent="performance">ran.push('inline after ext1')</script>
        <script type="text/plain" data-consent="ga" src="${url('ga', 'fast.js?n=ext2')}"></script>
        <script type="text/plain" data-consent="ga">ran.push('inline after ext2')</script>`,
    });
    await ready(win);
    win.consentry.acceptAll();
    await until(() => ranOf(win).length == 4, 3000, 'four tags');
    expect(ranOf(win)).to.deep.equal(['ext1', 'inline after ext1', 'ext2', 'inline after ext2']);
    // Later decisions re-run nothing.
    win.consentry.set({ categories: { functional: true } });
    win.consentry.acceptAll();
    await sleep(SETTLE);
    expect(ranOf(win)).to.have.length(4);
    expect((await requested()).filter((p) => p.startsWith('ga/'))).to.have.length(2);
  });

  it('the first in-order external a decision releases loads alone: the others are requested once it has loaded (or 100 ms on)', async () => {
    const [first, ...rest] = await acceptAllOf(['first&delay=60', 'second', 'third']);
    for (const r of rest) expect(r.startTime, r.name).to.be.at.least(Math.min(first.responseEnd, first.startTime + 100) - 5);
  });

  it('after the first has loaded, the others start together, not one by one', async () => {
    const [, second, third] = await acceptAllOf(['first&delay=30', 'second&delay=60', 'third']);
    expect(third.startTime).to.be.below(second.responseEnd);
  });

  it('the others wait for a slow first one 100 ms at most, and still run after it', async () => {
    const t = await acceptAllOf(['first&delay=2000', 'second'], 5000);
    const [first, second] = t;
    // From the click: the first's own request may start late on a busy machine.
    expect(second.startTime - t.at, 'waited').to.be.at.least(95);
    expect(second.startTime - first.startTime, 'not for the whole 2 s').to.be.below(1500);
  });

  it("a returning visitor's in-order externals held until the rules were known start together, and run in order", async () => {
    const first = await openPage({ config, head: recorder });
    await ready(first.win);
    first.win.consentry.acceptAll();
    const { url } = fresh();
    // The configuration is fetched: the page's tags are parsed and held before it is in.
    const { win } = await openPage({
      config,
      fetch: true,
      head: recorder,
      body: externals(url, ['first&delay=300', 'second']),
    });
    await until(() => ranOf(win).length == 2, 5000, 'both tags');
    expect(ranOf(win)).to.deep.equal(['first', 'second']);
    const [one, two] = timings(win, ['first', 'second']);
    expect(two.startTime - one.startTime).to.be.below(80);
  });

  it('an async external does not hold back what follows it', async () => {
    const { url } = fresh();
    const { win } = await openPage({
      config,
      head: recorder,
      body: `<script type="text/plain" async data-consent="performance" src="${url('ga', 'slow.js?n=async&delay=300')}"></script>
        <script type="text/plain" data-consent="performance">ran.push('inline')</script>`,
    });
    await ready(win);
    win.consentry.acceptAll();
    await until(() => ranOf(win).length == 2, 3000, 'both tags');
    expect(ranOf(win)).to.deep.equal(['inline', 'async']);
  });

  it('a nomodule external (which the browser skips) holds back nothing after it', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({
      config,
      head: recorder,
      body: `<script type="text/plain" nomodule data-consent="performance" src="${url('ga', 'x.js?n=polyfills')}"></script>
        <script type="text/plain" data-consent="performance">ran.push('inline')</script>
        <img data-consent="advertising" data-src="${url('x.ads', 'p.gif')}" alt="">`,
    });
    await ready(win);
    win.consentry.acceptAll();
    await until(() => ranOf(win).length, 3000, 'the inline tag');
    await until(() => doc.querySelector('img')!.getAttribute('src'), 3000, 'the image');
    // The image's request reaches the test server later on a busy machine.
    await until(async () => (await requested()).length, 3000, 'the image request');
    await sleep(SETTLE);
    expect(ranOf(win)).to.deep.equal(['inline']);
    expect(await requested()).to.deep.equal(['x/p.gif']);
  });

  it('keep their other attributes and get their original type back from data-type', async () => {
    const { win, doc } = await openPage({
      config,
      head: recorder,
      body: `<script type="text/plain" data-type="module" data-consent="performance" id="m" class="tag" data-x="1">ran.push('module ' + (document.currentScript === null))</script>`,
    });
    await ready(win);
    win.consentry.acceptAll();
    await until(() => ranOf(win).length, 3000, 'the module');
    expect(ranOf(win)).to.deep.equal(['module true']);
    const s = doc.getElementById('m')!;
    expect(s.getAttribute('type')).to.equal('module');
    expect(s.className).to.equal('tag');
    expect(s.getAttribute('data-x')).to.equal('1');
  });

  it('"Reject all" releases nothing, static or dynamic', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config, head: recorder, body: eachKind(url) });
    await ready(win);
    const s = doc.createElement('script');
    s.src = url('ga', 'dyn.js');
    doc.head.appendChild(s);
    new (win as any).Image().src = url('x.ads', 'pixel.gif');
    win.consentry.rejectAll();
    await sleep(SETTLE);
    expect(await requested()).to.deep.equal([]);
    expect(ranOf(win)).to.deep.equal([]);
    expect(win.consentry.__core.reloadNeeded()).to.equal(false);
  });

  it('"required" runs at load without a choice', async () => {
    const { win } = await openPage({ config, head: recorder, body: `<script type="text/plain" data-consent="required">ran.push('required')</script>` });
    await until(() => ranOf(win).length, 3000, 'the required tag');
    expect(win.consentry.get()).to.equal(null);
    expect(ranOf(win)).to.deep.equal(['required']);
  });

  it('"required" runs at load without a choice where the required category has another id', async () => {
    const categories = [{ id: 'essential', required: true }, { id: 'analytics' }];
    const body = `<script type="text/plain" data-consent="required">ran.push('required')</script><script type="text/plain" data-consent="analytics">ran.push('analytics')</script>`;
    const { win } = await openPage({ config: { revision: 1, categories }, head: recorder, body });
    await until(() => ranOf(win).length, 3000, 'the required tag');
    await sleep(SETTLE);
    expect(win.consentry.get()).to.equal(null);
    expect(ranOf(win)).to.deep.equal(['required']);
  });

  it('several ids must all be allowed', async () => {
    const { win } = await openPage({ config, head: recorder, body: `<script type="text/plain" data-consent="performance advertising">ran.push('both')</script>` });
    await ready(win);
    win.consentry.set({ categories: { performance: true } });
    await sleep(SETTLE);
    expect(ranOf(win)).to.deep.equal([]);
    win.consentry.set({ categories: { advertising: true } });
    await until(() => ranOf(win).length, 3000, 'the tag');
    expect(ranOf(win)).to.deep.equal(['both']);
  });

  it('an unknown id never runs and warns once', async () => {
    const { win } = await openPage({
      config,
      head: recorder + `<script>window.warnings=[];{const w=console.warn;console.warn=(...a)=>{warnings.push(a.join(' '));w.apply(console,a)}}</script>`,
      body: `<script type="text/plain" data-consent="analytcs">ran.push('typo')</script><script type="text/plain" data-consent="analytcs">ran.push('typo2')</script>`,
    });
    await ready(win);
    win.consentry.acceptAll();
    await sleep(SETTLE);
    expect(ranOf(win)).to.deep.equal([]);
    const w = (win as any).warnings.filter((x: string) => x.includes('analytcs'));
    expect(w).to.have.length(1);
  });

  it('a returning visitor\'s allowed tags run on load, without the banner', async () => {
    const first = await openPage({ config, head: recorder });
    await ready(first.win);
    first.win.consentry.set({ categories: { performance: true } });
    const { win } = await openPage({
      config,
      head: recorder,
      body: `<script type="text/plain" data-consent="performance">ran.push('perf')</script><script type="text/plain" data-consent="advertising">ran.push('ads')</script>`,
    });
    await until(() => ranOf(win).length, 3000, 'the allowed tag');
    await sleep(SETTLE);
    expect(ranOf(win)).to.deep.equal(['perf']);
  });

  it("a returning visitor's inline tags run in document order while the page is parsed, the last in <head> or in a <div> too", async () => {
    const first = await openPage({ config, head: recorder });
    await ready(first.win);
    first.win.consentry.set({ categories: { performance: true } });
    const { url } = fresh();
    const tag = (name: string) => `<script type="text/plain" data-consent="performance">ran.push('${name}')</script>`;
    // Minified: nothing after A in <head>, nothing after B in its <div>. A slow first-party script
    // holds the parser after C, so the page is still loading for 400 ms.
    const { win } = await openPage({
      noConfig: true,
      src: '',
      head: `${recorder}<script type="application/json" id="consentry-config">${JSON.stringify(config)}</script><script src="/dist/consentry.js"></script>${tag('A')}`,
      body: `<div>${tag('B')}</div>${tag('C')}<script src="${url('first', 'slow.js?n=slow&delay=400')}"></script>${tag('D')}`,
    });
    await until(() => ranOf(win).includes('D'), 4000, 'the last tag');
    expect(ranOf(win)).to.deep.equal(['A', 'B', 'C', 'slow', 'D']);
  });

  it('with the ledger answering an error, tags the decision allows wait out beacon.waitMs (no 2xx, no acknowledgement), then run', async () => {
    const bucket = beaconBucket();
    await bucket.status(503);
    const body = `<script type="text/plain" data-consent="performance">ran.push('perf')</script>`;
    const { win } = await openPage({ config: { ...config, beacon: { url: bucket.url, waitMs: 1200 } }, head: recorder, body });
    await ready(win);
    const t0 = performance.now();
    win.consentry.acceptAll();
    await until(async () => (await bucket.raw()).attempts > 0, 3000, 'the post');
    await sleep(300);
    expect(ranOf(win), 'answered 503, before waitMs').to.deep.equal([]);
    await until(() => ranOf(win).length, 3000, 'the tag after waitMs');
    expect(performance.now() - t0).to.be.at.least(1100);
    expect(ranOf(win)).to.deep.equal(['perf']);
  });

  it('tags added to the page later are gated too', async () => {
    const { win, doc } = await openPage({ config, head: recorder });
    await ready(win);
    const s = doc.createElement('script');
    s.type = 'text/plain';
    s.setAttribute('data-consent', 'performance');
    s.text = "ran.push('late')";
    doc.body.appendChild(s);
    await sleep(SETTLE);
    expect(ranOf(win)).to.deep.equal([]);
    win.consentry.acceptAll();
    await until(() => ranOf(win).length, 3000, 'the late tag');
    expect(ranOf(win)).to.deep.equal(['late']);
  });

  it('images get src and srcset after consent', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({
      config,
      body: `<img data-consent="advertising" data-src="${url('x.ads', 'p.gif')}" data-srcset="${url('x.ads', 'p.gif')} 1x, ${url('x.ads', 'p2.gif')} 2x" alt="">`,
    });
    await ready(win);
    win.consentry.acceptAll();
    const img = doc.querySelector('img')!;
    await until(() => img.complete && img.naturalWidth == 1, 3000, 'the image');
    expect(img.getAttribute('srcset')).to.contain('p2.gif');
    expect(img.hasAttribute('data-src')).to.equal(false);
    expect(await requested()).to.have.length(1);
  });
});

describe('blocked iframes', () => {
  beforeEach(clearState);

  it('show a placeholder in their own box naming the vendor, and its button allows that vendor only', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config, body: `<iframe data-consent="yt" data-src="${url('yt', 'embed.html')}" width="320" height="180"></iframe>` });
    await ready(win);
    const f = doc.querySelector('iframe')!;
    const box = f.getBoundingClientRect();
    const inner = await until(() => f.contentDocument && f.contentDocument.querySelector('button'), 3000, 'the placeholder');
    const text = f.contentDocument!.body.textContent!;
    expect(text).to.contain('YouTube');
    expect(f.contentDocument!.querySelector('a')!.getAttribute('href')).to.equal('https://policies.example/yt');
    expect(inner.textContent).to.equal('Allow YouTube');
    expect(await requested()).to.deep.equal([]);
    inner.click();
    await until(async () => (await requested()).length, 3000, 'the embed request');
    expect(await requested()).to.deep.equal(['yt/embed.html']);
    expect(win.consentry.get().vendors).to.include({ yt: true, maps: false });
    expect(win.consentry.get().categories.functional).to.equal(false);
    const after = f.getBoundingClientRect();
    expect([after.width, after.height]).to.deep.equal([box.width, box.height]);
  });

  it('a category target names the vendor whose host serves it; without one, the category, and grants it', async () => {
    const { url } = fresh();
    const { win, doc } = await openPage({
      config: { ...config, texts: { en: { 'placeholder.button': 'Load {vendor} content' } } },
      body: `<iframe id="a" data-consent="functional" data-src="${url('maps', 'map.html')}"></iframe><iframe id="b" data-consent="functional" data-src="${url('other', 'x.html')}"></iframe>`,
    });
    await ready(win);
    const button = (id: string) => until(() => (doc.getElementById(id) as HTMLIFrameElement).contentDocument?.querySelector('button'), 3000, 'placeholder ' + id);
    expect((await button('a')).textContent).to.equal('Load Maps content');
    // A default category is named as the widget names it.
    expect((await button('b')).textContent).to.equal('Load Functional content');
    (await button('b')).click();
    await until(() => win.consentry.get(), 3000, 'a decision');
    expect(win.consentry.get().categories.functional).to.equal(true);
  });
});

describe('dynamic auto-blocking by vendor host', () => {
  beforeEach(clearState);

  it('holds createElement + src + appendChild; the same element loads after consent and its onload fires', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config, head: recorder });
    await ready(win);
    const s = doc.createElement('script');
    let loaded = 0;
    s.onload = () => loaded++;
    s.src = url('ga', 'dyn.js?n=dyn');
    doc.head.appendChild(s);
    // Libraries look for their script by its src: it stays, and the type keeps it from running.
    expect(s.src).to.equal(url('ga', 'dyn.js?n=dyn'));
    expect(s.getAttribute('src')).to.equal(url('ga', 'dyn.js?n=dyn'));
    await sleep(SETTLE);
    expect(await requested()).to.deep.equal([]);
    win.consentry.acceptAll();
    await until(() => loaded, 3000, 'onload');
    expect(ranOf(win)).to.deep.equal(['dyn']);
    expect(s.getAttribute('src')).to.equal(url('ga', 'dyn.js?n=dyn'));
  });

  it('holds every insertion method and setAttribute, then releases in insertion order', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config, head: recorder, body: '<div id="box"><p id="p"></p></div>' });
    await ready(win);
    const box = doc.getElementById('box')!;
    const make = (n: string, delay = 0) => {
      const s = doc.createElement('script');
      s.async = false;
      s.setAttribute('src', url('ga', `${n}.js?n=${n}&delay=${delay}`));
      return s;
    };
    box.insertBefore(make('one', 200), box.firstChild);
    box.append(make('two'));
    box.prepend(make('three'));
    doc.getElementById('p')!.replaceWith(make('four'));
    doc.getElementById('box')!.after(make('five'));
    await sleep(SETTLE);
    expect(await requested()).to.deep.equal([]);
    win.consentry.acceptAll();
    await until(() => ranOf(win).length == 5, 3000, 'five scripts');
    expect(ranOf(win)).to.deep.equal(['one', 'two', 'three', 'four', 'five']);
  });

  it('holds new Image().src, which fetches without being inserted', async () => {
    const { url, requested } = fresh();
    const { win } = await openPage({ config });
    await ready(win);
    const img = new (win as any).Image();
    img.src = url('x.ads', 'pixel.gif');
    await sleep(SETTLE);
    expect(await requested()).to.deep.equal([]);
    win.consentry.set({ categories: { advertising: true } });
    await until(async () => (await requested()).length, 3000, 'the pixel');
    expect(await requested()).to.deep.equal(['x/pixel.gif']);
  });

  it('holds iframes and images in HTML strings: innerHTML, outerHTML, insertAdjacentHTML', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config, body: '<div id="a"></div><div id="b"><span id="old"></span></div><div id="c"></div>' });
    await ready(win);
    doc.getElementById('a')!.innerHTML = `<iframe src="${url('yt', 'a.html')}"></iframe>`;
    // A host in capitals is the same host to the browser.
    doc.getElementById('old')!.outerHTML = `<img src="${url('x.ads', 'b.gif').replace(/\/\/[^/]+/, (h) => h.toUpperCase())}" alt="">`;
    doc.getElementById('c')!.insertAdjacentHTML('beforeend', `<img srcset="${url('x.ads', 'c.gif')} 1x" alt="">`);
    doc.getElementById('c')!.insertAdjacentHTML('beforeend', `<img src="/test/browser/fixtures/pixel.gif" alt="">`);
    await sleep(SETTLE);
    expect(await requested()).to.deep.equal([]);
    expect(doc.querySelector('#c img')!.getAttribute('src')).to.equal(null);
    // Hosts no vendor declares are left alone.
    expect(doc.querySelectorAll('#c img')[1].getAttribute('src')).to.equal('/test/browser/fixtures/pixel.gif');
    win.consentry.acceptAll();
    await until(async () => (await requested()).length == 3, 3000, 'three requests');
    expect((await requested()).sort()).to.deep.equal(['x/b.gif', 'x/c.gif', 'yt/a.html']);
  });

  it('holds scripts from createContextualFragment and document.write, which would run', async () => {
    const { url, requested } = fresh();
    const w = url('ga', 'w.js?n=written');
    const { win, doc } = await openPage({
      config,
      head: recorder,
      body: `<script>document.write('<script src="${w}"></scr' + 'ipt>')</script>`,
    });
    await ready(win);
    const frag = doc.createRange().createContextualFragment(`<script src="${url('ga', 'f.js?n=fragment')}"></script>`);
    doc.body.appendChild(frag);
    await sleep(SETTLE);
    expect(await requested()).to.deep.equal([]);
    expect(ranOf(win)).to.deep.equal([]);
    win.consentry.acceptAll();
    await until(() => ranOf(win).length == 2, 3000, 'both scripts');
    expect(ranOf(win).sort()).to.deep.equal(['fragment', 'written']);
  });

  it('holds a vendor iframe inserted by script and shows its placeholder', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config });
    await ready(win);
    const f = doc.createElement('iframe');
    f.src = url('yt', 'embed.html');
    doc.body.appendChild(f);
    const button = await until(() => f.contentDocument?.querySelector('button'), 3000, 'the placeholder');
    expect(button.textContent).to.equal('Allow YouTube');
    expect(await requested()).to.deep.equal([]);
    button.click();
    await until(async () => (await requested()).length, 3000, 'the embed');
    expect(await requested()).to.deep.equal(['yt/embed.html']);
  });

  it('leaves hosts no vendor declares alone, and same-origin URLs always', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config, head: recorder });
    await ready(win);
    const s = doc.createElement('script');
    s.src = url('cdn', 'lib.js?n=cdn');
    doc.head.appendChild(s);
    await until(() => ranOf(win).length, 3000, 'the undeclared host');
    expect(await requested()).to.deep.equal(['cdn/lib.js?n=cdn']);
  });

  it('with autoBlock.unknownHosts "block", holds undeclared third parties for good', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config: { ...config, autoBlock: { unknownHosts: 'block' } }, head: recorder });
    await ready(win);
    const s = doc.createElement('script');
    s.src = url('cdn', 'lib.js?n=cdn');
    doc.head.appendChild(s);
    const own = doc.createElement('script');
    own.src = '/__vendor/' + Math.random().toString(36).slice(2) + '/own.js?n=own';
    doc.head.appendChild(own);
    win.consentry.acceptAll();
    await until(() => ranOf(win).length, 3000, 'the same-origin script');
    await sleep(SETTLE);
    expect(ranOf(win)).to.deep.equal(['own']);
    expect(await requested()).to.deep.equal([]);
  });

  it('holds every third party inserted before the configuration is known, then applies the rules', async () => {
    const { url, requested } = fresh();
    const { win } = await openPage({
      config,
      fetch: true,
      head: recorder,
      body: `<script>{const s=document.createElement('script');s.src='${url('cdn', 'early.js?n=early')}';document.head.appendChild(s);window.early=s.getAttribute('type')}</script>`,
    });
    expect((win as any).early).to.equal('text/plain');
    await until(() => ranOf(win).length, 3000, 'the undeclared script after the rules');
    expect(await requested()).to.deep.equal(['cdn/early.js?n=early']);
  });

  it('stops a parser-inserted vendor script that is not tagged (best effort: it may be prefetched, but it does not run)', async () => {
    const { url } = fresh();
    const { win } = await openPage({
      config,
      head: recorder,
      // A slow same-origin script holds the parser until the configuration is known.
      body: `<script src="/__vendor/x${Math.random().toString(36).slice(2)}/wait.js?n=wait&delay=400"></script><script src="${url('ga', 'untagged.js?n=untagged')}"></script>`,
    });
    await ready(win);
    await sleep(SETTLE);
    expect(ranOf(win)).to.deep.equal(['wait']);
    win.consentry.acceptAll();
    await until(() => ranOf(win).length == 2, 3000, 'the untagged script');
    expect(ranOf(win)).to.deep.equal(['wait', 'untagged']);
  });

  it('tells the visitor a reload is needed when a tag that ran is withdrawn', async () => {
    const { url } = fresh();
    const { win, doc } = await openPage({ config, head: recorder });
    await ready(win);
    win.consentry.acceptAll();
    const s = doc.createElement('script');
    s.src = url('ga', 'a.js?n=a');
    doc.head.appendChild(s);
    await until(() => ranOf(win).length, 3000, 'the tag');
    expect(win.consentry.__core.reloadNeeded()).to.equal(false);
    win.consentry.set({ vendors: { yt: false } });
    expect(win.consentry.__core.reloadNeeded()).to.equal(false);
    win.consentry.set({ vendors: { ga: false } });
    expect(win.consentry.__core.reloadNeeded()).to.equal(true);
  });
});
