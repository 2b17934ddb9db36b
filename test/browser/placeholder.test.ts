// The blocked iframe's placeholder as a visitor sees it: part of the widget (its colours in
// both themes, its button, link and focus ring, the vendor's name first), inside the iframe's
// own box, and styled under a strict CSP.
import { expect } from '@esm-bundle/chai';
import { emulateMedia } from '@web/test-runner-commands';
import { clearState, sleep, until } from './page';
import { itUnless } from './engine';
import { control, fresh } from '../support/widget-ui.mjs';
import { held } from './placeholder-page';

const css = (el: Element, pseudo?: string) => getComputedStyle(el, pseudo);
const rgb = (el: Element, prop: 'backgroundColor' | 'color') => css(el)[prop];

describe('iframe placeholder: looks like part of the widget', () => {
  beforeEach(async () => {
    await fresh(clearState);
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  });

  for (const [theme, surface, accent] of [
    ['light', 'rgb(243, 244, 246)', 'rgb(29, 78, 216)'],
    ['dark', 'rgb(42, 42, 48)', 'rgb(157, 184, 255)'],
  ])
    it(`${theme} theme: the widget's card colour, the widget's button and link, the vendor's name first and largest`, async () => {
      const { inner, button, root } = await held({ ui: { theme } });
      expect(rgb(inner.documentElement, 'backgroundColor')).to.equal(surface);
      // The same button as the banner's, colour for colour.
      const widgetButton = control(root, 'Accept all');
      expect(rgb(button, 'backgroundColor')).to.equal(accent);
      for (const p of ['backgroundColor', 'color', 'fontWeight', 'borderTopLeftRadius', 'borderTopWidth', 'borderTopColor', 'minHeight'] as const)
        expect(css(button)[p], p).to.equal(css(widgetButton)[p]);
      expect(button.textContent).to.equal('Allow YouTube');
      const link = inner.querySelector('a')!;
      expect(link.textContent).to.equal('Privacy policy');
      expect(rgb(link, 'color')).to.equal(rgb(control(root, 'Cookie notice'), 'color'));
      // The vendor's name: first, bold and larger than the sentence under it.
      const name = inner.querySelector('body *:not(div)')!;
      expect(name.textContent).to.equal('YouTube');
      expect(Number(css(name).fontWeight)).to.be.at.least(700);
      expect(parseFloat(css(name).fontSize)).to.be.above(parseFloat(css(button).fontSize));
      const rows = [name, inner.querySelector('p + p')!, button, link].map((el) => el.getBoundingClientRect());
      for (let i = 1; i < rows.length; i++) expect(rows[i].top, 'name, text, button, link top to bottom').to.be.at.least(rows[i - 1].bottom - 1);
      expect(inner.documentElement.lang).to.equal('en');
    });

  it('takes the colours and radius the site sets for the widget (--consentry-*), in both themes', async () => {
    const head = '<style>:root{--consentry-accent:#7a1f00;--consentry-surface:#fff8e1;--consentry-radius:2px;--consentry-surface-dark:#201a10}</style>';
    let { inner, button } = await held({ ui: { theme: 'light' }, head });
    expect(rgb(button, 'backgroundColor')).to.equal('rgb(122, 31, 0)');
    expect(css(button).borderTopLeftRadius).to.equal('2px');
    expect(rgb(inner.documentElement, 'backgroundColor')).to.equal('rgb(255, 248, 225)');
    await fresh(clearState);
    ({ inner } = await held({ ui: { theme: 'dark' }, head }));
    expect(rgb(inner.documentElement, 'backgroundColor')).to.equal('rgb(32, 26, 16)');
  });

  itUnless({ webkit: 'WebKitWebDriver cannot emulate a dark colour scheme' }, 'with theme "auto", follows the system colour scheme, also when it changes', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const { inner, button } = await held({ ui: { theme: 'auto' } });
    expect(rgb(inner.documentElement, 'backgroundColor')).to.equal('rgb(42, 42, 48)');
    expect(rgb(button, 'backgroundColor')).to.equal('rgb(157, 184, 255)');
    await emulateMedia({ colorScheme: 'light' });
    await until(() => rgb(inner.documentElement, 'backgroundColor') == 'rgb(243, 244, 246)', 2000, 'the light theme');
    expect(rgb(button, 'backgroundColor')).to.equal('rgb(29, 78, 216)');
  });

  it("shows the widget's focus ring on its button", async () => {
    const { button, inner } = await held({ ui: { theme: 'light' } });
    button.focus({ focusVisible: true } as FocusOptions);
    expect(inner.activeElement).to.equal(button);
    expect(css(button).outlineStyle).to.equal('solid');
    expect(parseFloat(css(button).outlineWidth)).to.be.at.least(2);
    expect(css(button).outlineColor).to.equal(rgb(inner.body, 'color'));
  });

  it("uses the site's font, as the widget does", async () => {
    const { button } = await held({ head: '<style>body{font-family:Georgia}</style>' });
    expect(css(button).fontFamily).to.equal('Georgia');
  });
});

describe("iframe placeholder: inside the iframe's own box", () => {
  beforeEach(async () => {
    await fresh(clearState);
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  });

  for (const [what, iframe, w, h] of [
    ['a 480 × 270 iframe', 'width="480" height="270"', 480, 270],
    ['an iframe of the default 300 × 150', '', 300, 150],
  ] as const)
    it(`${what}: keeps its size and place, and everything fits in it`, async () => {
      const { f, inner, button, doc } = await held({ iframe });
      const box = f.getBoundingClientRect();
      expect([box.width, box.height]).to.deep.equal([w + 4, h + 4]);
      expect(doc.querySelector('p:last-of-type')!.getBoundingClientRect().top).to.be.at.least(box.bottom);
      // Nothing to scroll to, and the button and link are where a click lands.
      expect(inner.documentElement.scrollHeight).to.be.at.most(h);
      for (const el of [button, inner.querySelector('a')!]) {
        const r = el.getBoundingClientRect();
        expect(r.top).to.be.at.least(0);
        expect(r.bottom).to.be.at.most(h);
        expect(inner.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)!.closest('a,button')).to.equal(el);
      }
    });

  it("draws no sunken frame: the browser's inset border becomes flat in the card's colour, same width, and comes back on release", async () => {
    const { win, f, inner, button, requested } = await held({ ui: { theme: 'light' } });
    const before = f.getBoundingClientRect();
    expect(css(f).borderTopStyle).to.equal('solid');
    expect(css(f).borderTopWidth).to.equal('2px');
    expect(css(f).borderTopColor).to.equal(rgb(inner.documentElement, 'backgroundColor'));
    button.click();
    await until(async () => (await requested()).length, 3000, 'the embed request');
    await until(() => css(f).borderTopStyle == 'inset', 3000, "the site's own border back");
    expect(win.consentry.get().vendors.yt).to.equal(true);
    const after = f.getBoundingClientRect();
    expect([after.x, after.y, after.width, after.height]).to.deep.equal([before.x, before.y, before.width, before.height]);
  });

  it("leaves a border the site styled alone", async () => {
    const { f } = await held({ head: '<style>iframe{border:3px dashed rgb(200, 0, 0)}</style>' });
    expect([css(f).borderTopStyle, css(f).borderTopWidth, css(f).borderTopColor]).to.deep.equal(['dashed', '3px', 'rgb(200, 0, 0)']);
  });
});

describe("iframe placeholder: the held iframe's window", () => {
  beforeEach(() => fresh(clearState));

  // Scripts that talk to a frame (axe-core's frame messaging, friendly-iframe ad code) answer
  // the message's source: it must be the page that posted, not the frame itself.
  it("carries the page's messages with the page as their source", async () => {
    const { win, f } = await held();
    const inner = f.contentDocument!.defaultView!;
    const got = new Promise<MessageEvent>((r) => inner.addEventListener('message', r, { once: true }));
    // Posted by the page's own code, as a site's script would.
    new (win as any).Function("document.querySelector('iframe').contentWindow.postMessage('hello', '*')")();
    const e = await got;
    expect(e.data).to.equal('hello');
    expect(e.source === win, 'the source is the page').to.equal(true);
  });
});

describe('iframe placeholder: under a strict Content-Security-Policy', () => {
  beforeEach(() => fresh(clearState));

  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; frame-src http://yt.localhost:*; script-src 'nonce-r4nd0m'; style-src 'nonce-r4nd0m'">`;
  const spy = `<script nonce="r4nd0m">window.violations=[];document.addEventListener('securitypolicyviolation',e=>violations.push(e.violatedDirective+' '+e.blockedURI))</script>`;

  it('is styled without unsafe-inline (a constructable stylesheet), and violates nothing', async () => {
    const { win, inner, button } = await held({ head: csp + spy, attrs: 'nonce="r4nd0m"', ui: { theme: 'light' } });
    expect(rgb(button, 'backgroundColor')).to.equal('rgb(29, 78, 216)');
    expect(css(inner.body).display).to.equal('grid');
    expect([inner.adoptedStyleSheets.length, inner.querySelectorAll('style').length]).to.deep.equal([1, 0]);
    await sleep(100);
    expect((win as any).violations).to.deep.equal([]);
  });

  it("falls back to a <style> carrying the nonce where the iframe's document has no constructable stylesheets", async () => {
    // In the task that inserts the iframe: a script after a parsed iframe could run after the placeholder drew.
    const noSheets = `document.querySelector('iframe').contentWindow.CSSStyleSheet=function(){throw new TypeError('no')}`;
    const { inner, button } = await held({ head: csp, attrs: 'nonce="r4nd0m"', ui: { theme: 'light' }, inserted: { nonce: 'r4nd0m', then: noSheets } });
    expect(inner.adoptedStyleSheets).to.have.length(0);
    expect([...inner.querySelectorAll('style')].map((s) => s.nonce)).to.deep.equal(['r4nd0m']);
    expect(rgb(button, 'backgroundColor')).to.equal('rgb(29, 78, 216)');
  });
});

describe("iframe placeholder: the banner's language", () => {
  beforeEach(async () => {
    await fresh(clearState);
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  });

  it('speaks German beside a German banner, with an edge of its own on a page of its colour', async () => {
    const { inner, button, root } = await held({ attrs: 'data-lang="de"' });
    await until(() => root.querySelector('.bn .b')?.textContent == 'Alle akzeptieren', 4000, 'the German banner');
    expect(inner.documentElement.lang).to.equal('de');
    expect(button.textContent).to.equal('YouTube erlauben');
    expect(inner.querySelector('p + p')!.textContent).to.equal('Inhalte von YouTube sind blockiert, bis Sie sie erlauben.');
    expect(inner.querySelector('a')!.textContent).to.equal('Datenschutzerklärung');
    expect(css(inner.body).boxShadow).to.contain('inset');
  });
});
