// @paypal/paypal-js (README usage, the v5 loader): loadScript({ clientId }) creates the PayPal
// JS SDK's <script> with its options as query parameters and data-* attributes (its own mark,
// data-js-sdk-library), inserts it first in <head> (before Consentry's loader), resolves with
// window.paypal on its load event. The SDK reads its attributes from document.currentScript,
// renders the buttons in an iframe and logs with sendBeacon.
import { byId, toConfigVendor } from '../../../catalogue/index.mjs';
import { framePage, noContent, routes, script } from '../standins/kit.mjs';

const sdk = script(
  'paypal-sdk.js',
  `(function () {
  var me = document.currentScript;
  var sdk = { version: '5.0.500', library: me && me.getAttribute('data-js-sdk-library'), pageType: me && me.getAttribute('data-page-type') };
  sdk.Buttons = function (options) {
    return {
      render: function (selector) {
        return new Promise(function (resolve) {
          var frame = document.createElement('iframe');
          frame.title = 'PayPal';
          frame.name = '__zoid__paypal_buttons__compat';
          frame.addEventListener('load', function () { resolve(); });
          frame.src = 'https://www.paypal.com/smart/buttons?style.layout=vertical&components.0=buttons&locale.x=en_US&clientID=' + encodeURIComponent(new URL(me.src).searchParams.get('client-id'));
          document.querySelector(selector).appendChild(frame);
          navigator.sendBeacon('https://www.paypal.com/xoplatform/logger/api/logger', JSON.stringify({ events: [{ event: 'paypal_js_sdk_buttons_render' }] }));
          if (options && options.onInit) options.onInit({}, {});
        });
      },
    };
  };
  window.paypal = sdk;
})();`,
);

export default {
  name: '@paypal/paypal-js loadScript (v5 SDK, data-* attributes)',
  // The catalogue files PayPal as required (payments); here it waits for consent like any vendor.
  vendors: [{ ...toConfigVendor(byId('paypal')), category: 'functional' }],
  net: {
    'www.paypal.com': routes({
      '/sdk/js': sdk,
      '/smart/buttons': framePage('paypal-buttons'),
      '/xoplatform/logger/api/logger': noContent,
    }),
  },
  body: `<div id="paypal-buttons"></div>`,
  app: `import { loadScript } from '@paypal/paypal-js';

loadScript({ clientId: 'test', currency: 'EUR', dataPageType: 'checkout' })
  .then((paypal) => paypal.Buttons({ onInit: () => { window.paypalInit = true; } }).render('#paypal-buttons'))
  .then(() => { window.paypalRendered = true; })
  .catch((error) => { console.error('failed to load the PayPal JS SDK script', error); window.paypalFailed = String(error); });`,
  done: `window.paypalRendered === true && window.paypal.library == 'paypal-js' && window.paypal.pageType == 'checkout' && !window.paypalFailed`,
  hits: [/^www\.paypal\.com\/sdk\/js\?client-id=test&currency=EUR$/, /^www\.paypal\.com\/smart\/buttons\?/, /^www\.paypal\.com\/xoplatform\/logger\/api\/logger$/],
  once: ['paypal-sdk.js', 'paypal-buttons'],
};
