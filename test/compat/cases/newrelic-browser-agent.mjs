// @newrelic/browser-agent (README usage, npm): new BrowserAgent({ init, info, loader_config })
// with the values of New Relic's copy/paste snippet, then a page action. It loads no script
// (its features are chunks of the site's bundle); it wraps the page's XMLHttpRequest and fetch,
// sends its page view (the "RUM call") by XHR POST to bam.nr-data.net after the load event,
// starts its features only from that answer, and harvests events every 30 s by XHR (sendBeacon
// when the page hides).
import { byId, toConfigVendor } from '../../../catalogue/index.mjs';
import { json, noContent, routes } from '../standins/kit.mjs';

// The RUM call's answer turns the features on (entitlements) and gives the server's time.
const rum = () => json({ err: 1, ins: 1, cap: 1, spa: 1, loaded: 1, st: 0, sr: 0, sts: 0, srs: 0, log: 0, logapi: 0, app: { agents: [{ entityGuid: 'Y29tcGF0' }], nrServerTime: Date.now() } });

export default {
  name: '@newrelic/browser-agent (XHR harvests, wraps XHR and fetch)',
  vendors: [toConfigVendor(byId('new-relic'))],
  net: {
    'bam.nr-data.net': routes({ '/1/': rum, '/events/': noContent, '/jserrors/': noContent, '/ins/': noContent, '/resources/': noContent, '/browser/blobs': noContent }),
  },
  app: `import { BrowserAgent } from '@newrelic/browser-agent/loaders/browser-agent';

const options = {
  init: { distributed_tracing: { enabled: true }, privacy: { cookies_enabled: true }, ajax: { deny_list: ['bam.nr-data.net'] } },
  info: { beacon: 'bam.nr-data.net', errorBeacon: 'bam.nr-data.net', licenseKey: 'NRJS-c0mpat00000000000', applicationID: '601000001', sa: 1 },
  loader_config: { accountID: '4000001', trustKey: '4000001', agentID: '601000001', licenseKey: 'NRJS-c0mpat00000000000', applicationID: '601000001' },
};
window.nrAgent = new BrowserAgent(options);
window.nrAgent.addPageAction('signup', { plan: 'pro' });`,
  hits: [/^bam\.nr-data\.net\/1\/NRJS-c0mpat00000000000\?a=601000001&/, { url: /^bam\.nr-data\.net\/ins\/1\/NRJS-c0mpat00000000000\?/, body: /signup/ }],
  // The first harvest of events leaves 30 s after the RUM call's answer.
  timeout: 50000,
};
