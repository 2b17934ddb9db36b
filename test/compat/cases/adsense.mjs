// AdSense's ad unit code as Google publishes it, pasted plainly: the async adsbygoogle.js tag
// (with the publisher id in its URL), the <ins> slot and the (adsbygoogle = window.adsbygoogle
// || []).push({}) call. adsbygoogle.js loads show_ads_impl.js (createElement, src), which fills
// every <ins> queued so far with an ad iframe and takes over push for later ones.
import { framePage, pixel, routes, script } from '../standins/kit.mjs';

const CLIENT = 'ca-pub-1234567890123456';

const loader = script(
  'adsbygoogle.js',
  `(function () {
  var cs = document.currentScript, client = cs && /[?&]client=([^&]+)/.exec(cs.src);
  window.adsbygoogle = window.adsbygoogle || [];
  window.google_ad_client_from_tag = client && client[1];
  var s = document.createElement('script');
  s.async = true;
  s.src = 'https://pagead2.googlesyndication.com/pagead/managed/js/adsense/m202511200101/show_ads_impl_fy2021.js';
  document.head.appendChild(s);
})();`,
);

const impl = script(
  'show_ads_impl.js',
  `(function () {
  var q = window.adsbygoogle, n = 0;
  function fill(params) {
    var ins = [].slice.call(document.querySelectorAll('ins.adsbygoogle')).filter(function (e) { return !e.hasAttribute('data-adsbygoogle-status'); })[0];
    if (!ins) throw new Error("adsbygoogle.push() error: All 'ins' elements in the DOM with class=adsbygoogle already have ads in them.");
    ins.setAttribute('data-adsbygoogle-status', 'done');
    var f = document.createElement('iframe');
    f.id = 'aswift_' + n++;
    f.width = 300; f.height = 250;
    f.setAttribute('frameborder', '0');
    f.src = 'https://googleads.g.doubleclick.net/pagead/ads?client=' + encodeURIComponent(ins.getAttribute('data-ad-client')) + '&slotname=' + ins.getAttribute('data-ad-slot') + '&format=auto&output=html&url=' + encodeURIComponent(location.href);
    f.onload = function () { ins.setAttribute('data-ad-status', 'filled'); };
    ins.appendChild(f);
  }
  (q || []).forEach(fill);
  window.adsbygoogle = { loaded: true, push: fill };
})();`,
);

export default {
  name: 'AdSense ad unit (adsbygoogle.js)',
  vendors: [{ id: 'google-adsense', name: 'Google AdSense', category: 'advertising', hosts: ['pagead2.googlesyndication.com', 'tpc.googlesyndication.com', '*.doubleclick.net'] }],
  net: {
    'pagead2.googlesyndication.com': routes({ '/pagead/js/adsbygoogle.js': loader, '/pagead/managed/js/adsense/': impl }),
    'googleads.g.doubleclick.net': routes({
      '/pagead/ads': framePage('adsense-ad', '<img src="https://tpc.googlesyndication.com/simgad/987654321" width="300" height="250" alt="Advertisement">'),
    }),
    'tpc.googlesyndication.com': routes({ '/simgad/': pixel }),
  },
  head: `<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=${CLIENT}"
     crossorigin="anonymous"></script>`,
  body: `<!-- compat-display -->
<ins class="adsbygoogle"
     style="display:block"
     data-ad-client="${CLIENT}"
     data-ad-slot="1234567890"
     data-ad-format="auto"
     data-full-width-responsive="true"></ins>
<script>
     (adsbygoogle = window.adsbygoogle || []).push({});
</script>`,
  done: `window.adsbygoogle && adsbygoogle.loaded === true && window.google_ad_client_from_tag == ${JSON.stringify(CLIENT)} && document.querySelector('ins.adsbygoogle').getAttribute('data-ad-status') == 'filled'`,
  hits: [/^googleads\.g\.doubleclick\.net\/pagead\/ads\?client=ca-pub-1234567890123456&slotname=1234567890&/, /^tpc\.googlesyndication\.com\/simgad\/987654321$/],
  once: ['adsbygoogle.js', 'show_ads_impl.js', 'adsense-ad'],
  speculative: [/^pagead2\.googlesyndication\.com\/pagead\/js\/adsbygoogle\.js\?client=/],
};
