/**
 * Random and adversarial configurations through the real loader in Chromium (seeded, bounded
 * in runs and time): inline, fetched with data-config, or baked the way `consentry bundle`
 * bakes what validate accepts. Whatever the file says, no error escapes, nothing in it runs as
 * script, every link Consentry draws is http(s), and the visitor gets the banner; a broken file
 * fails closed. The same generator feeds validate in Node (test/node/fuzz-config.test.mjs).
 */
import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { clearState, openPage, sleep } from './page';
import { validate } from '../../src/validate';
import { configText } from '../support/fuzz-configs.mjs';
import { clickUnsafeLinks, ran, watch, widget } from '../support/harden-checks.mjs';

const SEED = 20261130;
const iframe = `<iframe data-consent="yt" data-src="http://yt.localhost:${location.port}/__vendor/fuzz/embed.html"></iframe>`;
/** JSON as a page inlines it: "<" escaped, so "</script>" in a value cannot close the element. */
const inline = (text: string) => text.replace(/</g, '\\u003c');

type How = 'inline' | 'fetch' | 'bundle';

async function load(text: string, how: How) {
  if (how == 'bundle') return openPage({ noConfig: true, head: watch + `<script>window.__consentryConfig=${inline(text)}</script>`, body: iframe });
  return openPage({ rawConfig: how == 'inline' ? inline(text) : text, fetch: how == 'fetch', head: watch, body: iframe });
}

describe('fuzz: configurations through the loader', () => {
  it('never throw, never run config data, draw only http(s) links, and end in the banner (failing closed when invalid)', async function () {
    this.timeout(180000);
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(configText, fc.constantFrom<How>('inline', 'fetch', 'bundle'), async (text, how) => {
        const errors = validate(JSON.parse(text));
        // `consentry bundle` bakes only what validate accepts.
        if (how == 'bundle' && errors.length) return;
        await clearState();
        cases++;
        const { win, doc } = await load(text, how);
        const w = win as any;
        const state = await Promise.race([new Promise((r) => win.consentry.on('ready', () => r('ready'))), sleep(5000).then(() => 'no ready event')]);
        expect(state, text).to.equal('ready');
        expect(await widget(doc), 'the banner').to.not.equal(null);
        expect(await clickUnsafeLinks(win, doc), text).to.deep.equal([]);
        win.consentry.acceptAll();
        await sleep(20);
        if (errors.length) {
          // Invalid: one error naming a field, and only required categories, whatever the visitor does.
          expect(w.logged.filter((e: string) => e.includes('[consentry]')).length, text).to.equal(1);
          const { categories, vendors } = w.consentry.__core.config;
          const open = categories.filter((c: any) => !c.required).map((c: any) => c.id);
          for (const id of open.concat(vendors.filter((v: any) => open.includes(v.category)).map((v: any) => v.id)))
            expect(win.consentry.allowed(id), `${id} in ${text}`).to.equal(false);
        }
        expect(ran(win), text).to.equal(false);
        expect(w.errors, text).to.deep.equal([]);
      }),
      { seed: SEED, numRuns: 60, interruptAfterTimeLimit: 150000 },
    );
    console.log(`fuzz: ${cases} configurations through the loader`);
    expect(cases).to.be.above(20);
  });
});
