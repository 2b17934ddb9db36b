// Adversarial review of the gate (gatereview branch): documents the gate did not read. A declarative
// shadow root in an HTML string (setHTMLUnsafe) is live as soon as it is parsed, and a frame whose
// src is a javascript: or an HTML data: URL shows a document made of that URL's text, as a srcdoc
// does. Each test fails without the fix in src/gate (see the gatereview report).
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep, until } from './page';
import { config, fresh } from './fixtures/vendors';

const SETTLE = 300;

describe('gate review: documents inside HTML strings and frame URLs', () => {
  beforeEach(clearState);

  it('a vendor image in a declarative shadow root (setHTMLUnsafe) waits for consent', async function () {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config });
    await ready(win);
    const host = doc.createElement('div') as any;
    doc.body.append(host);
    if (!host.setHTMLUnsafe) return this.skip();
    host.setHTMLUnsafe(`<div><template shadowrootmode="open"><p>x</p><img src="${url('x.ads', 'dsd.gif')}"></template></div>`);
    expect(host.firstElementChild.shadowRoot, 'a shadow root').to.be.ok;
    await sleep(SETTLE);
    expect(await requested()).to.deep.equal([]);
    win.consentry.acceptAll();
    await until(async () => (await requested()).length, 3000, 'the image');
    expect(await requested()).to.deep.equal(['x/dsd.gif']);
  });

  it('a web component\'s shadow root given a vendor iframe by innerHTML: held, then released by Accept all (it stayed held for good)', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config });
    await ready(win);
    const host = doc.createElement('div');
    doc.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<iframe src="${url('yt', 'embed.html')}"></iframe>`;
    const f = root.querySelector('iframe')!;
    await sleep(SETTLE);
    expect(f.hasAttribute('src')).to.equal(false);
    expect(await requested()).to.deep.equal([]);
    win.consentry.acceptAll();
    await until(async () => (await requested()).length, 3000, 'the iframe');
    expect(await requested()).to.deep.equal(['yt/embed.html']);
    // Inserted later into the same shadow root, while allowed: not held.
    root.innerHTML += `<img src="${url('yt', 'later.gif')}">`;
    await until(async () => (await requested()).length == 2, 3000, 'the later image');
  });

  it('a frame whose src is a javascript: or an HTML data: URL naming a vendor waits for consent', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config });
    await ready(win);
    for (const src of [`javascript:'<img src="${url('x.ads', 'js.gif')}">'`, `data:text/html,<img src="${url('x.ads', 'data.gif')}">`]) {
      const f = doc.createElement('iframe');
      f.src = src;
      doc.body.append(f);
    }
    await sleep(SETTLE);
    expect(await requested()).to.deep.equal([]);
    win.consentry.acceptAll();
    await until(async () => (await requested()).length == 2, 3000, 'both images');
    expect((await requested()).sort()).to.deep.equal(['x/data.gif', 'x/js.gif']);
  });
});
