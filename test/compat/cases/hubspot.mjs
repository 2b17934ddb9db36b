// HubSpot's embed code as HubSpot publishes it: a plain async defer tag in the HTML (so the
// configuration is inline, known before the parser reaches it). The loader inserts the
// analytics script, which sends the page view (and the queued _hsq calls) as a pixel.
import { pixel, routes, script } from '../standins/kit.mjs';

const loader = script(
  'hs-scripts',
  `!function(e,t){if(!document.getElementById(e)){var c=document.createElement("script");c.src="https://js.hs-analytics.net/analytics/1730000000000/24681357.js",c.type="text/javascript",c.id=e;var n=document.getElementsByTagName("script")[0];n.parentNode.insertBefore(c,n)}}("hs-analytics");`,
);

const analytics = script(
  'hs-analytics',
  `(function () {
  var q = window._hsq || [], path = location.pathname;
  function view() { new Image().src = 'https://track.hubspot.com/__ptq.gif?k=1&a=24681357&n=' + encodeURIComponent(path) + '&cts=' + Date.now(); }
  q.forEach(function (c) { if (c[0] == 'setPath') path = c[1]; });
  view();
  window._hsq = { push: function (c) { if (c[0] == 'setPath') path = c[1]; if (c[0] == 'trackPageView') view(); } };
})();`,
);

export default {
  name: 'HubSpot embed code (plain tag, inline config)',
  embed: 'inline',
  vendors: [{ id: 'hubspot', name: 'HubSpot', category: 'performance', hosts: ['js.hs-scripts.com', 'js.hs-analytics.net', 'track.hubspot.com'] }],
  net: {
    'js.hs-scripts.com': routes({ '/24681357.js': loader }),
    'js.hs-analytics.net': routes({ '/analytics/': analytics }),
    'track.hubspot.com': routes({ '/__ptq.gif': pixel }),
  },
  head: `<script>var _hsq = window._hsq = window._hsq || []; _hsq.push(['setPath', '/pricing']);</script>`,
  body: `<h1>Pricing</h1>
<!-- Start of HubSpot Embed Code -->
<script type="text/javascript" id="hs-script-loader" async defer src="//js.hs-scripts.com/24681357.js"></script>
<!-- End of HubSpot Embed Code -->`,
  hits: [/^track\.hubspot\.com\/__ptq\.gif\?k=1&a=24681357&n=%2Fpricing&/],
  once: ['hs-scripts', 'hs-analytics'],
  speculative: [/^js\.hs-scripts\.com\/24681357\.js$/],
};
