// Contract audit (contract3), §4: "a higher revision in the configuration asks again, and until
// the visitor answers the old choice no longer applies (only required runs)".
import { expect } from '@esm-bundle/chai';
import { beaconBucket, clearState, openPage, ready, sleep, until } from './page';
import { control, shadowOf } from '../support/widget-ui.mjs';

const vendors = [{ id: 'ga', name: 'GA', category: 'performance' }];
const config = { revision: 1, mode: { default: 'opt-in', regions: { US: 'opt-out' } }, vendors };
const us = 'data-region="US"';
const gated = '<script type="text/plain" data-consent="performance">window.ran = (window.ran || []).concat("performance")</script>';

describe('contract3: a new revision in an opt-out region', () => {
  beforeEach(clearState);

  for (const choice of ['rejectAll', 'acceptAll'] as const) {
    it(`after the visitor's ${choice}(): only required runs until they answer again, and the banner asks`, async () => {
      const { win } = await openPage({ config, attrs: us });
      await ready(win);
      win.consentry[choice]();
      await sleep(50);
      const b = beaconBucket();
      const { win: next, doc } = await openPage({ config: { ...config, revision: 2 }, attrs: `${us} data-beacon="${b.url}"`, body: gated });
      expect(await ready(next), 'no decision applies yet').to.equal(null);
      expect(next.consentry.allowed('performance')).to.equal(false);
      expect(next.consentry.allowed('ga')).to.equal(false);
      expect(next.consentry.allowed('required')).to.equal(true);
      const root = await shadowOf(doc);
      await sleep(300);
      expect(next.ran, 'the gated tag').to.equal(undefined);
      expect(await b.records(), 'no default recorded over the old choice').to.deep.equal([]);
      // The visitor answers: that applies, with the new revision, and the next page keeps it.
      control(root, 'Accept all').click();
      await until(() => next.ran, 3000, 'the tag released by the answer');
      expect(next.consentry.get().revision).to.equal(2);
      await sleep(50);
      const { win: third } = await openPage({ config: { ...config, revision: 2 }, attrs: us });
      expect((await ready(third)).method).to.equal('accept-all');
    });
  }

  it('a stored default (the visitor never chose) is stored again for the new revision, as on a first view', async () => {
    const { win } = await openPage({ config, attrs: us });
    expect((await ready(win)).method).to.equal('opt-out-default');
    await sleep(50);
    const { win: next } = await openPage({ config: { ...config, revision: 2 }, attrs: us });
    const d = await ready(next);
    expect(d.method).to.equal('opt-out-default');
    expect(d.revision).to.equal(2);
    expect(next.consentry.allowed('performance')).to.equal(true);
  });
});

describe('contract3: the answer to a re-prompt withdraws what the old choice allowed', () => {
  beforeEach(clearState);
  const withCookies = { revision: 1, vendors: [{ id: 'ga', name: 'GA', category: 'performance', cookies: [{ name: '_ga', match: 'prefix' }] }] };
  const names = (w: Window) => w.document.cookie.split('; ').map((c) => c.split('=')[0]).filter((n) => n && n != 'consentry');

  it('"Reject all" after a new revision deletes the cookies of a vendor the visitor had accepted before; "Accept all" keeps them', async () => {
    const { win } = await openPage({ config: withCookies });
    await ready(win);
    win.consentry.acceptAll();
    win.document.cookie = '_ga=GA1.1.123; Path=/';
    await sleep(50);
    const { win: next } = await openPage({ config: { ...withCookies, revision: 2 } });
    expect(await ready(next)).to.equal(null);
    next.consentry.acceptAll();
    await sleep(300);
    expect(names(next), 'accepted again').to.deep.equal(['_ga']);
    // And the same visitor, asked again by revision 3, now refuses.
    await sleep(50);
    const { win: third } = await openPage({ config: { ...withCookies, revision: 3 } });
    expect(await ready(third)).to.equal(null);
    third.consentry.rejectAll();
    await until(() => !names(third).length, 3000, 'the _ga cookie deleted').catch(() => {});
    expect(names(third), 'refused on the re-prompt').to.deep.equal([]);
  });
});
