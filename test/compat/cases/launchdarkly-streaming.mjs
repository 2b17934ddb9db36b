// launchdarkly-js-client-sdk with its flags bootstrapped and `streaming: true` (as
// launchdarkly-react-client-sdk runs it): the client is ready at once and opens its EventSource
// to clientstream.launchdarkly.com right away, before the data-config file has arrived, with no
// request before it, and never opens another if the constructor throws. Then goals and events
// by XHR. The stream must wait for consent and open after Accept all.
import { json, routes } from '../standins/kit.mjs';

export default {
  name: 'launchdarkly-js-client-sdk (bootstrap + streaming EventSource)',
  vendors: [{ id: 'launchdarkly', name: 'LaunchDarkly', category: 'performance', hosts: ['*.launchdarkly.com'] }],
  net: {
    'app.launchdarkly.com': routes({ '/sdk/evalx/': json({ 'new-checkout': { value: true, version: 3, variation: 0, trackEvents: false } }), '/sdk/goals/': json([]) }),
    'clientsdk.launchdarkly.com': routes({ '/sdk/goals/': json([]) }),
    'clientstream.launchdarkly.com': routes({
      '/eval/': () => ({ type: 'text/event-stream', body: `event: put\ndata: ${JSON.stringify({ 'new-checkout': { value: true, version: 4, variation: 0 } })}\n\n` }),
    }),
    'events.launchdarkly.com': routes({ '/events/': { status: 202, body: '' } }),
  },
  app: `import { initialize } from 'launchdarkly-js-client-sdk';
const client = initialize('ENV-c0mpat', { kind: 'user', key: 'user-key-123abc' }, { bootstrap: { 'new-checkout': true }, streaming: true });
window.ldClient = client;
client.on('ready', function () {
  window.ldFlag = client.variation('new-checkout', false);
  client.track('checkout-started');
  client.flush();
});`,
  done: `window.ldFlag === true`,
  hits: [/^clientstream\.launchdarkly\.com\/eval\/ENV-c0mpat\//, { url: /^events\.launchdarkly\.com\/events\/bulk\/ENV-c0mpat/, body: /checkout-started/ }],
};
