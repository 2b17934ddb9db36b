// Requests towards a vendor after the visitor's decision denies it, synchronous XHRs, and sockets
// opened before the configuration is checked (issue 10 review, gap 4; more on sockets in
// gate-sockets.test.ts). Code awaiting a request must go on as after a network error; nothing
// reaches the vendor. Each test fails without the gate's handling (see the report of the frames
// branch).
import { expect } from '@esm-bundle/chai';
import { beaconBucket, clearState, openPage, ready, sleep, until } from './page';
import { config, fresh } from './fixtures/vendors';
import { itUnless } from './engine';

const SETTLE = 300;

/** A fetch and an XHR towards `u` in `W`, and what became of them. */
function send(W: any, u: string) {
  const out: any = { fetch: 'pending', xhr: [] as string[] };
  W.fetch(u, { mode: 'no-cors' }).then(
    () => (out.fetch = 'resolved'),
    (e: any) => (out.fetch = e instanceof W.TypeError ? 'TypeError' : 'rejected ' + e),
  );
  const x = new W.XMLHttpRequest();
  for (const t of ['load', 'error', 'abort', 'loadend']) x.addEventListener(t, () => out.xhr.push(`${t} ${x.readyState} ${x.status}`));
  x.open('GET', u + '?xhr');
  x.send();
  return out;
}

describe('requests towards a vendor the visitor refused', () => {
  beforeEach(clearState);

  it('held ones fail after Reject all (fetch: TypeError; XHR: error, readyState 4, status 0); later ones fail at once; none is ever sent', async () => {
    const { url, requested } = fresh();
    const { win } = await openPage({ config });
    await ready(win);
    const W = win as any;
    const held = send(W, url('x.ads', 'held.gif'));
    W.navigator.sendBeacon(url('x.ads', 'held-b.gif'), 'e=1');
    await sleep(SETTLE);
    expect([held.fetch, held.xhr]).to.deep.equal(['pending', []]);
    win.consentry.rejectAll();
    await until(() => held.fetch != 'pending' && held.xhr.length == 2, 3000, 'the held requests to fail');
    expect(held.fetch).to.equal('TypeError');
    expect(held.xhr).to.deep.equal(['error 4 0', 'loadend 4 0']);
    const after = send(W, url('x.ads', 'after.gif'));
    await until(() => after.fetch != 'pending' && after.xhr.length == 2, 3000, 'the later requests to fail');
    expect([after.fetch, after.xhr]).to.deep.equal(['TypeError', ['error 4 0', 'loadend 4 0']]);
    // A change of mind later sends nothing that already failed.
    win.consentry.acceptAll();
    await sleep(SETTLE * 2);
    expect(await requested()).to.deep.equal([]);
  });

  it('while the ledger acknowledges an Accept all they keep waiting, then go', async () => {
    const { url, requested } = fresh();
    const bucket = beaconBucket();
    await bucket.status(204, 400);
    const { win } = await openPage({ config: { ...config, beacon: { url: bucket.url, waitMs: 1500 } } });
    await ready(win);
    const held = send(win, url('x.ads', 'w.gif'));
    win.consentry.acceptAll();
    await until(() => held.fetch != 'pending', 4000, 'the fetch');
    expect(held.fetch).to.equal('resolved');
    // The XHR went out too (it then fails CORS, as it would without Consentry: the stand-in sends no CORS header).
    await until(async () => (await requested()).length == 2, 3000, 'both requests');
    expect((await requested()).sort()).to.deep.equal(['x/w.gif', 'x/w.gif?xhr']);
  });

  it('a held request goes out once: decisions after the one that allowed it send nothing again', async () => {
    const { url, requested } = fresh();
    const { win } = await openPage({ config });
    await ready(win);
    const W = win as any;
    W.navigator.sendBeacon(url('x.ads', 'once-b.gif'), 'e=1');
    const held = send(W, url('x.ads', 'once.gif'));
    W.consentry.set({ vendors: { ads: true } });
    await until(() => held.fetch != 'pending', 3000, 'the fetch');
    // Three more decisions, each a pass of the gate over what still waits.
    W.consentry.set({ categories: { functional: true } });
    W.consentry.acceptAll();
    W.consentry.set({ categories: { performance: false } });
    await sleep(SETTLE * 2);
    expect((await requested()).sort()).to.deep.equal(['x/once-b.gif', 'x/once.gif', 'x/once.gif?xhr']);
  });

  it('at most 500 wait before a decision: the oldest fails first', async () => {
    const { url } = fresh();
    const { win } = await openPage({ config });
    await ready(win);
    const W = win as any;
    const out: string[] = [];
    for (let i = 0; i < 502; i++) W.fetch(url('x.ads', `n${i}.gif`), { mode: 'no-cors' }).catch(() => out.push(String(i)));
    await until(() => out.length == 2, 3000, 'two to fail');
    expect(out).to.deep.equal(['0', '1']);
  });

  it('a synchronous XHR towards a vendor not allowed yet fails as a network error (it cannot wait)', async () => {
    const { url, requested } = fresh();
    const { win } = await openPage({ config });
    await ready(win);
    const x = new (win as any).XMLHttpRequest();
    x.open('GET', url('x.ads', 'sync.gif'), false);
    let err: any;
    try {
      x.send();
    } catch (e) {
      err = e;
    }
    expect(err && err.name).to.equal('NetworkError');
    expect([x.readyState, x.status]).to.deep.equal([4, 0]);
    await sleep(SETTLE);
    expect(await requested()).to.deep.equal([]);
  });

  it('a WebSocket towards a vendor that an inline configuration names waits before the configuration is checked', async () => {
    const { win } = await openPage({
      config,
      body: `<script>window.ws = new WebSocket('ws://ws.ads.localhost:65535/'); ws.onerror = () => (window.failed = 1);</script>`,
    });
    // Nothing listens there: a socket that had gone would have failed by now.
    await ready(win);
    await sleep(SETTLE);
    expect([(win as any).ws.readyState, (win as any).failed]).to.deep.equal([0, undefined]);
  });

  itUnless(
    { firefox: 'Firefox has no fetchLater', webkit: 'WebKit has no fetchLater' },
    'fetchLater waits for consent (it was sent at once), then is sent; one whose signal aborted meanwhile, or that Reject all denies, never is; one aborted already throws',
    async () => {
      const { url, requested } = fresh();
      const { win } = await openPage({ config });
      await ready(win);
      const W = win as any;
      // activateAfter 0: the browser sends it at once, not when the page goes.
      const later = W.fetchLater(url('x.ads', 'later.gif'), { activateAfter: 0 });
      const ac = new W.AbortController();
      W.fetchLater(url('x.ads', 'aborted.gif'), { activateAfter: 0, signal: ac.signal });
      W.fetchLater(new W.Request(url('x.ads', 'request.gif')), { activateAfter: 0 });
      await sleep(SETTLE * 2);
      expect(await requested()).to.deep.equal([]);
      // What the page holds is a FetchLaterResult (it was a plain object), not activated yet.
      expect(later).to.be.instanceOf(W.FetchLaterResult);
      expect(later.activated).to.equal(false);
      // One whose signal is aborted already throws at once, as the browser's does (it returned a result).
      const gone = new W.AbortController();
      gone.abort();
      expect(() => W.fetchLater(url('x.ads', 'gone.gif'), { signal: gone.signal })).to.throw().with.property('name', 'AbortError');
      ac.abort();
      W.consentry.set({ vendors: { ads: true } });
      await until(async () => (await requested()).length == 2, 3000, 'the two fetchLater requests');
      await until(() => later.activated, 3000, 'its result to say it was sent');
      await sleep(SETTLE);
      expect((await requested()).sort()).to.deep.equal(['x/later.gif', 'x/request.gif']);
      // Denied: dropped, as a beacon is.
      W.consentry.rejectAll();
      const denied = W.fetchLater(url('x.ads', 'denied.gif'), { activateAfter: 0 });
      await sleep(SETTLE * 2);
      expect(denied.activated).to.equal(false);
      expect((await requested()).sort()).to.deep.equal(['x/later.gif', 'x/request.gif']);
    },
  );
});
