// Review of the Audio / background change (b0562d9). `document.body.background = url` reflects the
// attribute without setAttribute, and loaded the vendor's image before any choice. The Audio
// wrapper was a plain function: `class X extends Audio` made instances without X's methods,
// `Audio.name` was '' and `Audio()` without `new` did not throw as the browser's does.
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep, until } from './page';
import { config, fresh } from './fixtures/vendors';

describe('review2: the Audio constructor and the background property', () => {
  beforeEach(clearState);

  it('document.body.background = vendor URL is held until the vendor is allowed', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config });
    await ready(win);
    const bg = url('x.ads', 'body.gif');
    (doc.body as any).background = bg;
    expect((doc.body as any).background).to.equal(bg);
    await sleep(600);
    expect(await requested()).to.deep.equal([]);
    win.consentry.acceptAll();
    await until(async () => (await requested()).includes('x/body.gif'), 4000, 'the body background after Accept all');
    expect(doc.body.getAttribute('background')).to.equal(bg);
  });

  it('Audio stays the browser constructor: subclasses, name, length, call without new; a subclass URL is held', async () => {
    const { url, requested } = fresh();
    const { win } = await openPage({ config });
    await ready(win);
    const W = win as any;
    class Beep extends W.Audio {
      beep() {
        return 'beep';
      }
    }
    const b: any = new Beep(url('x.ads', 'beep.mp3'));
    expect(b instanceof Beep).to.equal(true);
    expect(b.beep()).to.equal('beep');
    expect(b instanceof W.HTMLAudioElement).to.equal(true);
    expect(b.preload).to.equal('auto');
    expect(W.Audio.name).to.equal('Audio');
    expect(W.Audio.length).to.equal(0);
    expect(W.Audio.prototype).to.equal(W.HTMLAudioElement.prototype);
    expect(() => W.Audio()).to.throw().with.property('name', 'TypeError');
    await sleep(600);
    expect(await requested()).to.deep.equal([]);
    win.consentry.acceptAll();
    await until(async () => (await requested()).includes('x/beep.mp3'), 4000, 'the subclass audio after Accept all');
  });
});
