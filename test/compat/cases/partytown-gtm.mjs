// @builder.io/partytown with Google Tag Manager as Partytown's GTM guide writes it: GTM's own
// snippet, inline, as type="text/partytown", and dataLayer.push forwarded. The snippet runs in
// Partytown's worker, where its script insertion makes the worker fetch gtm.js and run it there
// (the container then loads gtag.js the same way).
import { googleAnalyticsVendor, googleTags, pageView } from '../standins/google.mjs';
import { partytownHead } from '../standins/partytown.mjs';

export default {
  name: 'Partytown (GTM snippet inline, in a web worker)',
  vendors: [googleAnalyticsVendor],
  net: googleTags,
  head: `${partytownHead}<!-- Google Tag Manager -->
<script type="text/partytown">(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':
new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],
j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=
'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);
})(window,document,'script','dataLayer','GTM-PARTY1');</script>
<!-- End Google Tag Manager -->`,
  // gtm.js and gtag.js run in the worker, whose window is not the page's: the page view is the success path.
  hits: [/^www\.googletagmanager\.com\/gtm\.js\?id=GTM-PARTY1$/, pageView('G-FROMGTM')],
  timeout: 30000,
};
