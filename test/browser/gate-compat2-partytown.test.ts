// Partytown's tags (type="text/partytown") are run by Partytown, which fetches their src from a
// web worker that no hook in the page reaches: the gate must hold such a tag written plainly in
// the HTML even before a data-config arrives (it holds nothing up: the browser never runs that
// type), and once it is allowed, tell Partytown to look for new scripts (its `ptupdate` event).
// The page below runs the same steps as Partytown: on DOMContentLoaded and on ptupdate, every
// text/partytown script not yet taken is fetched by a worker made from a blob.
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep, until } from './page';
import { config, fresh } from './fixtures/vendors';

const runner = `<script>
window.ptRun = [];
function ptScan() {
  document.querySelectorAll('script[type="text/partytown"]:not([data-ptid])').forEach(function (s) {
    s.setAttribute('data-ptid', String(ptRun.length));
    ptRun.push(s.src);
    new Worker(URL.createObjectURL(new Blob(['fetch(' + JSON.stringify(s.src) + ').catch(function () {})'], { type: 'text/javascript' })));
  });
}
addEventListener('ptupdate', ptScan);
document.addEventListener('DOMContentLoaded', ptScan);
</script>`;

describe('Partytown tags (type="text/partytown") written plainly in the HTML', () => {
  beforeEach(clearState);

  it('are held before a data-config arrives, and Partytown is told to run them once allowed', async () => {
    const { url, requested } = fresh();
    const src = url('ga', 'pt.js');
    const { win, doc } = await openPage({ config, fetch: true, body: `${runner}<script type="text/partytown" src="${src}"></script><p>after</p>` });
    await ready(win);
    await sleep(500);
    const w = win as any;
    expect(w.ptRun).to.deep.equal([]);
    expect(await requested()).to.deep.equal([]);
    expect(doc.querySelector(`script[src="${src}"]`)!.getAttribute('type')).to.equal('text/plain');
    win.consentry.acceptAll();
    await until(() => w.ptRun.length, 3000, 'Partytown told to run the released tag');
    expect(w.ptRun).to.deep.equal([src]);
    await until(async () => (await requested()).length, 3000, 'the worker fetched the tag');
    await sleep(300);
    expect(await requested()).to.deep.equal(['ga/pt.js']);
    // The released copy carries the tag's own type; the held one stays inert.
    expect([...doc.querySelectorAll(`script[src="${src}"]`)].map((s) => s.getAttribute('type'))).to.deep.equal(['text/plain', 'text/partytown']);
  });

  it('a released text/partytown tag holds up no inline script after it', async () => {
    const { url } = fresh();
    const src = url('ga', 'pt2.js');
    const { win } = await openPage({
      config,
      body: `${runner}<script type="text/plain" data-type="text/partytown" data-consent="ga" src="${src}"></script><script type="text/plain" data-consent="ga">window.after = true</script>`,
    });
    await ready(win);
    win.consentry.acceptAll();
    await until(() => (win as any).after, 3000, 'the inline tag after it');
    expect((win as any).ptRun).to.deep.equal([src]);
  });
});
