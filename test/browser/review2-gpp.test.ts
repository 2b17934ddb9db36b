// Adversarial review (review2): what other code on the page (a buggy tag, a hostile ad frame) sends
// to the GPP CMP API must not break it for everyone else, nor throw on the page.
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep, until, TestWindow } from './page';

const config = {
  revision: 1,
  mode: { default: 'opt-in', regions: { US: 'opt-out' } },
  vendors: [{ id: 'ads', name: 'Ad Network', category: 'advertising' }],
  gpp: true,
};
const errors = `<script>window.pageErrors=[];addEventListener('error',function(e){pageErrors.push(String(e.message))});</script>`;
const pageErrors = (win: TestWindow) => (win as any).pageErrors as string[];

describe('review2: GPP calls from other code', () => {
  beforeEach(clearState);

  it('a tag calling before the chunk arrives with a command named like an Object property, or a callback that throws, does not stop the other tags\' calls', async () => {
    const tags = `<script>
      window.told = [];
      __gpp('constructor', function () { told.push('constructor answered'); });
      __gpp('hasSection', function () { throw new Error('a tag bug'); }, 'usca');
      __gpp('__proto__', function () {});
      __gpp('getField', function (v, ok) { told.push('SaleOptOut:' + v + ':' + ok); }, 'usnat.SaleOptOut');
      __gpp('addEventListener', function (e) { told.push('event:' + e.eventName); });
    </script>`;
    const { win } = await openPage({ config, attrs: 'data-region="US-CA"', head: errors, body: tags });
    await ready(win);
    await until(() => (win as any).told.includes('SaleOptOut:2:true'), 5000, 'the later call to be answered');
    await until(() => (win as any).told.includes('event:signalStatus'), 5000, 'the GPP chunk to be ready');
    expect((win as any).told).to.include('constructor answered');
  });

  it('a frame posting a command named like an Object property gets success false, and the page gets no exception', async () => {
    const { win } = await openPage({ config, attrs: 'data-region="US-CA"', head: errors });
    await ready(win);
    await until(() => win.frames['__gppLocator' as any], 5000, 'the GPP chunk');
    const frame = win.document.createElement('iframe');
    win.document.body.appendChild(frame);
    const script = frame.contentDocument!.createElement('script');
    script.textContent = `parent.replies = [];
      addEventListener('message', function (e) { parent.replies.push(e.data); });
      for (const command of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
        parent.postMessage({ __gppCall: { command: command, version: '1.1', callId: command } }, '*');
      parent.postMessage({ __gppCall: { command: 'ping', version: '1.1', callId: 'last' } }, '*');`;
    frame.contentDocument!.body.appendChild(script);
    await until(() => (win as any).replies.some((r: any) => r.__gppReturn.callId == 'last'), 3000, 'the ping reply');
    await sleep(100);
    const replies = (win as any).replies.map((r: any) => [r.__gppReturn.callId, r.__gppReturn.success]);
    for (const c of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(replies, c).to.deep.include([c, false]);
    expect(pageErrors(win)).to.deep.equal([]);
  });
});
