// @sentry/browser, when the page's fetch is not the native one (the gate's is not), takes a
// clean fetch from a hidden iframe it inserts and removes at once, and calls it on the page's
// window (`frameWindow.fetch.bind(window)`), as a native fetch allows. The gate's fetch in that
// frame dropped `this` and sent through the removed frame's window, which is no longer fully
// active: the held request failed after Accept all, and Sentry never reported anything.
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep, until } from './page';
import { config, fresh } from './fixtures/vendors';

describe('compat3: a fetch taken from a removed frame and bound to the page', () => {
  beforeEach(clearState);

  it('is held before a choice, then sent and answered after Accept all', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config });
    await ready(win);
    // What Sentry's getNativeImplementation('fetch') does.
    const frame = doc.createElement('iframe');
    frame.hidden = true;
    doc.head.appendChild(frame);
    const fetch = (frame.contentWindow as any).fetch.bind(win);
    doc.head.removeChild(frame);
    let status: unknown = 'pending';
    fetch(url('ga', 'held.gif'), { method: 'POST', body: 'event', keepalive: true, mode: 'no-cors' }).then(
      (r: Response) => (status = r.type),
      (e: Error) => (status = String(e)),
    );
    await sleep(500);
    expect(await requested()).to.deep.equal([]);
    expect(status).to.equal('pending');
    win.consentry.acceptAll();
    await until(() => status != 'pending', 4000, 'the held fetch to settle');
    expect(status).to.equal('opaque');
    expect(await requested()).to.deep.equal(['ga/held.gif']);
    // Once allowed, it goes at once. (The stand-in vendor sends no CORS headers: the answers are opaque.)
    expect((await fetch(url('ga', 'now.gif'), { mode: 'no-cors' })).type).to.equal('opaque');
    expect(await requested()).to.include('ga/now.gif');
  });

  it('a timer taken from a removed frame and bound to the page fires', async () => {
    const { win, doc } = await openPage({ config });
    await ready(win);
    const frame = doc.createElement('iframe');
    doc.head.appendChild(frame);
    const timeout = (frame.contentWindow as any).setTimeout.bind(win);
    doc.head.removeChild(frame);
    let fired = false;
    timeout(() => (fired = true), 10);
    await sleep(500);
    expect(fired).to.equal(true);
  });
});
