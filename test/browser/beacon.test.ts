// Every decision reaches the ledger (contract §6): from the ES module with a ledger on another
// origin, under a configuration with a bad beacon field, and behind a backlog of queued records.
import { expect } from '@esm-bundle/chai';
import { beaconBucket, clearState, openPage, ready, sleep, until } from './page';

const config = { revision: 1, vendors: [{ id: 'ga', name: 'GA', category: 'performance' }] };
/** This test server at the other of its two names: another origin. */
const elsewhere = () => location.origin.replace(location.hostname, location.hostname == 'localhost' ? '127.0.0.1' : 'localhost');

describe('beacon: the ES module with a ledger on another origin', () => {
  beforeEach(clearState);

  for (const [what, extra] of [
    ['unknownHosts "block"', { autoBlock: { unknownHosts: 'block' } }],
    ['an invalid configuration (fails closed, holding every third party)', { policyUrl: 'javascript:alert(1)' }],
  ] as const)
    it(`the record reaches it, with ${what}`, async () => {
      const bucket = beaconBucket();
      const { win } = await openPage({
        src: '',
        noConfig: true,
        head: `<script type="module">
          import { init, acceptAll, on } from '/dist/esm/index.js';
          init({ config: ${JSON.stringify({ ...config, ...extra })}, beaconUrl: ${JSON.stringify(elsewhere() + bucket.url)} });
          on('ready', () => { acceptAll(); window.decided = true; });
        </script>`,
      });
      await until(() => (win as any).decided, 3000, 'the decision');
      const records = await until(async () => (await bucket.records()).length && bucket.records(), 3000, 'the record at the ledger');
      expect(records.map((r) => r.method)).to.deep.equal(['accept-all']);
    });
});

describe('beacon: a configuration whose beacon has one bad field', () => {
  beforeEach(clearState);
  afterEach(() => (document.cookie = 'site_consent=; Max-Age=0; Path=/'));

  it('keeps beacon.url and cookie.name: the decision is recorded and stored under its name, and fails closed', async () => {
    const bucket = beaconBucket();
    const errors: string[] = [];
    const { win } = await openPage({
      config: { ...config, beacon: { url: bucket.url, waitMs: '800' }, cookie: { name: 'site_consent', expiresDays: 0 } },
      head: '<script>window.errors = []; const e = console.error; console.error = (...a) => (errors.push(a.join(" ")), e(...a));</script>',
    });
    await ready(win);
    errors.push(...(win as any).errors);
    expect(errors.join('\n')).to.contain('beacon.waitMs');
    win.consentry.acceptAll();
    const records = await until(async () => (await bucket.records()).length && bucket.records(), 3000, 'the record at the ledger');
    expect(records.map((r) => r.method)).to.deep.equal(['accept-all']);
    expect(win.document.cookie).to.match(/(^|; )site_consent=1\./);
    expect(win.consentry.allowed('performance')).to.equal(false);
  });
});

describe('beacon: behind a backlog of queued records', () => {
  beforeEach(clearState);

  it("a new decision goes out at once while an earlier page's records are still on their way", async () => {
    // 200 vendors with 60-character ids: each record is about 14 KB, and four of them come close
    // to the 64 KiB that browsers allow keepalive requests in flight.
    const vendors = Array.from({ length: 200 }, (_, i) => ({ id: `v${i}-`.padEnd(60, 'x'), name: 'V' + i, category: 'performance' }));
    const bucket = beaconBucket();
    await bucket.status(204, 1500);
    const old = (n: number) => ({
      v: 1,
      id: `00000000-0000-4000-8000-00000000000${n}`,
      ts: new Date(Date.now() - 60000).toISOString(),
      revision: 1,
      categories: { required: true, functional: true, performance: true, advertising: true },
      vendors: Object.fromEntries(vendors.map((v) => [v.id, true])),
      method: 'accept-all',
      signals: { gpc: false, dnt: false },
      url: location.origin + '/page',
      lang: 'en',
    });
    localStorage.setItem('consentry:queue', JSON.stringify([1, 2, 3, 4].map(old)));
    const { win } = await openPage({ config: { revision: 1, vendors, beacon: { url: bucket.url, waitMs: 5000 } } });
    await ready(win);
    win.consentry.rejectAll();
    const id = win.consentry.get().id;
    // Sent at once, it is stored after the endpoint's 1.5 s; refused by the browser, it would wait for the next page.
    await sleep(2500);
    const records = await bucket.records();
    expect(records.filter((r) => r.id == id).map((r) => r.method)).to.deep.equal(['reject-all']);
    expect(records.length).to.equal(5);
  });
});
