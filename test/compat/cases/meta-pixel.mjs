// The Meta Pixel base code as Meta publishes it, plus a later event; fbevents.js drains
// fbq.queue and fires /tr pixels (images).
import { pixel, routes, script } from '../standins/kit.mjs';

const fbevents = script(
  'fbevents.js',
  `(function () {
  var f = window.fbq, ids = [];
  function run(a) {
    a = Array.prototype.slice.call(a);
    if (a[0] == 'init') ids.push(a[1]);
    else if (a[0] == 'track') ids.forEach(function (id) {
      new Image().src = 'https://www.facebook.com/tr/?id=' + id + '&ev=' + encodeURIComponent(a[1]) + '&dl=' + encodeURIComponent(location.href) + '&rl=&if=false&ts=' + Date.now() + '&v=2.9.compat';
    });
  }
  f.callMethod = function () { run(arguments); };
  f.queue.splice(0).forEach(run);
})();`,
);

export default {
  name: 'Meta Pixel snippet',
  vendors: [{ id: 'meta-pixel', name: 'Meta Pixel', category: 'advertising', hosts: ['connect.facebook.net', 'www.facebook.com'] }],
  net: {
    'connect.facebook.net': routes({ '/en_US/fbevents.js': fbevents }),
    'www.facebook.com': routes({ '/tr': pixel }),
  },
  head: `<!-- Meta Pixel Code -->
<script>
!function(f,b,e,v,n,t,s)
{if(f.fbq)return;n=f.fbq=function(){n.callMethod?
n.callMethod.apply(n,arguments):n.queue.push(arguments)};
if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';
n.queue=[];t=b.createElement(e);t.async=!0;
t.src=v;s=b.getElementsByTagName(e)[0];
s.parentNode.insertBefore(t,s)}(window, document,'script',
'https://connect.facebook.net/en_US/fbevents.js');
fbq('init', '1234567890123456');
fbq('track', 'PageView');
</script>
<noscript><img height="1" width="1" style="display:none"
src="https://www.facebook.com/tr?id=1234567890123456&ev=PageView&noscript=1"
/></noscript>
<!-- End Meta Pixel Code -->`,
  body: `<script>fbq('track', 'ViewContent');</script>`,
  hits: [/^www\.facebook\.com\/tr\/\?id=1234567890123456&ev=PageView&/, /^www\.facebook\.com\/tr\/\?id=1234567890123456&ev=ViewContent&/],
  once: ['fbevents.js'],
};
