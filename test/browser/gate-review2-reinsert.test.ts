// Since a static gated script runs itself, re-inserted (00851fb), rather than as a new copy:
// - a copy of it made before its release (cloneNode: a carousel's duplicated slides) was released
//   too, so its code ran twice, where the browser runs a script in the page once (a clone of a
//   script that started never runs);
// - one that came from a parsed document (DOMParser: htmx swaps pages so) never ran in Firefox,
//   which never runs such a script, inserted again or not; it ran as a copy before.
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep, until } from './page';
import { config, recorder } from './fixtures/vendors';

describe('review2: static gated scripts released by re-insertion', () => {
  beforeEach(clearState);

  it('a clone made before the release does not run it a second time', async () => {
    const { win, doc } = await openPage({
      config,
      head: recorder,
      body: '<div id="slide"><script type="text/plain" data-consent="ga">window.ran.push("slide")</script></div>',
    });
    await ready(win);
    doc.body.append(doc.getElementById('slide')!.cloneNode(true), doc.importNode(doc.getElementById('slide')!, true));
    win.consentry.acceptAll();
    await until(() => win.ran!.length, 3000, 'the slide script');
    await sleep(500);
    expect(win.ran).to.deep.equal(['slide']);
  });

  it('one from a DOMParser document (an htmx swap) runs once when allowed', async () => {
    const { win, doc } = await openPage({ config, head: recorder, body: '<main id="main"></main>' });
    await ready(win);
    win.consentry.acceptAll();
    await sleep(300);
    const page = new (win as any).DOMParser().parseFromString(
      '<body><main id="main"><p>new page</p><script type="text/plain" data-consent="ga">window.ran.push("swapped")</script></main></body>',
      'text/html',
    );
    doc.getElementById('main')!.replaceWith(page.getElementById('main'));
    await until(() => win.ran!.length, 3000, 'the swapped script');
    await sleep(300);
    expect(win.ran).to.deep.equal(['swapped']);
  });
});
