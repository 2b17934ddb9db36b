// Adversarial review (review3) of the gate: what real pages do that it got wrong. Each case says
// what happened before its fix.
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep, until } from './page';
import { config, fresh, recorder } from './fixtures/vendors';

/** No request reached a vendor host in `ms`. */
async function nothingSent(requested: () => Promise<string[]>, ms = 400) {
  await sleep(ms);
  expect(await requested(), 'requests before consent').to.deep.equal([]);
}

describe('review3: strings that are text, or SVG, where they are set', () => {
  beforeEach(clearState);

  it("a script's innerHTML stays its code, a textarea's its text (they were rewritten as HTML: `&&` became `&amp;&amp;`)", async () => {
    const { url } = fresh();
    const { win, doc } = await openPage({ config, head: recorder });
    await ready(win);
    const code = `if (1 && 2) window.ran.push('first-party'); window.tpl = '<img src="${url('ga', 'p.gif')}">';`;
    const s = doc.createElement('script');
    s.innerHTML = code;
    doc.body.append(s);
    expect(s.textContent).to.equal(code);
    expect(win.ran).to.deep.equal(['first-party']);
    const snippet = `<script async src="${url('ga', 'gtag.js')}"></script>\n<img src="${url('ga', 'p.gif')}">`;
    const area = doc.body.appendChild(doc.createElement('textarea'));
    area.innerHTML = snippet;
    expect(area.value).to.equal(snippet);
    area.insertAdjacentHTML('beforeend', '<img src="' + url('ga', 'q.gif') + '">');
    expect(area.value).to.contain('<img src=');
  });

  it("an <svg>'s innerHTML and insertAdjacentHTML hold an <image> towards a vendor (it loaded), and release it", async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config });
    await ready(win);
    const svg = doc.body.appendChild(doc.createElementNS('http://www.w3.org/2000/svg', 'svg'));
    svg.innerHTML = `<image href="${url('ga', 'inner.gif')}" width="1" height="1"></image>`;
    svg.insertAdjacentHTML('beforeend', `<image href="${url('ga', 'adjacent.gif')}" width="1" height="1"></image>`);
    expect(svg.querySelectorAll('image').length).to.equal(2);
    // What else the string holds is parsed as the browser parses it in an <svg> (a host no vendor declares: left alone).
    const markup = (host: string) => `<image href="http://${host}/x.gif"></image><text>caption</text><p>para</p>`;
    const [a, b] = [0, 1].map(() => doc.body.appendChild(doc.createElementNS('http://www.w3.org/2000/svg', 'svg')));
    a.innerHTML = markup(new URL(url('ga', 'y')).host);
    b.innerHTML = markup('example.invalid');
    const shape = (el: Element) => [...el.querySelectorAll('*')].map((e) => e.localName + ':' + e.namespaceURI!.split('/').pop());
    expect(shape(a)).to.deep.equal(shape(b));
    await nothingSent(requested);
    win.consentry.acceptAll();
    await until(async () => (await requested()).length == 2, 3000, 'both images');
    expect((await requested()).sort()).to.deep.equal(['ga/adjacent.gif', 'ga/inner.gif']);
  });
});

describe('review3: requests other ways', () => {
  beforeEach(clearState);

  it('Navigator.prototype.sendBeacon.call(navigator, …) waits for consent (it went out)', async () => {
    const { url, requested } = fresh();
    const { win } = await openPage({ config });
    await ready(win);
    (win as any).Navigator.prototype.sendBeacon.call(win.navigator, url('ga', 'beacon'), 'x');
    await nothingSent(requested);
  });

  it('a <frame> towards a vendor is held (it loaded), and loads once allowed', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config });
    await ready(win);
    const f = doc.createElement('frame');
    f.src = url('ga', 'frame.html');
    doc.body.append(f);
    await nothingSent(requested);
    win.consentry.acceptAll();
    await until(async () => (await requested()).length, 3000, 'the frame');
    expect(await requested()).to.deep.equal(['ga/frame.html']);
  });
});

describe('review3: released scripts, once and in order', () => {
  beforeEach(clearState);

  it('a static gated script runs before one that code inserted after it (they ran the other way round)', async () => {
    const { url } = fresh();
    const lib = url('ga', `lib.js?n=lib&delay=300`);
    const plugin = url('ga', 'plugin.js?n=plugin');
    const { win } = await openPage({
      config,
      head: recorder,
      body: `<script type="text/plain" data-consent="ga" src="${lib}"></script>
        <script>const s = document.createElement('script'); s.async = false; s.src = ${JSON.stringify(plugin)}; document.head.append(s);</script>`,
    });
    await ready(win);
    win.consentry.acceptAll();
    await until(() => win.ran!.length == 2, 4000, 'both scripts');
    expect(win.ran).to.deep.equal(['lib', 'plugin']);
  });

  for (const [how, redo] of [
    ['innerHTML +=', (div: HTMLElement) => (div.innerHTML += '<p>more</p>')],
    ['an outerHTML round trip (a pjax restore)', (div: HTMLElement) => (div.outerHTML = div.outerHTML)],
  ] as const)
    it(`a released script that code inserted runs once, also after ${how} (it ran again)`, async () => {
      const { url } = fresh();
      const { win, doc } = await openPage({ config, head: recorder, body: '<div id="box"></div>' });
      await ready(win);
      const s = doc.createElement('script');
      s.src = url('ga', 'widget.js?n=widget');
      doc.getElementById('box')!.append(s);
      win.consentry.acceptAll();
      await until(() => win.ran!.length, 3000, 'the script');
      redo(doc.getElementById('box')!);
      await sleep(500);
      expect(win.ran).to.deep.equal(['widget']);
    });
});

describe("review3: a shadow root in the page's own HTML", () => {
  beforeEach(clearState);

  it('its gated script and iframe are released on consent (they never were)', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({
      config,
      head: recorder,
      body: `<my-embed><template shadowrootmode="open">
        <iframe data-consent="yt" data-src="${url('yt', 'dsd.html')}"></iframe>
        <script type="text/plain" data-consent="ga">window.ran.push("dsd")</script>
      </template></my-embed>`,
    });
    await ready(win);
    expect(!!doc.querySelector('my-embed')!.shadowRoot, 'the browser made the shadow root').to.equal(true);
    await nothingSent(requested);
    win.consentry.acceptAll();
    await until(() => win.ran!.length, 3000, 'the script in the shadow root');
    await until(async () => (await requested()).length, 3000, 'the iframe in the shadow root');
    expect(win.ran).to.deep.equal(['dsd']);
    expect(await requested()).to.deep.equal(['yt/dsd.html']);
  });
});

describe('review3: a released script that calls document.write (a legacy ad tag)', () => {
  beforeEach(clearState);

  it('writes where it stands, its written scripts run, and the page stays (it was replaced, or an external one wrote nothing)', async () => {
    const ext = `data:text/javascript,${encodeURIComponent('document.write("<i id=ext>e</i>")')}`;
    const { win, doc } = await openPage({
      config,
      head: recorder,
      body: `<p id="keep">page content</p>
        <div id="ad"><script type="text/plain" data-consent="ga">document.write('<span id="written">w</span>'); document.write('<script>window.ran.push("inner"); document.write("<b id=nested>n</b>")<\\/script>'); document.writeln('<span id="last">l</span>')</script></div>
        <div id="ad2"><script type="text/plain" data-consent="ga" src="${ext}"></script></div>`,
    });
    await ready(win);
    win.consentry.acceptAll();
    await until(() => doc.getElementById('ext'), 3000, "the external script's output");
    expect(!!doc.getElementById('keep'), 'the page is still there').to.equal(true);
    // Each write in order, inside the element the tag stands in, a written script's own writes after it.
    const ad = doc.getElementById('ad')!;
    expect([...ad.children].filter((e) => e.localName != 'script').map((e) => e.id)).to.deep.equal(['written', 'nested', 'last']);
    expect(doc.getElementById('ext')!.parentElement!.id).to.equal('ad2');
    expect(win.ran).to.deep.equal(['inner']);
  });

  it('for a returning visitor too, while the page is parsed', async () => {
    const body = `<p id="keep">page content</p><div id="ad"><script type="text/plain" data-consent="ga">document.write('<span id="written">w</span>')</script></div><p id="after">after</p>`;
    const first = await openPage({ config, head: recorder, body });
    await ready(first.win);
    first.win.consentry.acceptAll();
    await until(() => first.doc.getElementById('written'), 3000, 'the first page');
    const { win, doc } = await openPage({ config, head: recorder, body });
    await ready(win);
    await until(() => doc.getElementById('written'), 3000, 'the written span');
    await sleep(100);
    expect(!!doc.getElementById('keep') && !!doc.getElementById('after'), 'the page is still there').to.equal(true);
    expect(doc.getElementById('written')!.parentElement!.id).to.equal('ad');
  });
});
