// @intercom/messenger-js-sdk (README usage) is bundled into the site: Intercom({ app_id })
// queues calls in window.Intercom and inserts the widget script (createElement, src,
// insertBefore) once the document is ready. Stand-ins as in the Intercom snippet case.
import { byId, toConfigVendor } from '../../../catalogue/index.mjs';
import snippet from './intercom.mjs';

export default {
  name: '@intercom/messenger-js-sdk',
  vendors: [toConfigVendor(byId('intercom'))],
  net: snippet.net,
  app: `import Intercom, { trackEvent } from '@intercom/messenger-js-sdk';

Intercom({ app_id: 'compat01' });
trackEvent('viewed-pricing');`,
  done: snippet.done,
  hits: snippet.hits,
  once: snippet.once,
};
