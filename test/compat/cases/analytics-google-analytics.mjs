// `analytics` with `@analytics/google-analytics`, as its README shows. The plugin injects
// gtag.js and then decides it is loaded by finding script[src^=…/gtag/js] (polling for 10 s);
// page() and track() wait in its queue until then. Its "ready" event says the polling is over
// (the plugin loaded, or gave up: 1,000 ticks of 10 ms, about 14 s here), and late consent
// comes after that.
import { eventHit, googleAnalyticsVendor, googleTags, pageView } from '../standins/google.mjs';

export default {
  name: 'analytics + @analytics/google-analytics',
  vendors: [googleAnalyticsVendor],
  net: googleTags,
  app: `import Analytics from 'analytics';
import googleAnalytics from '@analytics/google-analytics';

const analytics = Analytics({
  app: 'compat-shop',
  plugins: [googleAnalytics({ measurementIds: ['G-ANALYTICS1'] })],
});
analytics.on('ready', () => { window.analyticsReady = true; });
analytics.page();
analytics.track('add_to_cart', { item: 'mug', price: 12 });`,
  lateWhen: 'window.analyticsReady',
  hits: [pageView('G-ANALYTICS1'), eventHit('add_to_cart')],
  once: ['gtag.js'],
};
