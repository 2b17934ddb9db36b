// The gate end to end, in every engine: real-world snippet shapes (gtag.js, Google Tag Manager,
// the Meta pixel, a YouTube embed) on a page served over HTTP, every third-party URL answered by
// a stand-in through a local proxy (test/support/vendor-net.mjs) that counts what a page asked a
// vendor for; a strict nonce-based Content-Security-Policy header.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, launch } from '../support/engines/index.mjs';
import { startVendorNet } from '../support/vendor-net.mjs';
import { startServer } from './support/server.mjs';
import { defaultStub } from './support/browser.mjs';
import { until } from './support/until.mjs';
import { noPageErrors, sleep } from './demo-harness.mjs';

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
const GTM = `(window.ran=window.ran||[]).push('gtm');window.consentSeen=dataLayer.filter(function(e){return e[0]=='consent'}).map(function(e){return e[1]+':'+e[2].analytics_storage});var h=document.createElement('script');h.src='https://static.hotjar.com/c/hotjar-1.js?sv=6';document.head.appendChild(h);`;
const standIn = (req) => {
  if (req.path.endsWith('/gtm.js')) return { type: 'application/javascript', body: GTM };
  const { contentType, body } = defaultStub(req.url);
  return { type: contentType, body };
};
/** Every host the snippets and the configuration name, answered by a stand-in. */
const HOSTS = ['www.googletagmanager.com', 'www.google-analytics.com', 'static.hotjar.com', 'connect.facebook.net', 'www.facebook.com', 'www.youtube-nocookie.com'];

let server, net;
before(async () => {
  server = await startServer();
  net = await startVendorNet({ handlers: Object.fromEntries(HOSTS.map((h) => [h, standIn])) });
  server.page('/consentry.json', config);
  server.page('/shop.html', `<!doctype html><html lang="en"><head><script src="/dist/consentry.js" data-config="/consentry.json"></script>${snippets()}</head><body>${body}</body></html>`);
});
after(async () => {
  await net?.close();
  await server?.close();
});

/** Third-party requests (any host: the page's own server is reached directly) since `since`. */
const vendorRequests = (since) => net.requests.filter((r) => r.time >= since).map((r) => `${r.host}${r.path}`);
const ready = (page) => page.waitForFunction(() => window.consentry && window.consentry.__core);
const ran = (page) => page.evaluate(() => window.ran);
const video = 'iframe[title="YouTube video player"]';

for (const engine of ENGINES)
  describe(engine, () => {
    let browser;
    before(async () => (browser = await launch(engine, { proxy: net.proxy, ignoreHTTPSErrors: true })));
    after(() => browser?.close());

    /** A fresh visitor on `path`, and when it started (for vendorRequests). */
    async function visit(path) {
      const since = Date.now();
      const page = await browser.newPage();
      await page.goto(server.url + path);
      await ready(page);
      return { page, since };
    }

    describe('real-world snippets', () => {
      it('make no third-party request and run nothing before a choice; YouTube shows its placeholder', async () => {
        const { page, since } = await visit('/shop.html');
        try {
          await sleep(500);
          assert.deepEqual(vendorRequests(since), []);
          assert.equal(await ran(page), undefined);
          await page.waitFor('button >> text=Allow YouTube');
          assert.equal(await page.attribute('a >> text=Privacy policy', 'href'), 'https://policies.google.com/privacy');
        } finally {
          await page.close();
        }
      });

      it('after "Accept all" each loads exactly once and runs, after Consent Mode saw the update', async () => {
        const { page, since } = await visit('/shop.html');
        try {
          await page.evaluate(() => window.consentry.acceptAll());
          await until(async () => ((await ran(page)) || []).length >= 4);
          await sleep(300);
          assert.deepEqual([...(await ran(page))].sort(), ['connect.facebook.net/en_US/fbevents.js', 'gtm', 'static.hotjar.com/c/hotjar-1.js', 'www.googletagmanager.com/gtag/js']);
          const hosts = () => vendorRequests(since).map((u) => u.split('/')[0]).sort();
          await until(() => hosts().includes('www.youtube-nocookie.com'));
          assert.deepEqual(hosts(), ['connect.facebook.net', 'static.hotjar.com', 'www.googletagmanager.com', 'www.googletagmanager.com', 'www.youtube-nocookie.com']);
          assert.deepEqual(await page.evaluate(() => window.consentSeen), ['default:denied', 'update:granted']);
          // The video's frame is the vendor's now (cross-origin): its stand-in was asked for the embed.
          assert.ok(vendorRequests(since).includes('www.youtube-nocookie.com/embed/VIDEO'));
          assert.equal(await page.attribute(video, 'src'), 'https://www.youtube-nocookie.com/embed/VIDEO');
          noPageErrors(page);
        } finally {
          await page.close();
        }
      });

      it('after "Reject all" nothing is requested or run', async () => {
        const { page, since } = await visit('/shop.html');
        try {
          await page.evaluate(() => window.consentry.rejectAll());
          await sleep(600);
          assert.deepEqual(vendorRequests(since), []);
          assert.equal(await ran(page), undefined);
        } finally {
          await page.close();
        }
      });

      it("allowing only analytics releases GTM and gtag.js, and GTM's Hotjar, but not the pixel or the video", async () => {
        const { page, since } = await visit('/shop.html');
        try {
          await page.evaluate(() => window.consentry.set({ categories: { performance: true } }));
          await until(async () => ((await ran(page)) || []).length >= 3);
          await sleep(300);
          const hosts = [...new Set(vendorRequests(since).map((u) => u.split('/')[0]))].sort();
          assert.deepEqual(hosts, ['static.hotjar.com', 'www.googletagmanager.com']);
        } finally {
          await page.close();
        }
      });
    });

    it('under a strict CSP (script-src nonce + strict-dynamic), gated and auto-blocked tags run, and the placeholder is styled', async () => {
      const nonce = 'n0nce' + Math.random().toString(36).slice(2);
      const csp = `script-src 'nonce-${nonce}' 'strict-dynamic'; style-src 'nonce-${nonce}'; object-src 'none'; base-uri 'none'`;
      server.page(
        `/csp-${engine}.html`,
        `<!doctype html><html lang="en"><head><script nonce="${nonce}">window.violations=[];document.addEventListener('securitypolicyviolation',function(e){violations.push(e.violatedDirective+' '+e.blockedURI)})</script>` +
          `<script src="/dist/consentry.js" data-config="/consentry.json" nonce="${nonce}"></script>${snippets(nonce)}` +
          `<script type="text/plain" data-consent="performance" nonce="${nonce}">(window.ran=window.ran||[]).push('inline gated')</script></head><body>${body}</body></html>`,
        { 'Content-Security-Policy': csp },
      );
      const { page } = await visit(`/csp-${engine}.html`);
      try {
        await page.waitFor('button >> text=Allow YouTube');
        const display = await page.evaluate((sel) => getComputedStyle(document.querySelector(sel).contentDocument.body).display, video);
        assert.equal(display, 'grid');
        await page.evaluate(() => window.consentry.acceptAll());
        await until(async () => ((await ran(page)) || []).length >= 5);
        await sleep(300);
        assert.deepEqual((await ran(page)).sort(), ['connect.facebook.net/en_US/fbevents.js', 'gtm', 'inline gated', 'static.hotjar.com/c/hotjar-1.js', 'www.googletagmanager.com/gtag/js']);
        assert.deepEqual((await page.evaluate(() => window.violations)).filter((v) => v.startsWith('script')), []);
      } finally {
        await page.close();
      }
    });
  });
