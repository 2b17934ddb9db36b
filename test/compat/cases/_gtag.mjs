// Google's gtag.js snippet exactly as Google publishes it ("Install the Google tag"), pasted
// plainly in <head>: an async external tag plus an inline configuration. The three gtag-*
// cases differ only in how the page gives Consentry its configuration.
import { googleAnalyticsVendor, googleTags, pageView } from '../standins/google.mjs';

export const gtagSnippet = (embed, name) => ({
  name,
  embed,
  vendors: [googleAnalyticsVendor],
  net: googleTags,
  head: `<!-- Google tag (gtag.js) -->
<script async src="https://www.googletagmanager.com/gtag/js?id=G-PLAIN1"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());

  gtag('config', 'G-PLAIN1');
</script>`,
  hits: [pageView('G-PLAIN1')],
  once: ['gtag.js'],
  // Written plainly in the HTML, the tag may be fetched by the preload scanner before any
  // script runs; it must still not run.
  speculative: [/^www\.googletagmanager\.com\/gtag\/js\?id=G-PLAIN1$/],
});
