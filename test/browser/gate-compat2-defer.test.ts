// A vendor's `defer` script written plainly in the HTML (Plausible's, Cloudflare Web Analytics',
// Fathom's and Umami's snippets are written so) holds nothing up, like an async one: the gate
// must hold it even when the parser reaches it before a data-config arrives, or it runs before
// any choice once the page is parsed.
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep, until } from './page';
import { config, fresh, recorder } from './fixtures/vendors';

describe('a plain defer vendor script in the HTML, with a data-config', () => {
  beforeEach(clearState);

  it('does not run before a choice, and runs once after Accept all, with its attributes', async () => {
    const { url } = fresh();
    const src = url('ga', 'stats.js?n=deferred');
    const { win, doc } = await openPage({
      config,
      fetch: true,
      head: recorder,
      body: `<script defer data-domain="example.com" src="${src}"></script><p>after</p>`,
    });
    await ready(win);
    await sleep(500);
    expect(win.ran).to.deep.equal([]);
    expect(doc.querySelector(`script[src="${src}"]`)!.getAttribute('type')).to.equal('text/plain');
    win.consentry.acceptAll();
    await until(() => win.ran!.length, 3000, 'the deferred script after Accept all');
    await sleep(300);
    expect(win.ran).to.deep.equal(['deferred']);
    const copy = [...doc.querySelectorAll(`script[src="${src}"]`)].find((s) => !s.hasAttribute('type'))!;
    expect(copy.getAttribute('data-domain')).to.equal('example.com');
  });
});
