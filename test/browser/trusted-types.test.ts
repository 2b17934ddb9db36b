// Trusted Types (docs/gate.md, src/gate/trusted.ts): a TrustedHTML or TrustedScriptURL carrying a
// vendor's URL is held like a string and released once, and a page enforcing Trusted Types
// (`require-trusted-types-for 'script'`) with `trusted-types consentry` in its strict nonce CSP
// shows the banner and runs its gated tags on "Accept all" without a violation. A page whose CSP
// does not allow the policy gets one console error naming the fix, and no vendor runs.
// Chromium, Firefox and WebKit all have Trusted Types; a browser without them skips these tests.
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep, until, TestWindow } from './page';
import { engine } from './engine';
import { control, fresh as freshUi, shadowOf } from '../support/widget-ui.mjs';
import { config, fresh } from './fixtures/vendors';

const SETTLE = 300;
const NONCE = 'r4nd0m';
/** First in <head>: what ran, the page's CSP violations, its errors (and console errors), and its own policy "app". */
const spy = `<script nonce="${NONCE}">window.ran=[];window.v=[];window.errs=[];document.addEventListener('securitypolicyviolation',e=>v.push(e.violatedDirective+' '+e.sample));addEventListener('error',e=>errs.push('error: '+e.message));addEventListener('unhandledrejection',e=>errs.push('rejection: '+e.reason));const ce=console.error;console.error=(...a)=>{errs.push('console: '+a.join(' '));ce.apply(console,a)};window.app=trustedTypes.createPolicy('app',{createHTML:s=>s,createScriptURL:s=>s,createScript:s=>s})</script>`;
const csp = (names: string) =>
  `<meta http-equiv="Content-Security-Policy" content="script-src 'nonce-${NONCE}' 'strict-dynamic'; style-src 'nonce-${NONCE}'; require-trusted-types-for 'script'; trusted-types ${names}">`;
const page = (win: TestWindow) => win as any;

function needsTrustedTypes(this: Mocha.Context) {
  if (!('trustedTypes' in window)) this.skip(); // named in the title below
}
const title = (t: string) => ('trustedTypes' in window ? t : `${t} [skipped in ${engine.engine}: no Trusted Types in this browser]`);

describe('Trusted Types: a page that uses them without enforcing', () => {
  beforeEach(clearState);
  beforeEach(needsTrustedTypes);

  it(title('a TrustedHTML with vendor img, iframe and script (innerHTML, insertAdjacentHTML, setHTMLUnsafe, createContextualFragment) is held until Accept all, then each loads once'), async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config, head: spy.replace(` nonce="${NONCE}"`, '') });
    await ready(win);
    const app = page(win).app;
    const box = doc.body.appendChild(doc.createElement('div'));
    box.innerHTML = app.createHTML(`<p>hi</p><img src="${url('ga', 'a.gif')}" alt=""><iframe src="${url('yt', 'embed.html')}"></iframe>`);
    box.insertAdjacentHTML('beforeend', app.createHTML(`<img src="${url('maps', 'b.gif')}" alt="">`));
    const other = doc.body.appendChild(doc.createElement('div'));
    const unsafe = typeof (other as any).setHTMLUnsafe == 'function';
    if (unsafe) (other as any).setHTMLUnsafe(app.createHTML(`<img src="${url('maps', 'c.gif')}" alt="">`));
    doc.body.append(doc.createRange().createContextualFragment(app.createHTML(`<script src="${url('ga', 'frag.js?n=frag')}"></script>`)));
    // HTML the gate does not rewrite stays the page's own TrustedHTML.
    expect(box.querySelector('p')!.textContent).to.equal('hi');
    await sleep(SETTLE);
    expect(await requested(), 'nothing before a choice').to.deep.equal([]);
    expect(page(win).ran).to.deep.equal([]);
    win.consentry.acceptAll();
    const all = ['ga/a.gif', 'ga/frag.js?n=frag', 'maps/b.gif', 'yt/embed.html'].concat(unsafe ? ['maps/c.gif'] : []).sort();
    await until(async () => (await requested()).length >= all.length && page(win).ran.length, 4000, 'every vendor URL');
    await sleep(SETTLE);
    expect((await requested()).sort()).to.deep.equal(all);
    expect(page(win).ran).to.deep.equal(['frag']);
    expect(page(win).errs).to.deep.equal([]);
  });
});

describe('Trusted Types: a page that enforces them, with `trusted-types consentry` in its strict CSP', () => {
  beforeEach(() => freshUi(clearState));
  beforeEach(needsTrustedTypes);

  it(title('shows the banner; Accept all runs the static inline and external tags, gated tags added by script, a TrustedScriptURL script, TrustedHTML images (innerHTML, document.write) and srcdoc and a held iframe, each once, with no violation and no error'), async () => {
    const { url, requested } = fresh();
    const body =
      `<iframe data-consent="yt" data-src="${url('yt', 'embed.html')}" title="Tour"></iframe>` +
      `<script type="text/plain" data-consent="ga" nonce="${NONCE}" src="${url('ga', 'ext.js?n=ext&delay=150')}"></script>` +
      `<script type="text/plain" data-consent="ga" nonce="${NONCE}">ran.push('inline')</script>`;
    const { win, doc } = await openPage({ config: { ...config, policyUrl: 'https://example.com/notice' }, head: csp('consentry app') + spy, attrs: `nonce="${NONCE}"`, body });
    await ready(win);
    const root = await shadowOf(doc);
    const f = doc.querySelector('iframe')!;
    const placeholder = await until(() => f.contentDocument?.querySelector('button'), 4000, 'the placeholder');
    expect(placeholder.textContent).to.equal('Allow YouTube');
    const app = page(win).app;
    // What a tag manager does on such a page: a script given a TrustedScriptURL, HTML given as TrustedHTML.
    const s = doc.createElement('script');
    s.src = app.createScriptURL(url('ga', 'tsu.js?n=tsu'));
    doc.head.appendChild(s);
    const box = doc.body.appendChild(doc.createElement('div'));
    box.innerHTML = app.createHTML(`<img src="${url('maps', 'a.gif')}" alt=""><b>kept</b>`);
    expect(box.querySelector('b')!.textContent).to.equal('kept');
    // An object that is not a TrustedHTML is not made one by the gate's rewrite: the browser refuses it.
    let refused: any;
    try {
      box.innerHTML = { toString: () => `<img src="${url('maps', 'fake.gif')}" alt="">` } as any;
    } catch (e) {
      refused = e;
    }
    expect(refused && refused.name, 'a look-alike object is refused').to.equal('TypeError');
    await until(() => page(win).v.length, 3000, 'its violation report');
    expect(page(win).v.splice(0)).to.have.length(1);
    // A gated tag in HTML (a CMS block): innerHTML's scripts never run, so a copy of it does, its src from the policy.
    box.insertAdjacentHTML('beforeend', app.createHTML(`<script type="text/plain" data-consent="ga" src="${url('ga', 'cms.js?n=cms')}"></script>`));
    // Gated inline tags that a script adds: by createContextualFragment, and with a TrustedScript text.
    doc.body.append(doc.createRange().createContextualFragment(app.createHTML(`<script type="text/plain" data-consent="ga">ran.push('fragment')</script>`)));
    const ts = doc.createElement('script');
    ts.type = 'text/plain';
    ts.setAttribute('data-consent', 'ga');
    ts.textContent = app.createScript("ran.push('trusted-text')");
    doc.body.append(ts);
    // A friendly frame written with document.write(TrustedHTML), as ad code does.
    const fd = doc.body.appendChild(doc.createElement('iframe')).contentDocument!;
    fd.open();
    fd.write(app.createHTML(`<img src="${url('maps', 'write.gif')}" alt="">`));
    fd.close();
    // An iframe's srcdoc given as TrustedHTML, naming a vendor: released with that TrustedHTML.
    const sd = doc.body.appendChild(doc.createElement('iframe'));
    sd.srcdoc = app.createHTML(`<img src="${url('maps', 'srcdoc.gif')}" alt="">`);
    await sleep(SETTLE);
    expect(await requested(), 'nothing before a choice').to.deep.equal([]);
    expect(page(win).ran).to.deep.equal([]);
    control(root, 'Accept all').click();
    await until(() => page(win).ran.length >= 6, 4000, 'the six scripts');
    await until(async () => (await requested()).length >= 7, 4000, 'every vendor URL');
    await sleep(SETTLE);
    expect(page(win).ran.slice().sort()).to.deep.equal(['cms', 'ext', 'fragment', 'inline', 'trusted-text', 'tsu']);
    // The inline tag waited for the external one before it, as the browser would have.
    expect(page(win).ran.indexOf('ext')).to.be.below(page(win).ran.indexOf('inline'));
    expect((await requested()).sort()).to.deep.equal(['ga/cms.js?n=cms', 'ga/ext.js?n=ext&delay=150', 'ga/tsu.js?n=tsu', 'maps/a.gif', 'maps/srcdoc.gif', 'maps/write.gif', 'yt/embed.html']);
    expect(f.getAttribute('src')).to.equal(url('yt', 'embed.html'));
    expect(sd.contentDocument!.querySelector('img')).to.exist;
    expect(page(win).v, 'no CSP violation').to.deep.equal([]);
    expect(page(win).errs, 'no error').to.deep.equal([]);
  });
});

describe('Trusted Types: a page that enforces them, whose CSP does not allow the policy "consentry"', () => {
  beforeEach(() => freshUi(clearState));
  beforeEach(needsTrustedTypes);

  it(title('says on the console what to add to the CSP, refuses HTML it would have to rewrite, and fails closed: no vendor runs or loads'), async () => {
    const { url, requested } = fresh();
    const body = `<script type="text/plain" data-consent="ga" nonce="${NONCE}" src="${url('ga', 'ext.js?n=ext')}"></script><script type="text/plain" data-consent="ga" nonce="${NONCE}">ran.push('inline')</script>`;
    const { win, doc } = await openPage({ config, head: csp('app') + spy, attrs: `nonce="${NONCE}"`, body });
    await ready(win);
    const app = page(win).app;
    const s = doc.createElement('script');
    s.src = app.createScriptURL(url('ga', 'tsu.js?n=tsu'));
    doc.head.appendChild(s);
    const box = doc.body.appendChild(doc.createElement('div'));
    // HTML with a vendor's tag cannot be rewritten: the browser refuses it, as it refuses any string.
    let refused: any;
    try {
      box.innerHTML = app.createHTML(`<img src="${url('maps', 'a.gif')}" alt="">`);
    } catch (e) {
      refused = e;
    }
    expect(refused && refused.name).to.equal('TypeError');
    // HTML without one passes as the page gave it.
    box.innerHTML = app.createHTML('<b>kept</b>');
    expect(box.textContent).to.equal('kept');
    await until(() => page(win).errs.some((e: string) => e.includes('trusted-types consentry')), 4000, 'the console error');
    await sleep(SETTLE);
    expect(page(win).errs.filter((e: string) => e.includes('trusted-types consentry'))).to.have.length(1);
    expect(page(win).errs[0]).to.match(/^console: \[consentry\] add "trusted-types consentry" to the CSP/);
    expect(await requested(), 'nothing before a choice').to.deep.equal([]);
    expect(page(win).ran).to.deep.equal([]);
    // The validator chunk was refused too: the configuration cannot be checked, so only required categories run, whatever the API is told.
    expect(page(win).errs.some((e: string) => e.includes('only required categories run'))).to.equal(true);
    win.consentry.acceptAll();
    await sleep(SETTLE * 2);
    expect(await requested(), 'nothing after acceptAll()').to.deep.equal([]);
    expect(page(win).ran).to.deep.equal([]);
  });
});
