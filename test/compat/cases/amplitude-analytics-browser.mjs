// @amplitude/analytics-browser (README usage) is bundled into the site: it loads no script and
// sends its events in batches with fetch POST (sendBeacon when the page hides).
import { json, routes } from '../standins/kit.mjs';

export default {
  name: '@amplitude/analytics-browser (fetch)',
  vendors: [{ id: 'amplitude', name: 'Amplitude', category: 'performance', hosts: ['*.amplitude.com'] }],
  net: {
    // The SDK's remote configuration (autocapture and enrichment settings): nothing turned on.
    'sr-client-cfg.amplitude.com': routes({ '/config': json({ configs: {} }) }),
    'api2.amplitude.com': routes({ '/2/httpapi': (req) => json({ code: 200, events_ingested: 1, payload_size_bytes: req.body.length, server_upload_time: Date.now() }) }),
  },
  app: `import * as amplitude from '@amplitude/analytics-browser';

amplitude.init('c0mpat00000000000000000000000000', { autocapture: false });
amplitude.track('Sign up', { plan: 'pro' }).promise.then(function (r) { window.amplitudeResult = r && r.code; });`,
  done: `window.amplitudeResult === 200`,
  hits: [{ url: /^api2\.amplitude\.com\/2\/httpapi/, body: /Sign up/ }],
  timeout: 30000,
};
