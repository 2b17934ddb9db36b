// Matomo's JavaScript tracking code (Matomo Cloud form) as Matomo publishes it; matomo.js
// works through _paq and sends each request with navigator.sendBeacon.
import { noContent, routes, script } from '../standins/kit.mjs';

const matomoJs = script(
  'matomo.js',
  `(function () {
  var q = window._paq || [], url, site;
  function send(params) {
    navigator.sendBeacon(url, 'idsite=' + site + '&rec=1&url=' + encodeURIComponent(location.href) + '&' + params);
  }
  function run(c) {
    if (c[0] == 'setTrackerUrl') url = c[1];
    else if (c[0] == 'setSiteId') site = c[1];
    else if (c[0] == 'trackPageView') send('action_name=' + encodeURIComponent(document.title));
    else if (c[0] == 'trackEvent') send('e_c=' + encodeURIComponent(c[1]) + '&e_a=' + encodeURIComponent(c[2]));
  }
  // Settings first, as Matomo does, then the tracking calls in order.
  q.filter(function (c) { return /^set/.test(c[0]); }).forEach(run);
  q.filter(function (c) { return !/^set/.test(c[0]); }).forEach(run);
  window._paq = { push: function (c) { run(c); } };
})();`,
);

export default {
  name: 'Matomo snippet',
  vendors: [{ id: 'matomo', name: 'Matomo', category: 'performance', hosts: ['*.matomo.cloud'] }],
  net: {
    'cdn.matomo.cloud': routes({ '/compat.matomo.cloud/matomo.js': matomoJs }),
    'compat.matomo.cloud': routes({ '/matomo.php': noContent }),
  },
  head: `<!-- Matomo -->
<script>
  var _paq = window._paq = window._paq || [];
  /* tracker methods like "setCustomDimension" should be called before "trackPageView" */
  _paq.push(['trackPageView']);
  _paq.push(['enableLinkTracking']);
  (function() {
    var u="https://compat.matomo.cloud/";
    _paq.push(['setTrackerUrl', u+'matomo.php']);
    _paq.push(['setSiteId', '1']);
    var d=document, g=d.createElement('script'), s=d.getElementsByTagName('script')[0];
    g.async=true; g.src='https://cdn.matomo.cloud/compat.matomo.cloud/matomo.js'; s.parentNode.insertBefore(g,s);
  })();
</script>
<!-- End Matomo Code -->`,
  body: `<script>_paq.push(['trackEvent', 'Shop', 'Add to cart', 'mug']);</script>`,
  hits: [
    { url: /^compat\.matomo\.cloud\/matomo\.php$/, body: /action_name=/ },
    { url: /^compat\.matomo\.cloud\/matomo\.php$/, body: /e_c=Shop&e_a=Add%20to%20cart/ },
  ],
  once: ['matomo.js'],
};
