// The gate end to end: real-world snippet shapes (gtag.js, Google Tag Manager, the Meta pixel,
// a YouTube embed) on a page served over HTTP, every third-party URL intercepted and counted;
// a strict nonce-based Content-Security-Policy header; cookies on a real domain with parents.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './support/server.mjs';
import { launch, until } from './support/browser.mjs';

const config = {
  revision: 1,
  googleConsentMode: true,
  vendors: [
    { id: 'google-analytics', name: 'Google Analytics', category: 'performance', hosts: ['www.google-analytics.com', 'www.googletagmanager.com'], cookies: [{ name: '_ga', match: 'prefix' }] },
    { id: 'hotjar', name: 'Hotjar', category: 'performance', hosts: ['*.hotjar.com'] },
    { id: 'meta-pixel', name: 'Meta Pixel', category: 'advertising', hosts: ['connect.facebook.net', 'www.facebook.com'] },
    { id: 'youtube', name: 'YouTube', category: 'functional', hosts: ['www.youtube-nocookie.com'], privacyPolicyUrl: 'https://policies.google.com/privacy' },
  ],
};

// The public snippets, as vendors publish them (ids replaced). gtag.js is tagged as docs/gate.md
// says; GTM and the Meta pixel are pasted untouched and left to auto-blocking.
const snippets = (nonce = '') => {
  const n = nonce ? ` nonce="${nonce}"` : '';
  return `
<script type="text/plain" data-consent="google-analytics" async src="https://www.googletagmanager.com/gtag/js?id=G-TEST1"${n}></script>
<script${n}>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-TEST1');</script>
<script${n}>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-TEST');</script>
<script${n}>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');fbq('init','000000000');fbq('track','PageView');</script>`;
};
const body = `<iframe width="560" height="315" data-consent="youtube" data-src="https://www.youtube-nocookie.com/embed/VIDEO" title="YouTube video player" allowfullscreen></iframe>`;

/** gtm.js, stubbed: like a container, it injects another vendor's script (Hotjar). */
const stub = (url) => {
  if (!url.includes('/gtm.js')) return;
  return {
    contentType: 'application/javascript',
    body: `(window.ran=window.ran||[]).push('gtm');window.consentSeen=dataLayer.filter(function(e){return e[0]=='consent'}).map(function(e){return e[1]+':'+e[2].analytics_storage});var h=document.createElement('script');h.src='https://static.hotjar.com/c/hotjar-1.js?sv=6';document.head.appendChild(h);`,
  };
};

let server, chrome;
before(async () => {
  server = await startServer();
  chrome = await launch({ args: ['--host-resolver-rules=MAP *.consentry.test 127.0.0.1'] });
  server.page('/consentry.json', config);
  server.page('/shop.html', `<!doctype html><html lang="en"><head><script src="/dist/consentry.js" data-config="/consentry.json"></script>${snippets()}</head><body>${body}</body></html>`);
});
after(async () => {
  await chrome?.close();
  await server?.close();
});

const vendorRequests = (requests) => requests.filter((u) => !u.startsWith(server.url));
const ready = (page) => page.waitForFunction(() => window.consentry && window.consentry.__core);

describe('real-world snippets', () => {
  it('make no third-party request and run nothing before a choice; YouTube shows its placeholder', async () => {
    const { page, requests, context } = await chrome.visitor({ stub });
    await page.goto(server.url + '/shop.html');
    await ready(page);
    await page.waitForTimeout(500);
    assert.deepEqual(vendorRequests(requests), []);
    assert.equal(await page.evaluate(() => window.ran), undefined);
    const frame = page.frameLocator('iframe[title="YouTube video player"]');
    assert.equal(await frame.locator('button').textContent(), 'Allow YouTube');
    assert.equal(await frame.locator('a').getAttribute('href'), 'https://policies.google.com/privacy');
    await context.close();
  });

  it('after "Accept all" each loads exactly once and runs, after Consent Mode saw the update', async () => {
    const { page, requests, context, errors } = await chrome.visitor({ stub });
    await page.goto(server.url + '/shop.html');
    await ready(page);
    await page.evaluate(() => window.consentry.acceptAll());
    await until(() => page.evaluate(() => (window.ran || []).length >= 4));
    await page.waitForTimeout(300);
    const ran = await page.evaluate(() => window.ran);
    assert.deepEqual([...ran].sort(), ['connect.facebook.net/en_US/fbevents.js', 'gtm', 'static.hotjar.com/c/hotjar-1.js', 'www.googletagmanager.com/gtag/js']);
    const hosts = vendorRequests(requests).map((u) => new URL(u).host).sort();
    assert.deepEqual(hosts, ['connect.facebook.net', 'static.hotjar.com', 'www.googletagmanager.com', 'www.googletagmanager.com', 'www.youtube-nocookie.com']);
    assert.deepEqual(await page.evaluate(() => window.consentSeen), ['default:denied', 'update:granted']);
    assert.equal(await page.frameLocator('iframe[title="YouTube video player"]').locator('#vendor').textContent(), 'www.youtube-nocookie.com');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('after "Reject all" nothing is requested or run', async () => {
    const { page, requests, context } = await chrome.visitor({ stub });
    await page.goto(server.url + '/shop.html');
    await ready(page);
    await page.evaluate(() => window.consentry.rejectAll());
    await page.waitForTimeout(600);
    assert.deepEqual(vendorRequests(requests), []);
    assert.equal(await page.evaluate(() => window.ran), undefined);
    await context.close();
  });

  it('allowing only analytics releases GTM and gtag.js, and GTM\'s Hotjar, but not the pixel or the video', async () => {
    const { page, requests, context } = await chrome.visitor({ stub });
    await page.goto(server.url + '/shop.html');
    await ready(page);
    await page.evaluate(() => window.consentry.set({ categories: { performance: true } }));
    await until(() => page.evaluate(() => (window.ran || []).length >= 3));
    await page.waitForTimeout(300);
    const hosts = [...new Set(vendorRequests(requests).map((u) => new URL(u).host))].sort();
    assert.deepEqual(hosts, ['static.hotjar.com', 'www.googletagmanager.com']);
    await context.close();
  });
});

describe('strict CSP', () => {
  it('gated and auto-blocked tags run under script-src nonce + strict-dynamic, and the placeholder is styled', async () => {
    const nonce = 'n0nce' + Math.random().toString(36).slice(2);
    const csp = `script-src 'nonce-${nonce}' 'strict-dynamic'; style-src 'nonce-${nonce}'; object-src 'none'; base-uri 'none'`;
    server.page(
      '/csp.html',
      `<!doctype html><html lang="en"><head><script nonce="${nonce}">window.violations=[];document.addEventListener('securitypolicyviolation',function(e){violations.push(e.violatedDirective+' '+e.blockedURI)})</script>` +
        `<script src="/dist/consentry.js" data-config="/consentry.json" nonce="${nonce}"></script>${snippets(nonce)}` +
        `<script type="text/plain" data-consent="performance" nonce="${nonce}">(window.ran=window.ran||[]).push('inline gated')</script></head><body>${body}</body></html>`,
      { 'Content-Security-Policy': csp },
    );
    const { page, context } = await chrome.visitor({ stub });
    await page.goto(server.url + '/csp.html');
    await ready(page);
    const display = await page.frameLocator('iframe[title="YouTube video player"]').locator('body').evaluate((b) => getComputedStyle(b).display);
    assert.equal(display, 'grid');
    await page.evaluate(() => window.consentry.acceptAll());
    await until(() => page.evaluate(() => (window.ran || []).length >= 5));
    await page.waitForTimeout(300);
    assert.deepEqual((await page.evaluate(() => window.ran)).sort(), ['connect.facebook.net/en_US/fbevents.js', 'gtm', 'inline gated', 'static.hotjar.com/c/hotjar-1.js', 'www.googletagmanager.com/gtag/js']);
    assert.deepEqual((await page.evaluate(() => window.violations)).filter((v) => v.startsWith('script')), []);
    await context.close();
  });
});

describe('cookie cleanup on a real domain', () => {
  it('deletes a denied vendor\'s cookies on the host, its parent domains and paths; HttpOnly ones stay', async () => {
    const host = `http://www.shop.consentry.test:${server.port}`;
    server.page('/a/b/page.html', `<!doctype html><script src="/dist/consentry.js" data-config="/consentry.json"></script>`, { 'Set-Cookie': '_ga_http=1; Path=/; HttpOnly' });
    const { page, context } = await chrome.visitor();
    await page.goto(host + '/a/b/page.html');
    await ready(page);
    await page.evaluate(() => {
      window.consentry.acceptAll();
      for (const c of ['_ga=1; Domain=consentry.test; Path=/', '_ga_shop=1; Domain=shop.consentry.test; Path=/a', '_ga_here=1; Path=/a/b', 'site=1; Domain=consentry.test; Path=/'])
        document.cookie = c;
    });
    // The browser's cookie store hears of document.cookie writes a moment later.
    const names = async (want) => (await until(async () => { const n = (await context.cookies()).map((c) => c.name).filter((n) => n != 'consentry').sort().join(); return n == want && n; }, 2000)) || (await context.cookies()).map((c) => c.name).sort().join();
    assert.equal(await names('_ga,_ga_here,_ga_http,_ga_shop,site'), '_ga,_ga_here,_ga_http,_ga_shop,site');
    await page.evaluate(() => window.consentry.rejectAll());
    assert.equal(await names('_ga_http,site'), '_ga_http,site');
    await context.close();
  });
});
