// react-ga4 (README usage; it needs no React) is bundled into the site: initialize() inserts
// gtag.js with createElement and src, then sends a page view and an event through gtag().
import { eventHit, googleAnalyticsVendor, googleTags, pageView } from '../standins/google.mjs';

export default {
  name: 'react-ga4',
  vendors: [googleAnalyticsVendor],
  net: googleTags,
  app: `import ReactGA from 'react-ga4';

ReactGA.initialize('G-REACTGA401');
ReactGA.send({ hitType: 'pageview', page: '/checkout', title: 'Checkout' });
ReactGA.event('add_to_cart', { currency: 'EUR', value: 12 });`,
  hits: [pageView('G-REACTGA401'), eventHit('add_to_cart')],
  once: ['gtag.js'],
};
