// A static gated tag that the page puts into a same-origin frame (a friendly iframe, a srcdoc)
// was never released in Chromium (nor in a srcdoc frame in Firefox): the gate watched the frame's
// first document only, and the frame's document by then was another one of the same window.
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep, until } from './page';
import { config, fresh, recorder } from './fixtures/vendors';

describe('review2: static gated tags in same-origin frames', () => {
  beforeEach(clearState);

  it('run once, in their frame, after Accept all', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config, head: recorder, body: '<iframe id="f" srcdoc="<p>x</p>"></iframe><iframe id="g"></iframe>' });
    await ready(win);
    await sleep(300);
    for (const id of ['f', 'g']) {
      const fd = (doc.getElementById(id) as HTMLIFrameElement).contentDocument!;
      const s = fd.createElement('script');
      s.type = 'text/plain';
      s.setAttribute('data-consent', 'ga');
      s.textContent = `parent.ran.push("${id}:" + (window !== parent))`;
      const img = fd.createElement('img');
      img.setAttribute('data-consent', 'ga');
      img.setAttribute('data-src', url('ga', id + '.gif'));
      fd.body.append(s, img);
    }
    await sleep(300);
    expect(win.ran).to.deep.equal([]);
    expect(await requested()).to.deep.equal([]);
    win.consentry.acceptAll();
    await until(() => win.ran!.length == 2, 3000, 'both frame scripts');
    await until(async () => (await requested()).length == 2, 3000, 'both frame images');
    await sleep(300);
    expect([...win.ran!].sort()).to.deep.equal(['f:true', 'g:true']);
  });
});
