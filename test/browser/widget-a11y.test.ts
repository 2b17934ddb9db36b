import { expect } from '@esm-bundle/chai';
import { emulateMedia } from '@web/test-runner-commands';
import { clearState, openPage, ready, sleep, until } from './page';
import { itUnless } from './engine';
import { axe, control, fresh, shadowOf } from '../support/widget-ui.mjs';
import { vendors } from '../support/widget-fixtures.mjs';
import enWidget from '../../src/i18n/en';
import enDeclaration from '../../src/i18n/en-declaration';
import { LANGS } from '../../src/lang';
import { held } from './placeholder-page';

const config = { revision: 1, policyUrl: 'https://example.com/cookie-notice', vendors };

async function banner(extra: object = {}, o: Parameters<typeof openPage>[0] = {}) {
  const page = await openPage({ config: { ...config, ...extra }, ...o });
  await ready(page.win);
  return { ...page, root: await shadowOf(page.doc) };
}

describe('widget: accessibility in both themes (axe-core)', () => {
  beforeEach(async () => {
    await fresh(clearState);
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  });

  for (const theme of ['light', 'dark'])
    for (const layout of ['bar', 'modal']) {
      it(`finds no violations in the ${layout} banner, ${theme} theme`, async () => {
        const { win } = await banner({ ui: { theme, layout } });
        expect(await axe(win)).to.deep.equal([]);
      });
    }

  for (const theme of ['light', 'dark'])
    it(`finds no violations in the preferences dialog with its vendor lists open, ${theme} theme`, async () => {
      const { win, doc } = await banner({ ui: { theme } });
      await win.consentry.show();
      const root = await shadowOf(doc, '.dlg');
      root.querySelectorAll('details').forEach((d) => (d.open = true));
      expect(await axe(win)).to.deep.equal([]);
    });

  // axe-core runs in the page and, through its frame messaging, in the placeholder's document,
  // which it judges as part of the page: the whole page is checked, as a site would be.
  for (const theme of ['light', 'dark'])
    it(`finds no violations in a blocked iframe's placeholder, ${theme} theme`, async () => {
      const { win, f } = await held({ ui: { theme } });
      await new Promise((ok, fail) => {
        const s = f.contentDocument!.createElement('script');
        s.src = '/node_modules/axe-core/axe.min.js';
        s.onload = ok;
        s.onerror = fail;
        f.contentDocument!.head.appendChild(s);
      });
      expect(await axe(win, 'html')).to.deep.equal([]);
      // It did look inside: the placeholder's button passed the contrast check in its frame.
      const contrast = await (win as any).axe.run({ include: [['html']] }, { runOnly: { type: 'rule', values: ['color-contrast'] } });
      const inFrame = contrast.passes.flatMap((r: any) => r.nodes.map((n: any) => n.target.join(' ')));
      expect(inFrame).to.include('iframe button');
    });

  itUnless({ webkit: 'WebKitWebDriver cannot emulate a dark colour scheme' }, 'follows the system colour scheme with theme "auto", and finds no violations in dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const { win, root } = await banner({ ui: { theme: 'auto' } });
    expect(getComputedStyle(root.querySelector('.bn')!).backgroundColor).to.equal('rgb(27, 27, 31)');
    expect(await axe(win)).to.deep.equal([]);
  });

  it('takes colours from --consentry-* properties set by the site', async () => {
    const { root } = await banner({ ui: { theme: 'light' } }, { head: '<style>:root{--consentry-accent:#7a1f00}</style>' });
    expect(getComputedStyle(control(root, 'Accept all')).backgroundColor).to.equal('rgb(122, 31, 0)');
  });

  it("uses the site's font and keeps the site's CSS out", async () => {
    const { root } = await banner({}, { head: '<style>body{font-family:Georgia} button{background:red!important;display:none!important}</style>' });
    const b = control(root, 'Accept all');
    expect(getComputedStyle(b).fontFamily).to.equal('Georgia');
    expect(getComputedStyle(b).display).not.to.equal('none');
  });

  itUnless({ webkit: 'WebKitWebDriver cannot switch reduced motion off; WebKit pages run with it on' }, 'animates only when the visitor has not asked for reduced motion', async () => {
    let { root } = await banner();
    expect(getComputedStyle(root.querySelector('.bn')!).animationName).to.equal('none');
    await fresh(clearState);
    await emulateMedia({ reducedMotion: 'no-preference' });
    ({ root } = await banner());
    const bn = root.querySelector('.bn')! as HTMLElement;
    expect(getComputedStyle(bn).animationName).to.equal('in');
    // It fades in from 40% opacity, readable from its first frame: not from nothing.
    const a = bn.getAnimations()[0];
    a.pause();
    a.currentTime = 0;
    expect(+getComputedStyle(bn).opacity).to.be.above(0);
    expect(bn.checkVisibility({ opacityProperty: true } as any)).to.equal(true);
  });

  it('shows visible focus rings', async () => {
    const { root } = await banner({ ui: { theme: 'light' } });
    const b = control(root, 'Accept all');
    b.focus({ focusVisible: true } as FocusOptions);
    const s = getComputedStyle(b);
    expect(s.outlineStyle).to.equal('solid');
    expect(parseFloat(s.outlineWidth)).to.be.at.least(2);
  });

  it('keeps the dialog usable at 320 px wide and 200% zoom (160 px of height per 320)', async () => {
    const { win, doc, frame } = await banner();
    frame.style.cssText = 'width:320px;height:256px';
    await win.consentry.show();
    const root = await shadowOf(doc, '.dlg');
    const dlg = root.querySelector('.dlg')!;
    const r = dlg.getBoundingClientRect();
    expect(r.left).to.be.at.least(0);
    expect(r.right).to.be.at.most(320);
    expect(r.bottom).to.be.at.most(256);
    // Everything is reachable by scrolling the dialog itself.
    expect(dlg.scrollHeight).to.be.above(dlg.clientHeight);
    expect(getComputedStyle(dlg).overflowY).to.equal('auto');
  });
});

describe('widget: under a strict Content-Security-Policy', () => {
  beforeEach(() => fresh(clearState));

  it('renders styled with a nonce and no unsafe-inline, its dialog too, and violates nothing', async () => {
    const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'nonce-r4nd0m'; style-src 'nonce-r4nd0m'">`;
    const spy = `<script nonce="r4nd0m">window.violations=[];document.addEventListener('securitypolicyviolation',e=>violations.push(e.violatedDirective+' '+e.blockedURI))</script>`;
    const { win, doc, root } = await banner({}, { head: csp + spy, attrs: 'nonce="r4nd0m"', htmlLang: 'de' });
    expect(getComputedStyle(root.querySelector('.bn')!).position).to.equal('fixed');
    expect(control(root, 'Alle akzeptieren')).to.exist;
    // The dialog is a chunk of its own, with its own styles: loaded and styled under the same CSP.
    control(root, 'Anpassen').click();
    await shadowOf(doc, '.dlg');
    expect(root.getElementById('pt')!.textContent).to.equal('Datenschutz-Einstellungen');
    expect(getComputedStyle(root.querySelector('.sw')!).width).to.equal('48px');
    await sleep(100);
    expect((win as any).violations).to.deep.equal([]);
  });
});

describe('widget: languages', () => {
  beforeEach(() => fresh(clearState));

  it('every built-in language has exactly the English keys (the widget\'s and the declaration\'s)', async () => {
    const en = { ...enWidget, ...enDeclaration };
    for (const lang of LANGS.slice(1)) {
      const texts = (await import(`../../src/i18n/${lang}.ts`)).default;
      expect(Object.keys(texts).sort(), lang).to.deep.equal(Object.keys(en).sort());
    }
  });

  it('speaks the language of data-lang, fetching only that language file', async () => {
    const { win, root } = await banner({}, { attrs: 'data-lang="fr"', htmlLang: 'de' });
    expect(root.querySelector('h2')!.textContent).to.equal('Nous utilisons des cookies');
    control(root, 'Tout accepter');
    const files = win.performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.includes('consentry-i18n'));
    expect(files.map((u) => u.split('/').pop()!.replace(/\.[0-9a-f]{8}\.js$/, '.js'))).to.deep.equal(['consentry-i18n-fr.js']);
    expect(root.querySelector('.r')!.getAttribute('lang')).to.equal('fr');
  });

  it('follows <html lang> and names the default categories in it', async () => {
    const { win, doc } = await banner({}, { htmlLang: 'pl' });
    await win.consentry.show();
    const root = await shadowOf(doc, '.dlg');
    expect(control(root, 'Reklamowe').getAttribute('role')).to.equal('switch');
    control(root, 'Zapisz wybór');
  });

  it('lets the configuration override any text and name categories itself', async () => {
    const { win, doc, root } = await banner(
      {
        texts: { de: { 'banner.title': 'Kekse?' } },
        categories: [{ id: 'required', required: true }, { id: 'stats', name: { de: 'Besucherzählung', en: 'Visitor counts' }, description: 'Zählt Besuche.' }],
        vendors: [],
      },
      { htmlLang: 'de' },
    );
    expect(root.querySelector('h2')!.textContent).to.equal('Kekse?');
    await win.consentry.show();
    await shadowOf(doc, '.dlg');
    expect(control(root, 'Besucherzählung').closest('.cat')!.textContent).to.contain('Zählt Besuche.');
  });

  it('renders right-to-left languages mirrored', async () => {
    const { root } = await banner({ texts: { ar: { 'banner.title': 'نستخدم ملفات تعريف الارتباط' } }, ui: { layout: 'box' } }, { htmlLang: 'ar' });
    expect(root.querySelector('.r')!.getAttribute('dir')).to.equal('rtl');
    expect(root.querySelector('h2')!.textContent).to.equal('نستخدم ملفات تعريف الارتباط');
    // The box sits in the inline-end corner, which is the left in right-to-left.
    expect(root.querySelector('.bn')!.getBoundingClientRect().left).to.be.below(40);
  });
});
