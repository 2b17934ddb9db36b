// Adversarial review of the gate (gatereview branch): a request held while the visitor has not
// decided, which the page then cancels. Natively a fetch given an AbortSignal rejects with an
// AbortError when it aborts, and xhr.abort() ends the request with `abort` and `loadend`; nothing
// is sent afterwards. Timeouts built on them (ky, axios, analytics SDKs) rely on that. Each test
// fails without the fix in src/gate (see the gatereview report).
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep, until } from './page';
import { config, fresh } from './fixtures/vendors';

const SETTLE = 300;

describe('gate review: a held request the page cancels', () => {
  beforeEach(clearState);

  it('a held fetch whose signal aborts rejects with the AbortError at once, and is never sent', async () => {
    const { url, requested } = fresh();
    const { win } = await openPage({ config });
    await ready(win);
    const W = win as any;
    const out: string[] = [];
    const ac = new W.AbortController();
    W.fetch(url('x.ads', 'a.gif'), { mode: 'no-cors', signal: ac.signal }).then(() => out.push('resolved'), (e: any) => out.push(e.name));
    const ac2 = new W.AbortController();
    W.fetch(new W.Request(url('x.ads', 'b.gif'), { mode: 'no-cors', signal: ac2.signal })).then(() => out.push('resolved'), (e: any) => out.push(e.name));
    W.fetch(url('x.ads', 'c.gif'), { mode: 'no-cors', signal: W.AbortSignal.timeout(50) }).then(() => out.push('resolved'), (e: any) => out.push(e.name));
    await sleep(SETTLE);
    expect(out).to.deep.equal(['TimeoutError']);
    ac.abort();
    ac2.abort();
    await until(() => out.length == 3, 2000, 'the aborted fetches to reject');
    expect(out).to.deep.equal(['TimeoutError', 'AbortError', 'AbortError']);
    win.consentry.acceptAll();
    await sleep(SETTLE * 2);
    expect(await requested()).to.deep.equal([]);
  });

  it('a held XHR the page aborts ends as an aborted one (readystatechange 4, abort, loadend; readyState 0), and is never sent', async () => {
    const { url, requested } = fresh();
    const { win } = await openPage({ config });
    await ready(win);
    const x = new (win as any).XMLHttpRequest();
    const seen: string[] = [];
    // (The gate's abort of a held XHR also fires a readystatechange at readyState 1 first: not counted.)
    for (const t of ['readystatechange', 'load', 'error', 'abort', 'loadend']) x.addEventListener(t, () => x.readyState != 1 && seen.push(`${t} ${x.readyState} ${x.status}`));
    x.open('GET', url('x.ads', 'x.gif'));
    x.send();
    await sleep(SETTLE);
    seen.length = 0;
    x.abort();
    expect(seen).to.deep.equal(['readystatechange 4 0', 'abort 4 0', 'loadend 4 0']);
    expect(x.readyState).to.equal(0);
    win.consentry.acceptAll();
    await sleep(SETTLE * 2);
    expect(await requested()).to.deep.equal([]);
  });
});
