// A value the page gives that is an object is read through its toString, by the gate to decide
// and by the browser to load, and since the Trusted Types change (00851fb) it is also kept and
// read again at the release. An object whose string changes from one read to the next (or, for
// fetch and XMLHttpRequest, a plain object with a `url` property) passed the gate with a harmless
// string and loaded a vendor's URL before any choice.
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep, until } from './page';
import { config, fresh } from './fixtures/vendors';

/** A string the first time it is read, `then` every time after. */
const flip = (first: string, then: string) => {
  let n = 0;
  return { toString: () => (n++ ? then : first) };
};

describe('review2: objects given for URLs and HTML are read once', () => {
  beforeEach(clearState);

  it('no request leaves before a choice, whatever the object answers next', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config });
    await ready(win);
    const W = win as any;
    const own = '/__vendor/own/ok.gif';
    const a = doc.createElement('img');
    a.src = flip(own, url('x.ads', 'prop.gif')) as any;
    const b = doc.createElement('img');
    b.setAttribute('src', flip(own, url('x.ads', 'attr.gif')) as any);
    const c = doc.createElement('img');
    c.setAttribute(flip('data-x', 'src') as any, url('x.ads', 'name.gif'));
    doc.body.append(a, b, c);
    doc.body.insertAdjacentHTML('beforeend', flip('<b>x</b>', `<img src="${url('x.ads', 'html.gif')}">`) as any);
    W.fetch({ url: own, toString: () => url('x.ads', 'fetch.gif') }).catch(() => 0);
    const x = new W.XMLHttpRequest();
    x.open('GET', flip(own, url('x.ads', 'xhr.gif')));
    x.send();
    // Held for one vendor, it must not load another one's URL when released.
    const d = doc.createElement('img');
    let n = 0;
    d.src = { toString: () => (n++ < 3 ? url('ga', 'held.gif') : url('x.ads', 'swap.gif')) } as any;
    doc.body.append(d);
    await sleep(600);
    expect(await requested()).to.deep.equal([]);
    win.consentry.acceptAll();
    // What the gate read is what the browser got: the first strings (own URLs, harmless HTML, the
    // name data-x) never become the vendor's; the fetch (its string) and the held image do load.
    await until(async () => (await requested()).length >= 2, 4000, 'the requests after Accept all');
    await sleep(500);
    expect((await requested()).sort()).to.deep.equal(['ga/held.gif', 'x/fetch.gif']);
    expect(a.getAttribute('src')).to.equal(own);
    expect(c.getAttribute('data-x')).to.equal(url('x.ads', 'name.gif'));
  });

  it('a URL object, a Request and a Trusted Types value still work as the browser takes them', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config });
    await ready(win);
    const W = win as any;
    const img = doc.createElement('img');
    img.src = new W.URL('/own.gif', W.location.href);
    expect(img.src).to.equal(W.location.origin + '/own.gif');
    const r = await W.fetch(new W.Request('/test-cookies'));
    expect(r.ok).to.equal(true);
    W.fetch(new W.Request(url('x.ads', 'req.gif'))).catch(() => 0);
    await sleep(400);
    expect(await requested()).to.deep.equal([]);
    if (W.trustedTypes) {
      const p = W.trustedTypes.createPolicy('review2', { createHTML: (s: string) => s });
      const box = doc.createElement('div');
      box.innerHTML = p.createHTML(`<img src="${url('x.ads', 'tt.gif')}">`);
      doc.body.append(box);
    }
    await sleep(400);
    expect(await requested()).to.deep.equal([]);
    win.consentry.acceptAll();
    await until(async () => (await requested()).includes('x/req.gif'), 4000, 'the Request after Accept all');
  });
});
