// mixpanel-browser (README usage) is bundled into the site: it loads no script, its only
// vendor traffic is XMLHttpRequest batches to api-js.mixpanel.com (flushed every 10 s, retried
// with back-off when they fail, kept in localStorage meanwhile).
import { routes } from '../standins/kit.mjs';

const ok = { type: 'application/json', body: '{"status":1,"error":null}' };

export default {
  name: 'mixpanel-browser (XHR batches)',
  vendors: [{ id: 'mixpanel', name: 'Mixpanel', category: 'performance', hosts: ['*.mixpanel.com'] }],
  net: { 'api-js.mixpanel.com': routes({ '/track/': ok, '/engage/': ok, '/groups/': ok, '/flags': { type: 'application/json', body: '{"flags":{}}' }, '/decide': { type: 'application/json', body: '{}' } }) },
  app: `import mixpanel from 'mixpanel-browser';

mixpanel.init('c0mpat0000000000000000000000000a', { autocapture: true });
mixpanel.track('Sign up', { plan: 'pro' });`,
  hits: [{ url: /^api-js\.mixpanel\.com\/track\//, body: /Sign(%20|\+| )up/ }],
  // Its first batch leaves 10 s after init; after a failure it backs off for 20 s more.
  timeout: 40000,
};
