// A script of type text/plain that is no Consentry tag (no data-consent: another consent manager's
// markup, a template) never runs in a browser. Held because its src is a vendor's, it lost that
// type: once the vendor was allowed its copy ran as JavaScript (the HTML one with an inline
// configuration, a page-made one always; with a data-config since plain non-script types are held
// before the configuration arrives).
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep } from './page';
import { config, fresh, recorder } from './fixtures/vendors';

describe('review2: a text/plain script without data-consent', () => {
  beforeEach(clearState);

  for (const fetch of [false, true])
    it(`never runs, also after Accept all (${fetch ? 'data-config' : 'inline configuration'})`, async () => {
      const { url } = fresh();
      const { win, doc } = await openPage({
        config,
        fetch,
        head: recorder,
        body: `<script type="text/plain" class="other-cmp" src="${url('ga', 'a.js?n=html')}"></script><p>after</p>`,
      });
      await ready(win);
      const s = doc.createElement('script');
      s.type = 'text/plain';
      s.src = url('ga', 'b.js?n=made');
      doc.body.appendChild(s);
      win.consentry.acceptAll();
      await sleep(1000);
      expect(win.ran).to.deep.equal([]);
      expect(s.type).to.equal('text/plain');
      // Every script of the page that carries either URL is still of type text/plain.
      for (const e of doc.querySelectorAll('script[src*="/__vendor/"]')) expect(e.getAttribute('type')).to.equal('text/plain');
    });
});
