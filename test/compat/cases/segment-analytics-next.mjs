// @segment/analytics-next (README usage, npm) is bundled into the site: AnalyticsBrowser.load()
// fetches the source's settings from cdn.segment.com, then sends the calls with fetch POST to
// api.segment.io (keepalive). No destination is turned on, so it loads no script.
import { byId, toConfigVendor } from '../../../catalogue/index.mjs';
import { json, routes } from '../standins/kit.mjs';

const KEY = 'c0mpatWriteKey0000000000000000';
const settings = {
  integrations: { 'Segment.io': { apiKey: KEY, apiHost: 'api.segment.io/v1', protocol: 'https', unbundledIntegrations: [], addBundledMetadata: true, maybeBundledConfigIds: {} } },
  plan: { track: { __default: { enabled: true, integrations: {} } }, identify: { __default: { enabled: true } }, group: { __default: { enabled: true } } },
  edgeFunction: {},
  analyticsNextEnabled: true,
  middlewareSettings: {},
  enabledMiddleware: {},
  metrics: { sampleRate: 0 },
  legacyVideoPluginsEnabled: false,
  remotePlugins: [],
};

export default {
  name: '@segment/analytics-next (npm)',
  vendors: [toConfigVendor(byId('segment'))],
  net: {
    'cdn.segment.com': routes({ [`/v1/projects/${KEY}/settings`]: json(settings) }),
    'api.segment.io': routes({ '/v1/': json({ success: true }) }),
  },
  app: `import { AnalyticsBrowser } from '@segment/analytics-next';

const analytics = AnalyticsBrowser.load({ writeKey: '${KEY}' });
analytics.page();
analytics.track('Order Completed', { revenue: 42 }).then(function (ctx) { window.segmentDelivered = ctx.event.event; });`,
  done: `window.segmentDelivered === 'Order Completed'`,
  hits: [new RegExp(`^cdn\\.segment\\.com/v1/projects/${KEY}/settings$`), /^api\.segment\.io\/v1\/p$/, { url: /^api\.segment\.io\/v1\/t$/, body: /"event":"Order Completed"/ }],
  timeout: 30000,
};
