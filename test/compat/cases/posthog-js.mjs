// posthog-js (README usage) is bundled into the site: init() asks PostHog for its remote
// configuration and feature flags with fetch, then sends captured events in batches (fetch POST,
// sendBeacon when the page hides). It may load extension scripts from its assets host.
import { readFileSync } from 'node:fs';
import { J, json, routes, script } from '../standins/kit.mjs';

// PostHog's own extension files (surveys.js…) from the package, as its assets host serves them.
const dist = new URL('../../../node_modules/posthog-js/dist/', import.meta.url);
const extension = (req) => {
  const m = /^\/static\/(?:[\d.]+\/)?([a-z-]+)\.js$/.exec(req.path);
  if (m) return { type: 'application/javascript', body: readFileSync(new URL(m[1] + '.js', dist)) };
};

const TOKEN = 'phc_c0mpat000000000000000000000000000000000000';
// The project's remote configuration: plain JSON bodies, no recordings, surveys or site apps.
const config = { token: TOKEN, supportedCompression: [], hasFeatureFlags: false, analytics: { endpoint: '/i/v0/e/' }, sessionRecording: false, heatmaps: false, surveys: false, siteApps: [], defaultIdentifiedOnly: true };

export default {
  name: 'posthog-js (fetch)',
  vendors: [{ id: 'posthog', name: 'PostHog', category: 'performance', hosts: ['*.posthog.com'] }],
  net: {
    'us.i.posthog.com': routes({ '/e/': json({ status: 1 }), '/i/v0/e/': json({ status: 1 }), '/flags/': json({ flags: {}, featureFlags: {}, errorsWhileComputingFlags: false }) }),
    'us-assets.i.posthog.com': routes({
      [`/array/${TOKEN}/config.js`]: script('posthog-config.js', `(window._POSTHOG_REMOTE_CONFIG = window._POSTHOG_REMOTE_CONFIG || {})[${J(TOKEN)}] = { config: ${J(config)}, siteApps: [] };`),
      [`/array/${TOKEN}/config`]: json(config),
      '/static/': extension,
    }),
  },
  app: `import posthog from 'posthog-js';

posthog.init('phc_c0mpat000000000000000000000000000000000000', {
  api_host: 'https://us.i.posthog.com',
  person_profiles: 'identified_only',
  // The suite's browsers are automated (navigator.webdriver), which PostHog drops as a bot by default.
  opt_out_useragent_filter: true,
  // Its check for a cookie on the parent domain (.compat.test) is a console error in Firefox, which the suite counts.
  cross_subdomain_cookie: false,
  loaded: function () { window.posthogLoaded = true; },
});
posthog.capture('signed_up', { plan: 'pro' });`,
  done: `window.posthogLoaded === true`,
  // The batch body is gzip-compressed (CompressionStream) in most runs, so the hit is its URL.
  hits: [/^us\.i\.posthog\.com\/e\/$/],
  once: ['posthog-config.js'],
  timeout: 30000,
};
