// @builder.io/partytown (README: its snippet inlined in <head>, its lib files served by the site)
// running Google's tag in a web worker, as Partytown's Google Tag Manager guide writes it: the
// gtag.js tag and its inline config as type="text/partytown", and dataLayer.push forwarded.
// Partytown's service worker answers its sandbox page, whose worker fetches gtag.js itself (a
// request no hook in the page sees) and runs it there.
import { googleAnalyticsVendor, googleTags, pageView } from '../standins/google.mjs';
import { partytownHead } from '../standins/partytown.mjs';

export default {
  name: 'Partytown (gtag.js in a web worker)',
  vendors: [googleAnalyticsVendor],
  net: googleTags,
  head: `${partytownHead}<script type="text/partytown" src="https://www.googletagmanager.com/gtag/js?id=G-PARTY"></script>
<script type="text/partytown">
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
  gtag('config', 'G-PARTY');
</script>`,
  // gtag.js runs in the worker, whose window is not the page's: the page view is its success path.
  hits: [pageView('G-PARTY')],
  timeout: 30000,
};
