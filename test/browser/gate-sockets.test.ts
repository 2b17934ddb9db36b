// Event streams and WebSockets towards a vendor wait for consent as fetch does: the constructor
// gives the page one that stays CONNECTING, and the real one opens once the vendor is allowed,
// with what the page set on it meanwhile (found with launchdarkly-js-client-sdk's streaming, which
// opens its EventSource once and never again when the constructor throws). Once the decision
// denies the vendor it never opens. The stand-in vendor's .sse file sends a "put" event and a
// message (test/support/vendor-hosts.mjs).
import { expect } from '@esm-bundle/chai';
import { beaconBucket, clearState, openPage, ready, sleep, until } from './page';
import { config, fresh, recorder } from './fixtures/vendors';

const SETTLE = 300;

/** An EventSource towards `u` in `W` set up the way SDKs do, and what it received. */
function stream(W: any, u: string) {
  const es = new W.EventSource(u);
  const got: string[] = [];
  es.onmessage = (e: any) => got.push('message ' + e.data);
  es.addEventListener('put', (e: any) => got.push('put ' + e.data));
  const gone = () => got.push('removed listener ran');
  es.addEventListener('put', gone);
  es.removeEventListener('put', gone);
  return { es, got };
}

/** A page with the fixtures' configuration (or `o`'s), once the loader is ready; W is its window, untyped. */
async function started(o: Parameters<typeof openPage>[0] = {}) {
  const { win } = await openPage({ config, ...o });
  await ready(win);
  return { win, W: win as any };
}

describe('event streams and sockets towards a vendor', () => {
  beforeEach(clearState);

  it('an EventSource made before a choice stays CONNECTING, sends nothing, and opens after Accept all with its handlers and listeners', async () => {
    const { url, requested } = fresh();
    const { win, W } = await started();
    const { es, got } = stream(W, url('x.ads', 'flags.sse'));
    expect(es instanceof W.EventSource).to.equal(true);
    expect(es.readyState).to.equal(W.EventSource.CONNECTING);
    expect(es.url).to.equal(url('x.ads', 'flags.sse'));
    await sleep(SETTLE);
    expect(await requested()).to.deep.equal([]);
    win.consentry.acceptAll();
    await until(() => got.length == 2, 3000, 'the events');
    expect(got).to.deep.equal(['put {"flag":true}', 'message hello']);
    expect(await requested()).to.deep.equal(['x/flags.sse']);
    es.close();
    expect(es.readyState).to.equal(W.EventSource.CLOSED);
  });

  it('one made from a consentry:change listener opens while the ledger acknowledges the decision', async () => {
    const { url, requested } = fresh();
    const bucket = beaconBucket();
    await bucket.status(503);
    const { win, W } = await started({ config: { ...config, beacon: { url: bucket.url, waitMs: 600 } } });
    let s: any;
    win.document.addEventListener('consentry:change', () => win.consentry.allowed('ads') && (s ||= stream(W, url('x.ads', 'on-change.sse'))));
    win.consentry.acceptAll();
    expect(s, 'made in the change listener').to.not.equal(undefined);
    await until(() => s.got.length == 2, 3000, 'the events after the ledger wait');
    expect(s.got).to.deep.equal(['put {"flag":true}', 'message hello']);
    expect(await requested()).to.deep.equal(['x/on-change.sse']);
  });

  it('after Reject all, one made before and one made after never open and send nothing', async () => {
    const { url, requested } = fresh();
    const { win, W } = await started();
    const before = stream(W, url('x.ads', 'before.sse'));
    win.consentry.rejectAll();
    const after = stream(W, url('x.ads', 'after.sse'));
    await sleep(SETTLE * 2);
    expect([before.es.readyState, after.es.readyState]).to.deep.equal([0, 0]);
    expect([before.got, after.got]).to.deep.equal([[], []]);
    expect(await requested()).to.deep.equal([]);
  });

  it('a WebSocket waits as CONNECTING (send throws) and really connects after Accept all, with its handlers and listeners', async () => {
    const { win, W } = await started();
    // Nothing listens there: a real socket fails within milliseconds, and the page's handlers hear it.
    const ws = new W.WebSocket('ws://ws.ads.localhost:65535/');
    const got: string[] = [];
    ws.onopen = () => got.push('open');
    ws.onerror = () => got.push('error');
    ws.addEventListener('close', (e: any) => got.push('close ' + e.code));
    ws.binaryType = 'arraybuffer';
    // Read-only on a real socket: setting it must not stop the rest from being applied.
    ws.url = 'ws://elsewhere.localhost/';
    expect([ws instanceof W.WebSocket, ws.readyState, ws.binaryType]).to.deep.equal([true, W.WebSocket.CONNECTING, 'arraybuffer']);
    expect([ws.CONNECTING, ws.OPEN, ws.CLOSING, ws.CLOSED, ws.constructor]).to.deep.equal([0, 1, 2, 3, W.WebSocket]);
    let thrown: any;
    try {
      ws.send('x');
    } catch (e) {
      thrown = e;
    }
    expect([thrown instanceof W.DOMException, thrown && thrown.name], 'send() while connecting').to.deep.equal([true, 'InvalidStateError']);
    // A custom event the page dispatches on it reaches its listeners, as on a real one.
    ws.addEventListener('custom', () => got.push('custom'));
    expect(ws.dispatchEvent(new W.Event('custom'))).to.equal(true);
    expect(got.splice(0), 'dispatchEvent').to.deep.equal(['custom']);
    await sleep(SETTLE);
    expect(got, 'before a choice').to.deep.equal([]);
    win.consentry.acceptAll();
    await until(() => got.length == 2, 5000, 'the real socket to fail');
    expect(got).to.deep.equal(['error', 'close 1006']);
    expect([ws.readyState, ws.binaryType]).to.deep.equal([W.WebSocket.CLOSED, 'arraybuffer']);
  });

  it('one the page makes right after the loader, towards a vendor the inline configuration names, waits', async () => {
    const { url, requested } = fresh();
    const u = url('x.ads', 'early.sse');
    const { win } = await openPage({
      config,
      body: `<script>window.early = new EventSource(${JSON.stringify(u)}); window.got = []; early.onmessage = (e) => got.push(e.data);</script>`,
    });
    const W = win as any;
    expect(W.early.readyState).to.equal(0);
    await ready(win);
    await sleep(SETTLE);
    expect(await requested()).to.deep.equal([]);
    win.consentry.acceptAll();
    await until(() => W.got.length, 3000, 'the message');
    expect(W.got).to.deep.equal(['hello']);
  });

  it('with data-config, ones made before the file arrives wait: towards a vendor until Accept all, towards an undeclared host until the file is in', async () => {
    const { url, requested } = fresh();
    const [vendor, other] = [url('x.ads', 'vendor.sse'), url('cdn', 'other.sse')];
    const { win } = await openPage({
      config,
      fetch: true,
      body: `<script>window.got = []; for (const u of ${JSON.stringify([vendor, other])}) new EventSource(u).onmessage = (e) => got.push(u.split('/').pop() + ' ' + e.data);</script>`,
    });
    const W = win as any;
    await ready(win);
    await until(() => W.got.length, 3000, 'the undeclared host\'s message');
    await sleep(SETTLE);
    expect([W.got, await requested()]).to.deep.equal([['other.sse hello'], ['cdn/other.sse']]);
    win.consentry.acceptAll();
    await until(() => W.got.length == 2, 3000, "the vendor's message");
    expect(W.got).to.deep.equal(['other.sse hello', 'vendor.sse hello']);
  });

  it('one whose URL the browser refuses never opens, and the release goes on past it', async () => {
    const { url, requested } = fresh();
    const { win, W } = await started({ head: recorder, body: `<script type="text/plain" data-consent="ads">ran.push('tag')</script>` });
    // Port 99999 is out of range: the real constructor throws a SyntaxError.
    const bad = new W.EventSource('http://x.ads.localhost:99999/bad.sse');
    const { got } = stream(W, url('x.ads', 'good.sse'));
    win.consentry.acceptAll();
    await until(() => got.length == 2 && W.ran.length, 3000, 'the other stream and the tag');
    expect([bad.readyState, W.ran, await requested()]).to.deep.equal([0, ['tag'], ['x/good.sse']]);
  });

  it('a WebSocket closed while it waits fails as a connecting one does (error, then close 1006), and never opens', async () => {
    const { win, W } = await started();
    const ws = new W.WebSocket('ws://ws.ads.localhost:65535/');
    const got: string[] = [];
    ws.onerror = function (this: any) {
      got.push('error' + (this === ws ? ' on the socket' : ''));
    };
    ws.addEventListener('close', (e: any) => got.push('close ' + e.code));
    ws.close();
    expect(ws.readyState).to.equal(W.WebSocket.CLOSED);
    await until(() => got.length == 2, 3000, 'the events');
    win.consentry.acceptAll();
    await sleep(SETTLE * 2);
    expect(got).to.deep.equal(['error on the socket', 'close 1006']);
  });

  it('a subclass of WebSocket keeps its own methods and fields while it waits, and after release', async () => {
    const { win, W } = await started();
    const Sub = new W.Function(
      'return class extends WebSocket { sent = []; push(m) { this.readyState == this.OPEN ? this.send(m) : this.sent.push(m); return this.sent.length; } }',
    )();
    const ws = new Sub('ws://ws.ads.localhost:65535/');
    const got: string[] = [];
    ws.onerror = () => got.push('error');
    expect([ws instanceof Sub, ws instanceof W.WebSocket, ws.push('a'), ws.push('b'), String(ws)]).to.deep.equal([true, true, 1, 2, '[object WebSocket]']);
    win.consentry.acceptAll();
    await until(() => got.length, 5000, 'the real socket to fail');
    expect([ws.sent.join(), ws.push('c'), ws.readyState]).to.deep.equal(['a,b', 3, W.WebSocket.CLOSED]);
  });

  it('another made from a socket\'s constructor waits the same', async () => {
    const { token, url, requested } = fresh();
    const { W } = await started();
    // The page's own origin: a real EventSource at once.
    const own = new W.EventSource(`/__vendor/${token}/own.sse`);
    const made = [new own.constructor(url('x.ads', 'a.sse')), new W.EventSource.prototype.constructor(url('x.ads', 'b.sse'))];
    await until(async () => (await requested()).length, 3000, 'the own stream');
    await sleep(SETTLE);
    expect([made.map((e) => e.readyState), await requested()]).to.deep.equal([[0, 0], ['localhost/own.sse']]);
    own.close();
  });
});
