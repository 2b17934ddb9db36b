// Google's tags, answered locally. gtag.js works off `dataLayer` as the real file does: it runs
// every command queued before it loaded, then takes over `dataLayer.push`, and sends a GA4 hit
// (`/g/collect`, by sendBeacon) per `config` (a page view unless send_page_view is false) and per
// `event`. gtm.js is a container with one GA4 tag: it loads gtag.js and configures it.
import { J, noContent, routes, script } from './kit.mjs';

const gtagJs = (req) =>
  script(
    'gtag.js',
    `(function () {
  var layer = ${J(req.query.get('l') || 'dataLayer')};
  var dl = window[layer] = window[layer] || [];
  var ids = [], waiting = [];
  function send(id, name, params) {
    var q = 'v=2&tid=' + encodeURIComponent(id) + '&en=' + encodeURIComponent(name) + '&dl=' + encodeURIComponent(location.href);
    for (var k in params || {}) if (params[k] == null || typeof params[k] != 'object') q += '&ep.' + encodeURIComponent(k) + '=' + encodeURIComponent(params[k]);
    var url = 'https://www.google-analytics.com/g/collect?' + q;
    if (!(navigator.sendBeacon && navigator.sendBeacon(url))) fetch(url, { method: 'POST', mode: 'no-cors', keepalive: true });
  }
  function event(name, params) {
    if (!ids.length) return waiting.push([name, params]);
    var to = params && params.send_to;
    ids.forEach(function (id) { if (!to || to == id) send(id, name, params); });
  }
  function run(cmd) {
    // Plain objects are GTM events; gtag() pushes its arguments object.
    if (!cmd || typeof cmd.length != 'number') return;
    if (cmd[0] == 'config') {
      ids.push(cmd[1]);
      if (!cmd[2] || cmd[2].send_page_view !== false) send(cmd[1], 'page_view', cmd[2]);
      waiting.splice(0).forEach(function (e) { event(e[0], e[1]); });
    } else if (cmd[0] == 'event') event(cmd[1], cmd[2]);
  }
  for (var i = 0; i < dl.length; i++) run(dl[i]);
  var push = dl.push;
  dl.push = function () {
    for (var i = 0; i < arguments.length; i++) run(arguments[i]);
    return push.apply(dl, arguments);
  };
})();`,
  );

const gtmJs = (req) => {
  const id = req.query.get('id');
  const layer = req.query.get('l') || 'dataLayer';
  return script(
    'gtm.js',
    `(function () {
  var dl = window[${J(layer)}] = window[${J(layer)}] || [];
  if (!dl.some(function (e) { return e && e.event == 'gtm.js'; })) return;
  window.google_tag_manager = window.google_tag_manager || {};
  window.google_tag_manager[${J(id)}] = { dataLayer: { name: ${J(layer)} } };
  // The container's one tag: Google Analytics 4, which loads gtag.js and configures it.
  (function () { dl.push(arguments); })('config', 'G-FROMGTM');
  var s = document.createElement('script');
  s.async = true;
  s.src = 'https://www.googletagmanager.com/gtag/js?id=G-FROMGTM&l=' + ${J(layer)} + '&cx=c';
  var f = document.getElementsByTagName('script')[0];
  f.parentNode.insertBefore(s, f);
  dl.push({ event: 'gtm.dom' });
  if (document.readyState == 'complete') dl.push({ event: 'gtm.load' });
  else addEventListener('load', function () { dl.push({ event: 'gtm.load' }); });
})();`,
  );
};

/** www.googletagmanager.com and www.google-analytics.com. */
export const googleTags = {
  'www.googletagmanager.com': routes({ '/gtag/js': gtagJs, '/gtm.js': gtmJs }),
  'www.google-analytics.com': routes({ '/g/collect': noContent }),
};

export const googleAnalyticsVendor = {
  id: 'google-analytics',
  name: 'Google Analytics',
  category: 'performance',
  hosts: ['www.googletagmanager.com', 'www.google-analytics.com'],
};

/** A page-view hit for measurement id `id` reached Google. */
export const pageView = (id) => new RegExp(`^www\\.google-analytics\\.com/g/collect\\?v=2&tid=${id}&en=page_view&`);
/** An event hit named `name`. */
export const eventHit = (name) => new RegExp(`^www\\.google-analytics\\.com/g/collect\\?v=2&tid=[^&]+&en=${name}&`);
