// Adversarial review of the gate (gatereview branch): a configuration that cannot be read (its file
// answers 404, its JSON is broken, the validator chunk is refused) left the gate with no vendor and
// so no vendor host: every auto-blocked tag held "until the rules are known" then ran, with no
// choice. It must fail closed, as the docs promise for a bad configuration. Fails without the fix
// (see the gatereview report). So does a configuration that fails its check: a mistake in one vendor
// dropped every vendor.
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, sleep } from './page';
import { config, fresh, recorder } from './fixtures/vendors';


const SETTLE = 600;

describe('gate review: a configuration that cannot be read fails closed', () => {
  beforeEach(clearState);

  for (const [what, o] of [
    ['a data-config answering 404', { noConfig: true, attrs: 'data-config="/no-such-config.json"' }],
    ['broken inline JSON', { rawConfig: JSON.stringify(config).slice(0, -1) }],
    // A mistake in one vendor drops every vendor (config.ts resolve), and with them every host.
    ['one vendor with a bad field', { config: { ...config, vendors: [...config.vendors, { id: 'bad', name: 'Bad', category: 'performance', hosts: [42] }] } }],
  ] as const)
    it(`${what}: third-party tags inserted by code stay held`, async () => {
      const { url, requested } = fresh();
      const { win, doc } = await openPage({ ...o, head: recorder });
      const errors: string[] = [];
      const s = doc.createElement('script');
      s.src = url('x.ads', 'a.js?n=early');
      doc.head.append(s);
      await sleep(SETTLE);
      const s2 = doc.createElement('script');
      s2.src = url('ga', 'b.js?n=late');
      doc.head.append(s2);
      new (win as any).Image().src = url('x.ads', 'p.gif');
      await sleep(SETTLE);
      expect(win.ran, errors.join()).to.deep.equal([]);
      expect(await requested()).to.deep.equal([]);
    });
});
