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

  it("a language the configuration spells with a region (pt-BR) is matched whatever the page's case", async () => {
    const { win } = await openPage({ config: { revision: 1, texts: { 'pt-BR': { 'banner.title': 'Usamos cookies (Brasil)' } } }, htmlLang: 'pt-br' });
    await ready(win);
    expect(win.consentry.__core.lang).to.equal('pt-BR');
  });
});
