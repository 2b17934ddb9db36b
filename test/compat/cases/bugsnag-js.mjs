// @bugsnag/js (README usage, bundled into the site): Bugsnag.start(), then a handled error. It
// loads no script; it wraps XMLHttpRequest.prototype.open/send, fetch and addEventListener (for
// its breadcrumbs) after the gate's hooks, starts a session with an XHR POST to
// sessions.bugsnag.com and sends the error with an XHR POST to notify.bugsnag.com, calling back
// when the XHR ends.
import { routes } from '../standins/kit.mjs';

const accepted = () => ({ status: 202, type: 'text/plain', body: 'OK' });

export default {
  name: '@bugsnag/js (XHR delivery, wrapped XHR and fetch)',
  vendors: [{ id: 'bugsnag', name: 'Bugsnag', category: 'performance', hosts: ['notify.bugsnag.com', 'sessions.bugsnag.com'] }],
  net: {
    'notify.bugsnag.com': routes({ '/': accepted }),
    'sessions.bugsnag.com': routes({ '/': accepted }),
  },
  app: `import Bugsnag from '@bugsnag/js';

Bugsnag.start({ apiKey: 'c0mpat00000000000000000000000000', appVersion: '1.0.0' });
Bugsnag.notify(new Error('Checkout failed'), undefined, function (err, event) {
  window.bugsnagSent = err ? String(err) : event.errors[0].errorMessage;
});`,
  done: `window.bugsnagSent === 'Checkout failed'`,
  hits: [{ url: /^sessions\.bugsnag\.com\/$/, body: /"sessions"/ }, { url: /^notify\.bugsnag\.com\/$/, body: /Checkout failed/ }],
};
