// Cloudflare Web Analytics' snippet as Cloudflare's dashboard gives it, pasted plainly: a `defer`
// script that reads its site token from its own data-cf-beacon attribute (JSON) and reports the
// page load with navigator.sendBeacon to cloudflareinsights.com.
import { noContent, routes, script } from '../standins/kit.mjs';

const beacon = script(
  'cloudflare-beacon.js',
  `(function () {
  var me = document.currentScript, cfg = JSON.parse(me.getAttribute('data-cf-beacon'));
  function report() {
    var t = performance.timing;
    var sent = navigator.sendBeacon('https://cloudflareinsights.com/cdn-cgi/rum', JSON.stringify({
      siteToken: cfg.token, location: location.href, referrer: document.referrer, eventType: 1,
      timingsV2: { loadEventEnd: t.loadEventEnd - t.navigationStart },
    }));
    window.__cfBeacon = { token: cfg.token, sent: sent };
  }
  if (document.readyState == 'complete') report();
  else addEventListener('load', report);
})();`,
);

export default {
  name: 'Cloudflare Web Analytics snippet (defer)',
  vendors: [{ id: 'cloudflare-insights', name: 'Cloudflare Web Analytics', category: 'performance', hosts: ['static.cloudflareinsights.com', 'cloudflareinsights.com'] }],
  net: {
    'static.cloudflareinsights.com': routes({ '/beacon.min.js': beacon }),
    'cloudflareinsights.com': routes({ '/cdn-cgi/rum': noContent }),
  },
  body: `<p>content</p>
<!-- Cloudflare Web Analytics --><script defer src='https://static.cloudflareinsights.com/beacon.min.js' data-cf-beacon='{"token": "c0mpat0123456789abcdef0123456789"}'></script><!-- End Cloudflare Web Analytics -->`,
  done: `!!window.__cfBeacon && __cfBeacon.sent === true && __cfBeacon.token == 'c0mpat0123456789abcdef0123456789'`,
  hits: [{ url: /^cloudflareinsights\.com\/cdn-cgi\/rum$/, body: /"siteToken":"c0mpat0123456789abcdef0123456789"/ }],
  once: ['cloudflare-beacon.js'],
  speculative: [/^static\.cloudflareinsights\.com\/beacon\.min\.js$/],
};
