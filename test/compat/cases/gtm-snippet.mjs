// Google Tag Manager's container snippet as Google publishes it (head + noscript body part),
// pasted plainly: it inserts gtm.js, and the container's GA4 tag then loads gtag.js.
import { googleAnalyticsVendor, googleTags, pageView } from '../standins/google.mjs';

export default {
  name: 'Google Tag Manager snippet',
  vendors: [googleAnalyticsVendor],
  net: googleTags,
  head: `<!-- Google Tag Manager -->
<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':
new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],
j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=
'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);
})(window,document,'script','dataLayer','GTM-COMPAT1');</script>
<!-- End Google Tag Manager -->`,
  body: `<!-- Google Tag Manager (noscript) -->
<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-COMPAT1"
height="0" width="0" style="display:none;visibility:hidden"></iframe></noscript>
<!-- End Google Tag Manager (noscript) -->`,
  done: `!!(window.google_tag_manager && google_tag_manager['GTM-COMPAT1'])`,
  hits: [pageView('G-FROMGTM')],
  once: ['gtm.js', 'gtag.js'],
};
