// The TikTok Pixel base code as TikTok publishes it; events.js works through the ttq queue
// and posts each event to analytics.tiktok.com with fetch.
import { json, routes, script } from '../standins/kit.mjs';

const events = (req) =>
  script(
    'tiktok-events.js',
    `(function () {
  var ttq = window[window.TiktokAnalyticsObject || 'ttq'], code = ${JSON.stringify(req.query.get('sdkid'))};
  function send(event, props) {
    fetch('https://analytics.tiktok.com/api/v2/pixel', {
      method: 'POST', keepalive: true, headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ event: event, properties: props || {}, context: { pixel: { code: code }, page: { url: location.href } } }),
    });
  }
  function run(c) { if (c[0] == 'page') send('Pageview'); else if (c[0] == 'track') send(c[1], c[2]); }
  var q = ttq.splice(0);
  ttq.page = function () { run(['page']); };
  ttq.track = function (e, p) { run(['track', e, p]); };
  q.forEach(run);
})();`,
  );

export default {
  name: 'TikTok Pixel snippet',
  vendors: [{ id: 'tiktok', name: 'TikTok Pixel', category: 'advertising', hosts: ['analytics.tiktok.com'] }],
  net: { 'analytics.tiktok.com': routes({ '/i18n/pixel/events.js': events, '/api/v2/pixel': json({ code: 0 }) }) },
  head: `<script>
!function (w, d, t) {
  w.TiktokAnalyticsObject=t;var ttq=w[t]=w[t]||[];ttq.methods=["page","track","identify","instances","debug","on","off","once","ready","alias","group","enableCookie","disableCookie","holdConsent","revokeConsent","grantConsent"],ttq.setAndDefer=function(t,e){t[e]=function(){t.push([e].concat(Array.prototype.slice.call(arguments,0)))}};for(var i=0;i<ttq.methods.length;i++)ttq.setAndDefer(ttq,ttq.methods[i]);ttq.instance=function(t){for(var e=ttq._i[t]||[],n=0;n<ttq.methods.length;n++)ttq.setAndDefer(e,ttq.methods[n]);return e},ttq.load=function(e,n){var i="https://analytics.tiktok.com/i18n/pixel/events.js";ttq._i=ttq._i||{},ttq._i[e]=[],ttq._i[e]._u=i,ttq._t=ttq._t||{},ttq._t[e]=+new Date,ttq._o=ttq._o||{},ttq._o[e]=n||{};var o=document.createElement("script");o.type="text/javascript",o.async=!0,o.src=i+"?sdkid="+e+"&lib="+t;var a=document.getElementsByTagName("script")[0];a.parentNode.insertBefore(o,a)};

  ttq.load('C0MPAT00000000000000');
  ttq.page();
}(window, document, 'ttq');
</script>`,
  body: `<script>ttq.track('AddToCart', { value: 12, currency: 'EUR' });</script>`,
  hits: [
    { url: /^analytics\.tiktok\.com\/api\/v2\/pixel$/, body: /"event":"Pageview"/ },
    { url: /^analytics\.tiktok\.com\/api\/v2\/pixel$/, body: /"event":"AddToCart"/ },
  ],
  once: ['tiktok-events.js'],
};
