// What a released vendor script sees as document.currentScript (issue 10 review, gap 5): its own
// attributes (data-*, src and its query, id), its real type, and nothing the gate added.
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, until } from './page';
import { config } from './fixtures/vendors';

const FILE = '/test/browser/fixtures/gate-current-script.js';
/** The fixture served from a vendor's host (the test server answers every *.localhost name). */
const onVendor = (k: string) => `http://ga.localhost:${location.port}${FILE}?k=${k}`;
const seen = (w: any) => (w.seen || []) as any[];
const own = (key: string, type: string | null = null, byId: boolean | null = true) => ({ key, dataset: key, query: key, type, consent: null, byId, extra: [] });

describe('a released script reads its own tag through document.currentScript', () => {
  beforeEach(clearState);

  it('a script other code inserts (held by its host), one tagged inert in the HTML, one written plainly (async)', async () => {
    const { win, doc } = await openPage({
      config,
      body:
        `<script type="text/plain" data-consent="ga" id="tagged" class="c" data-key="tagged" src="${onVendor('tagged')}"></script>` +
        `<script async id="plain" data-key="plain" src="${onVendor('plain')}"></script>`,
    });
    await ready(win);
    const s = doc.createElement('script');
    s.id = 'inserted';
    s.type = 'text/javascript';
    s.dataset.key = 'inserted';
    s.src = onVendor('inserted');
    doc.head.appendChild(s);
    win.consentry.acceptAll();
    await until(() => seen(win).length == 3, 4000, 'three scripts');
    const by = Object.fromEntries(seen(win).map((x) => [x.key, x]));
    // The site wrote data-consent="ga" on its tag: that one is its own.
    expect(by).to.deep.equal({ tagged: { ...own('tagged'), consent: 'ga', extra: ['data-consent'] }, plain: own('plain'), inserted: own('inserted', 'text/javascript') });
    // The element the page inserted still answers its src (libraries look for it).
    expect(s.src).to.equal(onVendor('inserted'));
  });

  it('in a friendly frame, a script written by document.write', async () => {
    const { win, doc } = await openPage({ config });
    await ready(win);
    const f = doc.createElement('iframe');
    doc.body.appendChild(f);
    f.contentDocument!.write(`<script id="w" data-key="written" src="${onVendor('written')}"></script>`);
    f.contentDocument!.close();
    win.consentry.acceptAll();
    await until(() => seen(f.contentWindow).length == 1, 4000, 'the script');
    expect(seen(f.contentWindow)).to.deep.equal([own('written')]);
  });
});
