// @stripe/stripe-js: loadStripe() injects Stripe.js (src property), resolves on its load event
// with window.Stripe; before injecting it looks for script[src^="https://js.stripe.com"].
import { framePage, noContent, routes, script } from '../standins/kit.mjs';

const stripeJs = script(
  'stripe.js',
  `window.Stripe = function (key) {
  var s = { _key: key, elements: function () { return { create: function () { return { mount: function () {} }; } }; } };
  s._registerWrapper = function (w) { s._wrapper = w.name; };
  var m = document.createElement('iframe');
  m.src = 'https://js.stripe.com/v3/m-outer-compat.html#url=' + encodeURIComponent(location.href);
  m.style.display = 'none';
  document.body.appendChild(m);
  navigator.sendBeacon('https://r.stripe.com/b', JSON.stringify({ key: key, event: 'stripe_js.init' }));
  return s;
};
Stripe.version = 'endive';`,
);

export default {
  name: '@stripe/stripe-js loadStripe',
  vendors: [{ id: 'stripe', name: 'Stripe', category: 'functional', hosts: ['js.stripe.com', 'r.stripe.com', 'm.stripe.network'] }],
  net: {
    'js.stripe.com': routes({ '/endive/stripe.js': stripeJs, '/v3/m-outer-compat.html': framePage('stripe-m-outer') }),
    'r.stripe.com': routes({ '/b': noContent }),
  },
  body: `<form id="payment-form"><div id="card-element"></div><button>Pay</button></form>`,
  app: `import { loadStripe } from '@stripe/stripe-js';

loadStripe('pk_test_compat0000000000000000').then((stripe) => {
  window.stripe = stripe;
  stripe.elements().create('card').mount('#card-element');
});`,
  done: `window.stripe && stripe._key == 'pk_test_compat0000000000000000' && stripe._wrapper == 'stripe-js'`,
  hits: [/^r\.stripe\.com\/b$/],
  once: ['stripe.js', 'stripe-m-outer'],
};
