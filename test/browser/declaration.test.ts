import { expect } from '@esm-bundle/chai';
import { emulateMedia } from '@web/test-runner-commands';
import { clearState, openPage, sleep } from './page';
import { itUnless } from './engine';
import { DIV, declarationPage, demoConfig } from './declaration-page';
import { fresh } from '../support/widget-ui.mjs';

/** What the tables say: per table its caption name and, per row, the row header. */
const tables = (root: Element) =>
  [...root.querySelectorAll('table')].map((t) => ({
    caption: t.querySelector('caption .cd-n')!.textContent,
    rows: [...t.querySelectorAll('tbody th[scope=row]')].map((th) => th.textContent),
  }));

const chunkRequests = (win: Window) =>
  win.performance.getEntriesByType('resource').filter((e) => /consentry-declaration\.[0-9a-f]{8}\.js$/.test(e.name)).length;

describe('cookie declaration: the tables from the configuration', () => {
  beforeEach(() => fresh(clearState));

  it("renders Flockbird's notice: a table per category, its vendors and the consent cookie", async () => {
    const config = await demoConfig('flockbird');
    const { root } = await declarationPage(config);
    const got = tables(root);
    expect(got.map((t) => t.caption)).to.deep.equal(['Required', 'Functionality', 'Performance', 'Targeting and advertising']);
    expect(got[0].rows).to.deep.equal(['This website', 'SiftScience']);
    for (const [i, c] of config.categories.entries())
      expect(got[i].rows.slice(i == 0 ? 1 : 0)).to.deep.equal(config.vendors.filter((v: any) => v.category == c.id).map((v: any) => v.name));
    // Column headers, a scope on every header, and a caption on every table.
    const first = root.querySelector('table')!;
    expect([...first.querySelectorAll('thead th')].map((th) => [th.textContent, th.getAttribute('scope')])).to.deep.equal(
      ['Service', 'Purpose', 'Cookies', 'Data collected', 'Retention', 'Links'].map((h) => [h, 'col']),
    );
    // The consent cookie with its lifetime, the vendors' cookies with theirs.
    expect(first.querySelector('tbody tr')!.textContent).to.contain('flockbird_consent (365 days)');
    const ga = [...root.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')!.textContent == 'Google Analytics')!;
    expect(ga.querySelector('td[data-label=Cookies]')!.textContent).to.equal('_ga* (1 year)');
    expect(ga.querySelector('td[data-label="Data collected"]')!.textContent).to.contain('IP address (pseudonymous)');
    expect(ga.querySelector('td[data-label=Retention]')!.textContent).to.equal('1 year');
    const links = [...ga.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).to.deep.equal([
      ['Privacy policy (Google Analytics)', 'https://policies.google.com/privacy'],
      ['Opt out (Google Analytics)', 'https://support.google.com/analytics/answer/181881?hl=en'],
    ]);
    expect(root.querySelector('.cd-on')!.textContent).to.equal('Always on');
  });

  it("renders Wirewell's long list of advertising partners with their opt-out links", async () => {
    const config = await demoConfig('wirewell');
    const { root } = await declarationPage(config);
    const got = tables(root);
    expect(got.map((t) => t.caption)).to.deep.equal(['Required', 'Functionality', 'Performance', 'Targeting or advertising']);
    const ads = config.vendors.filter((v: any) => v.category == 'advertising');
    expect(got[3].rows).to.deep.equal(ads.map((v: any) => v.name));
    const optOuts = [...root.querySelectorAll('table')[3].querySelectorAll('a')].filter((a) => a.textContent!.startsWith('Opt out'));
    expect(optOuts.map((a) => a.getAttribute('href'))).to.deep.equal(ads.filter((v: any) => v.optOutUrl).map((v: any) => v.optOutUrl));
    // The category descriptions are the captions' second line.
    expect(root.querySelectorAll('caption')[2].textContent).to.contain('Count which pages are visited most');
  });

  it('says so when a category has no vendors, and renders nothing from a configuration that is not data', async () => {
    const { root } = await declarationPage({
      revision: 1,
      vendors: [{ id: 'x', name: '<img src=x onerror="window.pwned=1">', category: 'performance', purpose: '<b>bold</b>' }],
    });
    expect(root.querySelectorAll('table')[1].querySelector('td[colspan]')!.textContent).to.equal('No services in this category.');
    expect(root.querySelector('img,b')).to.equal(null);
    expect(root.textContent).to.contain('<b>bold</b>');
    expect((root.ownerDocument.defaultView as any).pwned).to.equal(undefined);
  });

  it('renders only https, http and relative links: never javascript: or data:, however spelled', async () => {
    const bad = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'vbscript:x'];
    const good = ['https://a.example/privacy', 'http://b.example/p', '/cookies#opt-out', 'privacy.html'];
    const vendors = [...bad, ...good].map((u, i) => ({ id: 'v' + i, name: 'V' + i, category: 'performance', privacyPolicyUrl: u }));
    // Baked into the loader (as `consentry bundle` does, here by hand), the configuration is not
    // checked again at run time: the declaration's own guard is all that stands in the way.
    const config = { revision: 1, vendors };
    const { root } = await declarationPage(config, { noConfig: true, head: `<script>self.__consentryConfig=${JSON.stringify(config)}</script>` });
    expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(good);
  });
});

describe('cookie declaration: only where a page asks for it', () => {
  beforeEach(() => fresh(clearState));

  it('fetches no chunk on a page without the element', async () => {
    const { win } = await openPage({ config: { revision: 1 }, body: '<p>No declaration here.</p>' });
    await new Promise((r) => win.consentry.on('ready', r));
    await sleep(300);
    expect(chunkRequests(win)).to.equal(0);
    expect(win.document.querySelector('.consentry-declaration')).to.equal(null);
  });

  it('fetches it once on a page with the element, even when the element comes after the loader and several exist', async () => {
    const { win, doc } = await declarationPage({ revision: 1 }, { body: `<main>${DIV}<p>Between.</p>${DIV}</main>` });
    expect(doc.querySelectorAll('.consentry-declaration').length).to.equal(2);
    expect(chunkRequests(win)).to.equal(1);
  });
});

describe('cookie declaration: languages', () => {
  beforeEach(() => fresh(clearState));

  it("speaks the visitor's language: <html lang>, the built-in category names and labels", async () => {
    const { root } = await declarationPage({ revision: 1, vendors: [{ id: 'x', name: 'X', category: 'advertising', purpose: { en: 'Ads.', de: 'Werbung.' } }] }, { htmlLang: 'de' });
    expect(root.getAttribute('lang')).to.equal('de');
    expect([...root.querySelectorAll('thead th')].slice(0, 6).map((th) => th.textContent)).to.deep.equal(['Dienst', 'Zweck', 'Cookies', 'Erhobene Daten', 'Speicherdauer', 'Links']);
    expect(tables(root).map((t) => t.caption)).to.deep.equal(['Unbedingt erforderlich', 'Funktional', 'Statistik', 'Werbung']);
    expect(root.textContent).to.contain('Werbung.');
    expect(root.querySelector('tbody tr')!.textContent).to.contain('(182 Tage)');
  });

  it('follows data-lang over <html lang>, and lets the configuration override any label', async () => {
    let { root } = await declarationPage({ revision: 1 }, { htmlLang: 'de', attrs: 'data-lang="fr"' });
    expect(root.querySelector('thead th')!.textContent).to.equal('Service');
    expect(root.querySelector('.cd-on')!.textContent).to.equal('Toujours actifs');
    await fresh(clearState);
    ({ root } = await declarationPage({ revision: 1, texts: { nl: { 'declaration.vendor': 'Aanbieder', 'declaration.self': 'Wij' } } }, { htmlLang: 'nl' }));
    expect(root.querySelector('thead th')!.textContent).to.equal('Aanbieder');
    expect(root.querySelector('tbody th')!.textContent).to.equal('Wij');
    expect(root.querySelector('.cd-on')!.textContent).to.equal('Altijd aan');
  });
});

describe('cookie declaration: a dark system, ui.theme "auto"', () => {
  beforeEach(() => fresh(clearState));
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  for (const [what, head, bg] of [
    ['a light-only page keeps it light', '', 'rgb(255, 255, 255)'],
    ['a page with a dark look of its own (color-scheme: light dark) turns it dark', '<meta name="color-scheme" content="light dark">', 'rgb(27, 27, 31)'],
  ])
    itUnless({ webkit: 'WebKitWebDriver cannot emulate a dark colour scheme' }, what, async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const { root } = await declarationPage({ revision: 1 }, { head });
      expect(getComputedStyle(root).backgroundColor).to.equal(bg);
    });
});
