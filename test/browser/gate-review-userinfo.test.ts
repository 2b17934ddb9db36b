// Adversarial review of the gate (gatereview branch): a comma in a URL's user info. The gate split
// every URL at commas (as if it were a srcset), so `https://a,b@vendor/…` looked like `https://a`
// and a relative path, and went out where the browser sends user info (Firefox, WebKit; Chromium
// refuses such subresource URLs itself). A srcset keeps commas inside a URL too. Fails without the
// fix in src/gate/index.ts (see the gatereview report).
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep } from './page';
import { config, fresh } from './fixtures/vendors';

describe('gate review: user info with a comma', () => {
  beforeEach(clearState);

  it('a vendor URL with a comma in its user info is held (script, image, srcset, XHR)', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config });
    await ready(win);
    const W = win as any;
    const u = (f: string) => url('x.ads', f).replace('//', '//a,b@');
    const s = doc.createElement('script');
    s.src = u('s.js');
    doc.head.append(s);
    new W.Image().src = u('i.gif');
    const i = doc.createElement('img');
    i.srcset = u('set.gif') + ' 1x';
    doc.body.append(i);
    const x = new W.XMLHttpRequest();
    x.open('GET', u('x.gif'));
    x.send();
    await sleep(600);
    expect(await requested()).to.deep.equal([]);
  });
});
