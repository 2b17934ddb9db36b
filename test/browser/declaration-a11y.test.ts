import { expect } from '@esm-bundle/chai';
import { emulateMedia } from '@web/test-runner-commands';
import { clearState, sleep } from './page';
import { itUnless } from './engine';
import { axe as axeIn, fresh } from '../support/widget-ui.mjs';
import { DIV, declarationPage as open, demoConfig } from './declaration-page';

/** The declaration with the banner put away by a choice: the banner is not under test here. */
async function declarationPage(config: object, o: Parameters<typeof open>[1] = {}) {
  const page = await open(config, { body: `<main><h1>Cookie notice</h1>${DIV}</main>`, ...o });
  await new Promise((r) => page.win.consentry.on('ready', r));
  page.win.consentry.acceptAll();
  await sleep(50);
  return page;
}

const axe = (win: Window) => axeIn(win, '[data-consentry-declaration]');

describe('cookie declaration: accessibility (axe-core) and theme', () => {
  beforeEach(async () => {
    await fresh(clearState);
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  });

  for (const site of ['flockbird', 'wirewell'])
    for (const theme of ['light', 'dark'])
      it(`finds no violations in ${site}'s declaration, ${theme} theme`, async () => {
        const config = await demoConfig(site);
        const { win } = await declarationPage({ ...config, ui: { ...config.ui, theme } });
        expect(await axe(win)).to.deep.equal([]);
      });

  itUnless({ webkit: 'WebKitWebDriver cannot emulate a dark colour scheme' }, 'follows the system colour scheme with theme "auto" on a page with a dark look, and stays free of violations in dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const { win, root } = await declarationPage(await demoConfig('flockbird'), { head: '<meta name="color-scheme" content="light dark">' });
    expect(getComputedStyle(root).backgroundColor).to.equal('rgb(27, 27, 31)');
    expect(await axe(win)).to.deep.equal([]);
  });

  it('takes colours from the same --consentry-* properties as the widget', async () => {
    const { root } = await declarationPage(await demoConfig('flockbird'), { head: '<style>:root{--consentry-accent:#7a1f00;--consentry-surface:#fff8e1}</style>' });
    expect(getComputedStyle(root.querySelector('a')!).color).to.equal('rgb(122, 31, 0)');
    expect(getComputedStyle(root.querySelector('thead th')!).backgroundColor).to.equal('rgb(255, 248, 225)');
  });
});

describe('cookie declaration: narrow screens', () => {
  beforeEach(() => fresh(clearState));

  it('reads at 320 px: each row becomes a card labelled by its column headers, nothing scrolls sideways', async () => {
    const { frame, doc, root, win } = await declarationPage(await demoConfig('wirewell'));
    frame.style.width = '320px';
    await sleep(50);
    expect(doc.documentElement.scrollWidth).to.be.at.most(320);
    const td = root.querySelector<HTMLElement>('tbody td[data-label=Purpose]')!;
    expect(getComputedStyle(td).display).to.equal('block');
    // The label is drawn as a line of its own above the value. Measured rather than read from the
    // computed `content`: Chromium and WebKit resolve attr() there, Firefox keeps it as written.
    const before = getComputedStyle(td, '::before');
    expect(before.display).to.equal('block');
    expect(before.content).to.match(/"Purpose"|^attr\(data-label\)/);
    const withLabel = td.getBoundingClientRect().height;
    td.dataset.label = '';
    const without = td.getBoundingClientRect().height;
    td.dataset.label = 'Purpose';
    expect(withLabel - without).to.be.at.least(parseFloat(before.fontSize));
    // The column headers are out of sight but still in the table for screen readers.
    const thead = root.querySelector('thead')!;
    expect(thead.getBoundingClientRect().width).to.be.at.most(1);
    expect(getComputedStyle(thead).clipPath).to.equal('inset(50%)');
    expect(await axe(win)).to.deep.equal([]);
  });

  it('is an ordinary table when there is room', async () => {
    const { root } = await declarationPage(await demoConfig('flockbird'));
    expect(getComputedStyle(root.querySelector('table')!).display).to.equal('table');
    expect(getComputedStyle(root.querySelector('tbody td')!).display).to.equal('table-cell');
  });
});

describe('cookie declaration: under a strict Content-Security-Policy', () => {
  beforeEach(() => fresh(clearState));

  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'nonce-r4nd0m'; style-src 'nonce-r4nd0m'">`;
  const spy = `<script nonce="r4nd0m">window.violations=[];document.addEventListener('securitypolicyviolation',e=>violations.push(e.violatedDirective+' '+e.blockedURI))</script>`;

  it('is styled through a constructable stylesheet and violates nothing', async () => {
    const { win, root } = await declarationPage(await demoConfig('flockbird'), { head: csp + spy, attrs: 'nonce="r4nd0m"' });
    expect(getComputedStyle(root.querySelector('table')!).borderCollapse).to.equal('collapse');
    await sleep(100);
    expect((win as any).violations).to.deep.equal([]);
  });

  it('falls back to a <style> carrying the nonce where constructable stylesheets are missing', async () => {
    const noSheets = `<script nonce="r4nd0m">window.CSSStyleSheet=function(){throw new TypeError('no')}</script>`;
    const { win, doc, root } = await declarationPage(await demoConfig('flockbird'), { head: csp + spy + noSheets, attrs: 'nonce="r4nd0m"' });
    expect(getComputedStyle(root.querySelector('table')!).borderCollapse).to.equal('collapse');
    expect([...doc.querySelectorAll('style')].some((s) => s.nonce == 'r4nd0m' && s.textContent!.includes('.consentry-declaration'))).to.equal(true);
    await sleep(100);
    expect((win as any).violations).to.deep.equal([]);
  });
});
