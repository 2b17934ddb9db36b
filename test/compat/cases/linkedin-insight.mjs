// The LinkedIn Insight Tag as LinkedIn publishes it, plus a conversion; insight.min.js sends
// its partner ids and queued lintrk calls as pixels to px.ads.linkedin.com.
import { pixel, routes, script } from '../standins/kit.mjs';

const insight = script(
  'insight.min.js',
  `(function () {
  var ids = window._linkedin_data_partner_ids || [], q = (window.lintrk && window.lintrk.q) || [];
  function px(extra) {
    ids.forEach(function (pid) {
      new Image().src = 'https://px.ads.linkedin.com/collect?v=2&fmt=js&pid=' + pid + extra + '&time=' + Date.now() + '&url=' + encodeURIComponent(location.href);
    });
  }
  px('');
  window.lintrk = function (a, b) { if (a == 'track') px('&conversionId=' + (b && b.conversion_id)); };
  q.forEach(function (c) { lintrk(c[0], c[1]); });
})();`,
);

export default {
  name: 'LinkedIn Insight Tag snippet',
  vendors: [{ id: 'linkedin', name: 'LinkedIn Insight Tag', category: 'advertising', hosts: ['snap.licdn.com', 'px.ads.linkedin.com'] }],
  net: {
    'snap.licdn.com': routes({ '/li.lms-analytics/insight.min.js': insight }),
    'px.ads.linkedin.com': routes({ '/collect': pixel }),
  },
  body: `<script type="text/javascript">
_linkedin_partner_id = "1234567";
window._linkedin_data_partner_ids = window._linkedin_data_partner_ids || [];
window._linkedin_data_partner_ids.push(_linkedin_partner_id);
</script><script type="text/javascript">
(function(l) {
if (!l){window.lintrk = function(a,b){window.lintrk.q.push([a,b])};
window.lintrk.q=[]}
var s = document.getElementsByTagName("script")[0];
var b = document.createElement("script");
b.type = "text/javascript";b.async = true;
b.src = "https://snap.licdn.com/li.lms-analytics/insight.min.js";
s.parentNode.insertBefore(b, s);})(window.lintrk);
</script>
<noscript>
<img height="1" width="1" style="display:none;" alt="" src="https://px.ads.linkedin.com/collect/?pid=1234567&fmt=gif" />
</noscript>
<script>window.lintrk('track', { conversion_id: 7654321 });</script>`,
  hits: [/^px\.ads\.linkedin\.com\/collect\?v=2&fmt=js&pid=1234567&time=/, /^px\.ads\.linkedin\.com\/collect\?v=2&fmt=js&pid=1234567&conversionId=7654321&/],
  once: ['insight.min.js'],
};
