// @rudderstack/analytics-js (README usage, the default export): load(writeKey, dataPlaneUrl),
// then page() and track(). The SDK fetches its source configuration by XHR from
// api.rudderstack.com, then loads its plugins (the events queue among them) as federated
// modules with a dynamic import() of cdn.rudderlabs.com/…/rsa-plugins.js, and delivers events by
// XHR POST to the site's data plane. import() is not hooked (docs/gate.md, Limits): the gate
// holds the configuration request, and the import comes only after its answer.
import { routes } from '../standins/kit.mjs';

const WRITE_KEY = '2c0mpatWriteKey000000000000';
const sourceConfig = () => ({
  type: 'application/json',
  body: {
    isHosted: true,
    source: {
      id: '2c0mpatSource',
      name: 'compat shop',
      writeKey: WRITE_KEY,
      workspaceId: '2c0mpatWorkspace',
      enabled: true,
      config: { statsCollection: { errors: { enabled: false }, metrics: { enabled: false } } },
      destinations: [],
    },
  },
});

// The federated container: init(shareScope), get('./Name') → a factory of the module, whose
// default export makes the plugin. The events queue delivers each event with the SDK's own HTTP
// client (XHR), as the real XhrQueue plugin does; the others only say that they loaded.
const plugins = {
  type: 'application/javascript',
  body: `(window.__compat = window.__compat || { ran: {}, errors: [] }).ran['rsa-plugins.js'] = (window.__compat.ran['rsa-plugins.js'] || 0) + 1;
const loaded = (name) => (state) => { state.plugins.loadedPlugins.value = [...state.plugins.loadedPlugins.value, name]; };
const plugin = (name, extra) => () => ({ name, deps: [], initialize: loaded(name), ...extra });
const XhrQueue = plugin('XhrQueue', {
  dataplaneEventsQueue: {
    init(state, httpClient) {
      httpClient.setAuthHeader(state.lifecycle.writeKey.value);
      return {
        start() {},
        stop() {},
        clear() {},
        addItem({ url, headers, event }) {
          event.sentAt = new Date().toISOString();
          httpClient.getAsyncData({ url, options: { method: 'POST', headers, data: JSON.stringify(event), sendRawData: true }, isRawResponse: true, timeout: 10000, callback() {} });
        },
      };
    },
    enqueue(state, queue, event) {
      const base = state.lifecycle.activeDataplaneUrl.value.replace(/\\/$/, '');
      queue.addItem({ url: base + '/v1/' + event.type, headers: { AnonymousId: btoa(event.anonymousId) }, event });
    },
  },
});
export function init() {}
export function get(name) {
  const key = name.replace('./', '');
  return Promise.resolve(() => ({ default: key == 'XhrQueue' ? XhrQueue : plugin(key) }));
}`,
};

export default {
  name: '@rudderstack/analytics-js (XHR config, plugins by import(), XHR events)',
  vendors: [{ id: 'rudderstack', name: 'RudderStack', category: 'performance', hosts: ['*.rudderstack.com', '*.rudderlabs.com'] }],
  net: {
    'api.rudderstack.com': routes({ '/sourceConfig/': sourceConfig }),
    'cdn.rudderlabs.com': routes({ '/3.34.1/modern/plugins/rsa-plugins.js': plugins }),
    'compatshop.dataplane.rudderstack.com': routes({ '/v1/': { type: 'text/plain', body: 'OK' } }),
  },
  app: `import { RudderAnalytics } from '@rudderstack/analytics-js';

const analytics = new RudderAnalytics();
analytics.load('${WRITE_KEY}', 'https://compatshop.dataplane.rudderstack.com', {
  onLoaded: function () { window.rudderLoaded = true; },
});
analytics.page();
analytics.track('Sign up', { plan: 'pro' });`,
  done: `window.rudderLoaded === true`,
  hits: [/^api\.rudderstack\.com\/sourceConfig\/\?/, /^cdn\.rudderlabs\.com\/3\.34\.1\/modern\/plugins\/rsa-plugins\.js$/, { url: /^compatshop\.dataplane\.rudderstack\.com\/v1\/track$/, body: /Sign up/ }],
  once: ['rsa-plugins.js'],
};
