// URL attributes and paths the review found open (issue 10 review, gap 2): imagesrcset, <input type=image>,
// SVG href / xlink:href (attribute, namespace, baseVal, HTML string), attribute maps (setNamedItem) and
// attribute nodes' nodeValue / textContent, and any URL in a srcdoc. Each fails without the gate's handling.
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep, until, TestWindow } from './page';
import { config, fresh, recorder } from './fixtures/vendors';

const SETTLE = 300;
const SVG = 'http://www.w3.org/2000/svg';
const XLINK = 'http://www.w3.org/1999/xlink';

/** Nothing requested until Accept all, then every one of `want` (sorted), and `ran` ran once each. */
async function heldThenReleased(win: TestWindow, requested: () => Promise<string[]>, want: string[], ran: string[] = []) {
  await sleep(SETTLE * 2);
  expect(await requested()).to.deep.equal([]);
  expect((win as any).ran || []).to.deep.equal([]);
  win.consentry.acceptAll();
  await until(async () => new Set(await requested()).size >= want.length, 4000, want.join(', '));
  await until(() => ((win as any).ran || []).length >= ran.length, 3000, 'the scripts');
  await sleep(SETTLE);
  expect([...new Set(await requested())].sort()).to.deep.equal(want);
  expect(((win as any).ran || []).slice().sort()).to.deep.equal(ran);
}

describe('more URL attributes and paths', () => {
  beforeEach(clearState);

  it('imagesrcset on <link rel=preload as=image> (attribute and property) and <input type=image src>', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config });
    await ready(win);
    const l = doc.createElement('link');
    l.rel = 'preload';
    l.setAttribute('as', 'image');
    l.setAttribute('imagesrcset', `${url('x.ads', 'p1.gif')} 1x, ${url('x.ads', 'p2.gif')} 2x`);
    doc.head.appendChild(l);
    const m = doc.createElement('link');
    m.rel = 'preload';
    m.setAttribute('as', 'image');
    (m as any).imageSrcset = `${url('x.ads', 'q1.gif')} 1x, ${url('x.ads', 'q2.gif')} 2x`;
    doc.head.appendChild(m);
    const i = doc.createElement('input');
    i.type = 'image';
    i.src = url('x.ads', 'input.gif');
    doc.body.appendChild(i);
    const j = doc.createElement('input');
    j.type = 'image';
    j.setAttribute('src', url('x.ads', 'input2.gif'));
    doc.body.appendChild(j);
    expect(i.src).to.equal(url('x.ads', 'input.gif'));
    await sleep(SETTLE * 2);
    expect(await requested()).to.deep.equal([]);
    win.consentry.acceptAll();
    await until(async () => (await requested()).some((r) => r.startsWith('x/p')) && (await requested()).some((r) => r.startsWith('x/q')) && (await requested()).includes('x/input.gif') && (await requested()).includes('x/input2.gif'), 4000, 'the preloads and inputs');
  });

  it('SVG <script href>, <image href> and xlink:href (setAttribute, setAttributeNS, href.baseVal, an HTML string)', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config, head: recorder });
    await ready(win);
    const svg = doc.createElementNS(SVG, 'svg');
    doc.body.appendChild(svg);
    const s1 = doc.createElementNS(SVG, 'script');
    s1.setAttribute('href', url('ga', 's1.js?n=s1'));
    svg.appendChild(s1);
    const s2 = doc.createElementNS(SVG, 'script');
    s2.setAttributeNS(XLINK, 'xlink:href', url('ga', 's2.js?n=s2'));
    svg.appendChild(s2);
    const s3 = doc.createElementNS(SVG, 'script') as any;
    s3.href.baseVal = url('ga', 's3.js?n=s3');
    svg.appendChild(s3);
    const i1 = doc.createElementNS(SVG, 'image');
    i1.setAttribute('href', url('x.ads', 'i1.gif'));
    svg.appendChild(i1);
    const i2 = doc.createElementNS(SVG, 'image');
    i2.setAttributeNS(XLINK, 'xlink:href', url('x.ads', 'i2.gif'));
    svg.appendChild(i2);
    const i3 = doc.createElementNS(SVG, 'image') as any;
    i3.href.baseVal = url('x.ads', 'i3.gif');
    svg.appendChild(i3);
    const div = doc.createElement('div');
    div.innerHTML = `<svg><image xlink:href="${url('x.ads', 'i4.gif')}"/><image href="${url('x.ads', 'i5.gif')}"/></svg>`;
    doc.body.appendChild(div);
    await heldThenReleased(win, requested, ['ga/s1.js?n=s1', 'ga/s2.js?n=s2', 'ga/s3.js?n=s3', 'x/i1.gif', 'x/i2.gif', 'x/i3.gif', 'x/i4.gif', 'x/i5.gif'], ['s1', 's2', 's3']);
  });

  it("attributes.setNamedItem / setNamedItemNS, and an attribute node's nodeValue / textContent", async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config, head: recorder });
    await ready(win);
    const s = doc.createElement('script');
    const a = doc.createAttribute('src');
    a.value = url('ga', 'named.js?n=named');
    s.attributes.setNamedItem(a);
    doc.head.appendChild(s);
    const img = doc.createElement('img');
    const b = doc.createAttributeNS(null, 'src');
    b.value = url('x.ads', 'named-ns.gif');
    img.attributes.setNamedItemNS(b);
    doc.body.appendChild(img);
    const img2 = doc.createElement('img');
    img2.setAttribute('src', '/x.gif');
    img2.getAttributeNode('src')!.nodeValue = url('x.ads', 'node-value.gif');
    doc.body.appendChild(img2);
    const img3 = doc.createElement('img');
    img3.setAttribute('alt', '');
    img3.setAttribute('srcset', '/x.gif 1x');
    img3.getAttributeNode('srcset')!.textContent = url('x.ads', 'text-content.gif') + ' 1x';
    doc.body.appendChild(img3);
    await heldThenReleased(win, requested, ['ga/named.js?n=named', 'x/named-ns.gif', 'x/node-value.gif', 'x/text-content.gif'], ['named']);
  });

  it('a srcdoc naming a vendor URL anywhere (srcset, imagesrcset, a style url(), a script string) is held', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config });
    await ready(win);
    const docs = [
      `<img srcset="/a.gif 0.5x, ${url('x.ads', 'srcset.gif')} 1x">`,
      `<link rel=preload as=image imagesrcset="${url('x.ads', 'isrcset.gif')} 1x">`,
      `<div style="width:10px;height:10px;background:url(${url('x.ads', 'style.gif')})"></div>`,
      `<script>new Image().src = '${url('x.ads', 'script.gif')}'</script>`,
    ];
    for (const d of docs) {
      const f = doc.createElement('iframe');
      f.srcdoc = d;
      doc.body.appendChild(f);
    }
    await heldThenReleased(win, requested, ['x/isrcset.gif', 'x/script.gif', 'x/srcset.gif', 'x/style.gif']);
  });

  it("an about:blank frame navigated through its document's location (replace, assign, href, =), also reached by contentWindow.document", async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config });
    await ready(win);
    const frames = [0, 1, 2, 3].map(() => {
      const f = doc.createElement('iframe');
      doc.body.appendChild(f);
      return f;
    });
    const [a, b, c, d] = frames;
    a.contentDocument!.location.replace(url('yt', 'replace.html'));
    (b.contentDocument as any).location = url('yt', 'set.html');
    c.contentDocument!.location.href = url('yt', 'href.html');
    d.contentWindow!.document.location.assign(url('yt', 'assign.html'));
    // The document still works as the page's code expects.
    expect(a.contentDocument!.body.appendChild(a.contentDocument!.createElement('p')).ownerDocument!.body).to.equal(a.contentDocument!.body);
    expect(a.contentDocument!.createTreeWalker(a.contentDocument!).root).to.exist;
    await sleep(SETTLE * 2);
    expect(await requested()).to.deep.equal([]);
    win.consentry.acceptAll();
    await until(async () => (await requested()).length == 4, 4000, 'the four frames');
    expect((await requested()).sort()).to.deep.equal(['yt/assign.html', 'yt/href.html', 'yt/replace.html', 'yt/set.html']);
  });
});
