// The Pinterest Tag base code as Pinterest publishes it, plus a conversion event; core.js
// drains pintrk.queue and fires pixels to ct.pinterest.com.
import { pixel, routes, script } from '../standins/kit.mjs';

const core = script(
  'pinterest-core.js',
  `(function () {
  var q = window.pintrk.queue, tid;
  function run(a) {
    if (a[0] == 'load') tid = a[1];
    var ev = a[0] == 'load' ? 'init' : a[0] == 'page' ? 'pagevisit' : a[0] == 'track' ? a[1] : null;
    if (ev) new Image().src = 'https://ct.pinterest.com/v3/?event=' + ev + '&tid=' + tid + '&cb=' + Date.now();
  }
  window.pintrk = function () { run(Array.prototype.slice.call(arguments)); };
  q.splice(0).forEach(run);
})();`,
);

export default {
  name: 'Pinterest Tag snippet',
  vendors: [{ id: 'pinterest', name: 'Pinterest Tag', category: 'advertising', hosts: ['s.pinimg.com', 'ct.pinterest.com'] }],
  net: {
    's.pinimg.com': routes({ '/ct/core.js': core }),
    'ct.pinterest.com': routes({ '/v3/': pixel }),
  },
  head: `<!-- Pinterest Tag -->
<script>
!function(e){if(!window.pintrk){window.pintrk = function () {
window.pintrk.queue.push(Array.prototype.slice.call(arguments))};var
  n=window.pintrk;n.queue=[],n.version="3.0";var
  t=document.createElement("script");t.async=!0,t.src=e;var
  r=document.getElementsByTagName("script")[0];
  r.parentNode.insertBefore(t,r)}}("https://s.pinimg.com/ct/core.js");
pintrk('load', '2612345678901');
pintrk('page');
</script>
<noscript>
<img height="1" width="1" style="display:none;" alt=""
  src="https://ct.pinterest.com/v3/?event=init&tid=2612345678901&noscript=1" />
</noscript>
<!-- end Pinterest Tag -->`,
  body: `<script>pintrk('track', 'checkout', { value: 100, order_quantity: 1, currency: 'USD' });</script>`,
  hits: [/^ct\.pinterest\.com\/v3\/\?event=pagevisit&tid=2612345678901&/, /^ct\.pinterest\.com\/v3\/\?event=checkout&tid=2612345678901&/],
  once: ['pinterest-core.js'],
};
