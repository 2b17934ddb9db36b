// A third-party defer (or module) script written plainly in the HTML is held until a data-config
// arrives (540e4d9). When the configuration arrived while the parser was still busy, the released
// copy ran at once, in the middle of the page: before the HTML after it was parsed and before a
// classic script after it, where the browser runs a defer script only once the page is parsed.
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep, until } from './page';
import { config, fresh, recorder } from './fixtures/vendors';

describe('review2: a plain defer script held before a data-config', () => {
  beforeEach(clearState);

  // (A module is held and released the same way; the stand-in vendor host sends no CORS header a module needs.)
  for (const kind of ['defer'])
    it(`released while the page is parsed, it still runs after the parser is done (${kind})`, async () => {
      const { url } = fresh();
      // cdn.localhost is a host no vendor declares: released as soon as the configuration is known.
      // The slow classic script keeps the parser busy well after the configuration arrived.
      const slow = `/__vendor/${Math.random().toString(36).slice(2)}/slow.js?n=classic&delay=1200`;
      const { win } = await openPage({
        config,
        fetch: true,
        head: recorder,
        body: `<script ${kind} src="${url('cdn', 'lib.js?n=deferred')}"></script><script src="${slow}"></script><p id="end">end</p>`,
      });
      await ready(win);
      await until(() => win.ran!.length == 2, 5000, 'both scripts');
      await sleep(200);
      expect(win.ran).to.deep.equal(['classic', 'deferred']);
    });
});
