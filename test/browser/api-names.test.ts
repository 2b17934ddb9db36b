import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep } from './page';

describe('API: names are data', () => {
  beforeEach(clearState);

  it('on() with an event named like an Object method neither throws nor fires', async () => {
    const { win } = await openPage({ config: { revision: 1 } });
    await ready(win);
    const heard: unknown[] = [];
    for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      const off = win.consentry.on(name, (d: unknown) => heard.push([name, d]));
      expect(off).to.be.a('function');
      off();
    }
    win.consentry.on('constructor', (d: unknown) => heard.push(d));
    win.consentry.acceptAll();
    await sleep(100);
    expect(heard).to.deep.equal([]);
  });

  it('on() with a listener that is not a function says so at once, and the flow goes on', async () => {
    const { win } = await openPage({ config: { revision: 1 } });
    await ready(win);
    const late: unknown[] = [];
    win.addEventListener('error', (e) => late.push(e.message));
    let thrown: any;
    try {
      win.consentry.on('change', 5 as any);
    } catch (e) {
      thrown = e;
    }
    expect([thrown && thrown.name, thrown && thrown.message]).to.deep.equal(['TypeError', '[consentry] on("change", listener): the listener is not a function']);
    const heard: unknown[] = [];
    win.consentry.on('change', (d: any) => heard.push(d.method));
    win.consentry.acceptAll();
    await sleep(50);
    expect([heard, late]).to.deep.equal([['accept-all'], []]);
  });

  it("a language the configuration spells with a region (pt-BR) is matched whatever the page's case", async () => {
    const { win } = await openPage({ config: { revision: 1, texts: { 'pt-BR': { 'banner.title': 'Usamos cookies (Brasil)' } } }, htmlLang: 'pt-br' });
    await ready(win);
    expect(win.consentry.__core.lang).to.equal('pt-BR');
  });
});
