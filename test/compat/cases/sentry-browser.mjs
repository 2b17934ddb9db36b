// @sentry/browser (README usage) is bundled into the site: init() with a DSN, then a captured
// message. It loads no script; it sends envelopes (the session, then the event) with fetch POST to
// the DSN's ingest host, and takes its fetch from a fresh hidden iframe when the page's is wrapped.
import { byId, toConfigVendor } from '../../../catalogue/index.mjs';
import { json, routes } from '../standins/kit.mjs';

export default {
  name: '@sentry/browser (fetch envelopes)',
  vendors: [toConfigVendor(byId('sentry'))],
  net: { 'o450000.ingest.us.sentry.io': routes({ '/api/4500000000000000/envelope/': json({ id: 'c0mpat' }) }) },
  app: `import * as Sentry from '@sentry/browser';

Sentry.init({
  dsn: 'https://c0mpat0000000000000000000000000a@o450000.ingest.us.sentry.io/4500000000000000',
  release: 'compat-shop@1.0.0',
});
Sentry.getClient().on('afterSendEvent', function (event, response) {
  if (event.message == 'Checkout failed') window.sentrySent = response && response.statusCode;
});
Sentry.captureMessage('Checkout failed');`,
  done: `window.sentrySent === 200`,
  hits: [{ url: /^o450000\.ingest\.us\.sentry\.io\/api\/4500000000000000\/envelope\/\?/, body: /Checkout failed/ }],
  timeout: 30000,
};
