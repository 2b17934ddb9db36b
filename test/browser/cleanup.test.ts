import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, TestWindow, until } from './page';
import { config } from './fixtures/vendors';

const names = (win: TestWindow) => win.document.cookie.split('; ').map((c) => c.split('=')[0]).filter((n) => n && n != 'consentry').sort();
/** The cleanup is a chunk the loader fetches at the first withdrawal: wait until `want` is left. */
const left = (win: TestWindow, want: string[]) => until(() => names(win).join() == want.join(), 3000, want.join()).then(() => names(win), () => names(win));

describe('cookie cleanup on withdrawal', () => {
  beforeEach(clearState);

  it('deletes the cookies denied vendors declare (exact, prefix, regex) on every path, and nothing else', async () => {
    const { win } = await openPage({ config, suffix: '' });
    await ready(win);
    win.consentry.acceptAll();
    const doc = win.document;
    const dir = win.location.pathname.replace(/\/[^/]*$/, '');
    doc.cookie = '_ga=1; Path=/';
    doc.cookie = '_ga_ABC=1; Path=' + dir; // set by a tag on a deeper path
    doc.cookie = '_gid_other=1; Path=/';
    doc.cookie = 'fbp=1; Path=/';
    doc.cookie = 'fbpx=1; Path=/';
    doc.cookie = '_hjSession=1; Path=' + win.location.pathname;
    doc.cookie = 'site=1; Path=/';
    expect(names(win)).to.have.length(7);
    win.consentry.set({ categories: { performance: false } });
    expect(await left(win, ['_gid_other', '_hjSession', 'fbp', 'fbpx', 'site'])).to.deep.equal(['_gid_other', '_hjSession', 'fbp', 'fbpx', 'site']);
    win.consentry.rejectAll();
    expect(await left(win, ['_gid_other', 'fbpx', 'site'])).to.deep.equal(['_gid_other', 'fbpx', 'site']);
  });

  it('reset() deletes what the reset withdraws', async () => {
    const { win } = await openPage({ config });
    await ready(win);
    win.consentry.acceptAll();
    win.document.cookie = '_ga=1; Path=/';
    win.consentry.reset();
    expect(await left(win, [])).to.deep.equal([]);
  });
});
