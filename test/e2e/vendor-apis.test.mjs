// Vendors' own consent APIs end to end, in every engine: each vendor's published snippet (ids
// replaced) on a page served over HTTP, its hosts answered by stand-ins through the vendor network
// (test/support/vendor-net.mjs). A stand-in script, like the vendor's, reads the queue the snippet
// built when it arrives, so the test sees what the vendor would: the consent default is in the
// vendor's own queue before the vendor's first request, and the update follows in the same task
// as the visitor's click on "Accept all", in order.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, launch } from '../support/engines/index.mjs';
import { startVendorNet } from '../support/vendor-net.mjs';
import { startServer } from './support/server.mjs';
import { noPageErrors, sleep } from './demo-harness.mjs';
import { until } from './support/until.mjs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** What a stand-in records: `seen[vendor]` is the queue as the vendor found it, then every later call. */
const record = (name, queue, then = '') =>
  `(function(){var s=window.seen=window.seen||{};s.${name}=JSON.parse(JSON.stringify(${queue}));${then}})();`;
const args = 'Array.prototype.slice.call(arguments)';

const VENDORS = [
  {
    api: 'meta',
    vendor: { id: 'meta-pixel', name: 'Meta Pixel', category: 'advertising', hosts: ['connect.facebook.net'] },
    snippet: `<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');fbq('init','000000000');fbq('track','PageView');</script>`,
    scripts: { 'connect.facebook.net': record('meta', 'fbq.queue.map(function(a){return Array.prototype.slice.call(a)})', `fbq.callMethod=function(){s.meta.push(${args})};`) },
    queue: 'fbq.queue.map(function(a){return Array.prototype.slice.call(a)})',
    before: ['consent', 'revoke'],
    after: ['consent', 'grant'],
  },
  {
    api: 'uet',
    vendor: { id: 'microsoft-ads', name: 'Microsoft Advertising', category: 'advertising', hosts: ['bat.bing.com'] },
    snippet: `<script>(function(w,d,t,r,u){var f,n,i;w[u]=w[u]||[],f=function(){var o={ti:"00000000", enableAutoSpaTracking: true};o.q=w[u],w[u]=new UET(o),w[u].push("pageLoad")},n=d.createElement(t),n.src=r,n.async=1,n.onload=n.onreadystatechange=function(){var s=this.readyState;s&&s!=="loaded"&&s!=="complete"||(f(),n.onload=n.onreadystatechange=null)},i=d.getElementsByTagName(t)[0],i.parentNode.insertBefore(n,i)})(window,document,"script","//bat.bing.com/bat.js","uetq");</script>`,
    // UET's queue is flat: push('consent', 'default', {...}) adds three items.
    scripts: { 'bat.bing.com': `window.UET=function(o){${record('uet', 'o.q')}this.push=function(){Array.prototype.push.apply(window.seen.uet,arguments)}};` },
    queue: 'uetq.slice()',
    before: ['consent', 'default', { ad_storage: 'denied' }],
    after: ['consent', 'update', { ad_storage: 'granted' }],
    flat: true,
  },
  {
    api: 'clarity',
    vendor: { id: 'microsoft-clarity', name: 'Microsoft Clarity', category: 'performance', hosts: ['*.clarity.ms'] },
    snippet: `<script type="text/javascript">(function(c,l,a,r,i,t,y){c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};t=l.createElement(r);t.async=1;t.src="https://www.clarity.ms/tag/"+i;y=l.getElementsByTagName(r)[0];y.parentNode.insertBefore(t,y);})(window, document, "clarity", "script", "abcdefghij");</script>`,
    scripts: { 'www.clarity.ms': record('clarity', 'clarity.q.map(function(a){return Array.prototype.slice.call(a)})', `window.clarity=function(){s.clarity.push(${args})};`) },
    queue: 'clarity.q.map(function(a){return Array.prototype.slice.call(a)})',
    before: ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }],
    // Clarity is in performance: its ad_Storage follows advertising, granted by "Accept all" too.
    after: ['consentv2', { ad_Storage: 'granted', analytics_Storage: 'granted' }],
  },
  {
    api: 'tiktok',
    vendor: { id: 'tiktok-pixel', name: 'TikTok Pixel', category: 'advertising', hosts: ['analytics.tiktok.com'] },
    snippet: `<script>!function (w, d, t) {w.TiktokAnalyticsObject=t;var ttq=w[t]=w[t]||[];ttq.methods=["page","track","identify","instances","debug","on","off","once","ready","alias","group","enableCookie","disableCookie","holdConsent","revokeConsent","grantConsent"],ttq.setAndDefer=function(t,e){t[e]=function(){t.push([e].concat(Array.prototype.slice.call(arguments,0)))}};for(var i=0;i<ttq.methods.length;i++)ttq.setAndDefer(ttq,ttq.methods[i]);ttq.instance=function(t){for(var e=ttq._i[t]||[],n=0;n<ttq.methods.length;n++)ttq.setAndDefer(e,ttq.methods[n]);return e},ttq.load=function(e,n){var r="https://analytics.tiktok.com/i18n/pixel/events.js",o=n&&n.partner;ttq._i=ttq._i||{},ttq._i[e]=[],ttq._i[e]._u=r,ttq._t=ttq._t||{},ttq._t[e]=+new Date,ttq._o=ttq._o||{},ttq._o[e]=n||{};n=document.createElement("script");n.type="text/javascript",n.async=!0,n.src=r+"?sdkid="+e+"&lib="+t;e=document.getElementsByTagName("script")[0];e.parentNode.insertBefore(n,e)};ttq.load('C000000000');ttq.page();}(window, document, 'ttq');</script>`,
    scripts: {
      'analytics.tiktok.com': record('tiktok', 'Array.prototype.slice.call(ttq)', `ttq.methods.forEach(function(m){ttq[m]=function(){s.tiktok.push([m].concat(${args}))}});`),
    },
    queue: 'Array.prototype.slice.call(ttq)',
    before: ['holdConsent'],
    after: ['grantConsent'],
  },
  {
    api: 'pinterest',
    vendor: { id: 'pinterest-tag', name: 'Pinterest Tag', category: 'advertising', hosts: ['s.pinimg.com'] },
    snippet: `<script type="text/javascript">!function(e){if(!window.pintrk){window.pintrk = function () {window.pintrk.queue.push(Array.prototype.slice.call(arguments))};var n=window.pintrk;n.queue=[],n.version="3.0";var t=document.createElement("script");t.async=!0,t.src=e;var r=document.getElementsByTagName("script")[0];r.parentNode.insertBefore(t,r)}}("https://s.pinimg.com/ct/core.js");pintrk('load', '2600000000000', {em: 'visitor@example.com'});pintrk('page');</script>`,
    scripts: { 's.pinimg.com': record('pinterest', 'pintrk.queue', 'pintrk.queue={push:function(a){s.pinterest.push(a)}};') },
    queue: 'pintrk.queue.slice()',
    before: ['setconsent', false],
    after: ['setconsent', true],
  },
  {
    api: 'shopify',
    // Shopify's Customer Privacy API is the storefront's, not a tag: the vendor is the shop itself.
    vendor: { id: 'shopify', name: 'Shopify', category: 'required' },
    // The storefront's loader of optional features, as Shopify's theme runtime provides it.
    snippet: `<script>window.Shopify={loadFeatures:function(f,cb){var s=document.createElement('script');s.src='https://cdn.shopify.com/shopifycloud/consent-tracking-api/v0.1/consent-tracking-api.js';s.onload=function(){cb()};document.head.appendChild(s)}};</script>`,
    scripts: { 'cdn.shopify.com': record('shopify', '[]', `Shopify.customerPrivacy={setTrackingConsent:function(c,cb){s.shopify.push(c);cb&&cb()}};`) },
    queue: '(window.seen&&seen.shopify||[]).slice()',
    before: { analytics: false, marketing: false, preferences: false, sale_of_data: false },
    after: { analytics: true, marketing: true, preferences: true, sale_of_data: true },
    loadsFirst: true,
  },
];

/** JSON with object keys sorted: WebKit's WebDriver hands objects back with their keys in another order. */
const json = (x) => JSON.stringify(x, (_, v) => (v && typeof v == 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
/** The entry's text as it appears inside the queue's JSON (a flat queue's items without brackets). */
const inQueue = (v, entry) => (v.flat ? json(entry).slice(1, -1) : json(entry));

let server, net, tmp;
before(async () => {
  server = await startServer();
  // `consentry bundle` bakes the vendor APIs into the loader file: served with its chunks under /baked/.
  tmp = mkdtempSync(join(tmpdir(), 'consentry-vendor-apis-'));
  const meta = VENDORS[0];
  writeFileSync(join(tmp, 'site.json'), JSON.stringify({ revision: 1, vendors: [{ ...meta.vendor, consentApi: meta.api }] }));
  execFileSync(process.execPath, [join(root, 'bin/consentry.mjs'), 'bundle', join(tmp, 'site.json'), '-o', join(tmp, 'out', 'consentry.js')]);
  for (const f of readdirSync(join(tmp, 'out'))) server.page('/baked/' + f, readFileSync(join(tmp, 'out', f), 'utf8'), { 'Content-Type': 'application/javascript' });
  server.page('/baked/meta.html', `<!doctype html><html lang="en"><head><script src="/baked/consentry.js"></script>${meta.snippet}</head><body></body></html>`);
  const handlers = {};
  for (const v of VENDORS)
    for (const [host, body] of Object.entries(v.scripts)) handlers[host] = () => ({ type: 'application/javascript', body });
  net = await startVendorNet({ handlers });
  for (const v of VENDORS) {
    server.page(`/${v.api}.json`, { revision: 1, vendors: [{ ...v.vendor, consentApi: v.api }] });
    // A bubbling listener on window runs after the banner's own click handler, in the same task.
    const probe = `<script>addEventListener('click', function () { try { window.afterClick = ${v.queue}; } catch (e) { window.afterClick = String(e); } });</script>`;
    server.page(`/${v.api}.html`, `<!doctype html><html lang="en"><head><script src="/dist/consentry.js" data-config="/${v.api}.json"></script>${probe}${v.snippet}</head><body><p>Shop</p></body></html>`);
  }
});
after(async () => {
  await net?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const hostsOf = (v) => Object.keys(v.scripts);
const requestsTo = (v) => net.requests.filter((r) => hostsOf(v).includes(r.host));

for (const engine of ENGINES)
  describe(engine, () => {
    let browser;
    before(async () => (browser = await launch(engine, { proxy: net.proxy, ignoreHTTPSErrors: true })));
    after(() => browser?.close());

    it('a loader baked by `consentry bundle` carries the vendor APIs: the default with no chunk request', async () => {
      net.clear();
      const page = await browser.newPage();
      try {
        await page.goto(`${server.url}/baked/meta.html`);
        await page.waitForFunction(() => window.consentry && window.consentry.__core);
        const queued = json(await page.evaluate((q) => eval(q), VENDORS[0].queue));
        assert.ok(queued.includes(json(VENDORS[0].before)), queued);
        const chunks = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /consentry-vendor-apis/.test(n)));
        assert.deepEqual(chunks, []);
        assert.deepEqual(requestsTo(VENDORS[0]), []);
      } finally {
        await page.close();
      }
    });

    for (const v of VENDORS)
      it(`${v.api}: the default is in the vendor's queue before its first request, the update follows in the click's task, in order`, async () => {
        net.clear();
        const page = await browser.newPage();
        try {
          await page.goto(`${server.url}/${v.api}.html`);
          await page.waitForFunction(() => window.consentry && window.consentry.__core);
          const first = inQueue(v, v.before);
          const then = inQueue(v, v.after);
          if (v.loadsFirst) {
            // Shopify's API is the shop's own: loaded at once, told the default as soon as it is there.
            await until(async () => json(await page.evaluate((q) => eval(q), v.queue)).includes(first));
          } else {
            await sleep(400);
            assert.deepEqual(requestsTo(v), [], 'the vendor waits for consent');
          }
          const queued = json(await page.evaluate((q) => eval(q), v.queue));
          assert.ok(queued.includes(first), `default ${first} in ${queued}`);
          assert.ok(!queued.includes(then), `no update yet in ${queued}`);
          const clicked = Date.now();
          await page.click('button >> text=Accept all');
          await until(() => page.evaluate(() => window.afterClick));
          const sameTask = json(await page.evaluate(() => window.afterClick));
          assert.ok(sameTask.indexOf(first) >= 0 && sameTask.indexOf(first) < sameTask.indexOf(then), `default then update in the click's task: ${sameTask}`);
          // The vendor's script arrives (released by the click) and finds both, in order.
          const seen = json(await page.waitForFunction((name) => window.seen && window.seen[name] && window.seen[name].length && window.seen[name], { timeout: 8000 }, v.api));
          await until(async () => json(await page.evaluate((name) => window.seen[name], v.api)).includes(then));
          const all = json(await page.evaluate((name) => window.seen[name], v.api));
          assert.ok(all.indexOf(first) >= 0 && all.indexOf(first) < all.indexOf(then), `in the vendor's queue: ${all}`);
          // The default is the vendor's first call, as the vendors document it (Meta: "before init").
          assert.ok(seen.startsWith('[' + first), `the default opens the vendor's queue: ${seen}`);
          if (!v.loadsFirst) {
            assert.ok(seen.includes(first) && seen.includes(then), `the vendor's first look at its queue: ${seen}`);
            assert.ok(requestsTo(v)[0].time >= clicked, "the vendor's first request came after the click");
          }
          noPageErrors(page);
        } finally {
          await page.close();
        }
      });
  });
