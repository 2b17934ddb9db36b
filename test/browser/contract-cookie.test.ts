// Contract §5: one small first-party cookie (under 300 bytes) whatever the configuration, and a
// choice that survives to the next page; a cookie that no longer fits the configuration asks again.
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep, until, TestWindow } from './page';

/** The whole `name=value` pair, as the browser counts a cookie's size. */
const pairOf = (win: TestWindow, name = 'consentry') => (new RegExp('(?:^|; )(' + name + '=[^;]*)').exec(win.document.cookie) || [])[1];

/** A valid configuration at the validator's limit: 256 vendors with long ids. */
const vendors = Array.from({ length: 256 }, (_, i) => ({ id: `analytics-vendor-with-a-long-id-${i}`, name: 'Vendor ' + i, category: i % 2 ? 'performance' : 'advertising' }));
const big = { revision: 1, vendors };

/** Every vendor switched on one by one while all their categories are off: each one differs. */
const everyVendorOn = Object.fromEntries(vendors.map((v) => [v.id, true]));
const allCategoriesOff = { functional: false, performance: false, advertising: false };

async function choose(config: object, choice: object) {
  const { win } = await openPage({ config });
  await ready(win);
  win.consentry.set(choice);
  await until(() => pairOf(win), 3000, 'the cookie');
  return win;
}

describe('the consent cookie stays small', () => {
  beforeEach(clearState);

  it('stays under 300 bytes when every one of 256 vendors is chosen one by one, and the next page keeps the choice', async () => {
    const win = await choose(big, { categories: allCategoriesOff, vendors: everyVendorOn });
    const pair = pairOf(win)!;
    expect(pair.length).to.be.below(300);
    const { win: next } = await openPage({ config: big });
    const d = await ready(next);
    expect(d, 'the returning visitor\'s decision').to.not.equal(null);
    expect(d.categories).to.deep.equal({ required: true, ...allCategoriesOff });
    expect(d.vendors).to.deep.equal(everyVendorOn);
    expect(next.consentry.allowed(vendors[7].id)).to.equal(true);
    expect(next.consentry.allowed('performance')).to.equal(false);
  });

  it('stays under 300 bytes with a mixed choice over long category ids', async () => {
    const categories = [{ id: 'required', required: true }, ...Array.from({ length: 20 }, (_, i) => ({ id: `a-rather-long-category-id-number-${i}` }))];
    const config = { revision: 1, categories, vendors: vendors.slice(0, 100).map((v, i) => ({ ...v, category: categories[1 + (i % 20)].id })) };
    const cats = Object.fromEntries(categories.slice(1).map((c, i) => [c.id, i % 3 == 0]));
    const vs = Object.fromEntries(config.vendors.filter((_, i) => i % 7 == 0).map((v) => [v.id, !cats[v.category]]));
    const win = await choose(config, { categories: cats, vendors: vs });
    expect(pairOf(win)!.length).to.be.below(300);
    const chosen = win.consentry.get();
    const { win: next } = await openPage({ config });
    const d = await ready(next);
    expect(d).to.not.equal(null);
    expect(d.categories).to.deep.equal(chosen.categories);
    expect(d.vendors).to.deep.equal(chosen.vendors);
  });

  it('a short choice keeps its ids, so adding a vendor later does not ask again', async () => {
    const small = { revision: 1, vendors: vendors.slice(0, 3) };
    const win = await choose(small, { categories: { performance: true } });
    expect(pairOf(win)).to.contain('performance');
    const { win: next } = await openPage({ config: { ...small, vendors: vendors.slice(0, 4) } });
    expect(await ready(next)).to.not.equal(null);
  });

  it('a long choice written for another vendor list (reordered) means "no choice yet"', async () => {
    await choose(big, { categories: allCategoriesOff, vendors: everyVendorOn });
    const { win: next } = await openPage({ config: { ...big, vendors: vendors.slice().reverse() } });
    expect(await ready(next)).to.equal(null);
    expect(next.consentry.allowed(vendors[0].id)).to.equal(false);
    await sleep(0);
  });
});

describe('a cookie.domain that does not cover the page', () => {
  beforeEach(clearState);

  // The contract's own example names ".example.com": the same file on a staging or local host.
  const config = { revision: 1, cookie: { name: 'consentry', domain: '.example.com' } };
  const captureErrors = `<script>window.errors=[];{const e=console.error;console.error=(...a)=>{errors.push(a.join(' '));e.apply(console,a)}}</script>`;

  it('keeps the choice for this host (the next page has it) and says why in the console', async () => {
    const { win } = await openPage({ config, head: captureErrors });
    await ready(win);
    win.consentry.acceptAll();
    expect(pairOf(win), 'the cookie').to.be.a('string');
    expect((win as any).errors.join('\n')).to.contain('cookie.domain');
    const { win: next } = await openPage({ config });
    const d = await ready(next);
    expect(d && d.method).to.equal('accept-all');
    next.consentry.reset();
    await until(() => !pairOf(next), 3000, 'the cookie deleted');
  });
});
