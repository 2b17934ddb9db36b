// A vendor's host spelled any way the browser resolves to the same host (issue 10 review, gap 3): a
// trailing dot, percent-encoding, full-width letters and dots (IDNA mapping), backslashes, a newline
// or tab inside the URL, user info, upper case. Fails without the gate's URL-parser fallback.
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep, until } from './page';
import { config, fresh } from './fixtures/vendors';

const SETTLE = 300;

describe('a vendor host in any spelling the browser resolves to it', () => {
  beforeEach(clearState);

  it('element URLs, an HTML string and a fetch are held until Accept all, then released', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config });
    await ready(win);
    const u = url('x.ads', 'FILE');
    const spell = (name: string, from: string, to: string) => u.replace('FILE', name + '.gif').replace(from, to);
    const variants = [
      spell('dot', 'x.ads.localhost', 'x.ads.localhost.'),
      spell('pct', 'x.ads.localhost', 'x.ads.local%68ost'),
      spell('upper', 'x.ads.localhost', 'X.ADS.LOCALHOST'),
      spell('wide', 'x.ads.localhost', 'x.ads.ｌｏｃａｌｈｏｓｔ'),
      spell('ideo', 'x.ads.localhost', 'x。ads。localhost'),
      spell('back', 'http://', 'http:\\\\'),
      spell('newline', 'x.ads.localhost', 'x.ads.loc\nalhost'),
      spell('tab', '//', '/\t/'),
      spell('user', '//', '//user@'),
    ];
    const imgs = variants.map((v) => {
      const i = doc.createElement('img');
      i.src = v;
      doc.body.appendChild(i);
      return i;
    });
    const div = doc.createElement('div');
    div.innerHTML = `<img src="${spell('html-pct', 'x.ads.localhost', 'x.ads.loc%61lhost')}"><img src="${spell('html-ref', 'x.ads.localhost', 'x.ads&#46;localhost')}">`;
    doc.body.appendChild(div);
    let fetched = '';
    (win as any).fetch(spell('fetch', 'x.ads.localhost', 'x.ads.localhost.'), { mode: 'no-cors' }).then(
      () => (fetched = 'ok'),
      () => (fetched = 'failed'),
    );
    await sleep(SETTLE * 2);
    expect(await requested()).to.deep.equal([]);
    expect(fetched).to.equal('');
    expect(imgs.filter((i) => !i.hasAttribute('data-src')).map((i) => i.src)).to.deep.equal([]);
    expect(div.querySelectorAll('img[data-src]').length).to.equal(2);
    win.consentry.acceptAll();
    await until(() => fetched, 3000, 'the fetch');
    await until(() => imgs.every((i) => i.hasAttribute('src') && !i.hasAttribute('data-src')), 3000, 'the images released');
    await until(async () => (await requested()).length >= 3, 3000, 'requests after Accept all');
  });
});
