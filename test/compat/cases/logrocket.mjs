// logrocket (README usage, npm) is bundled into the site: init() inserts the recorder
// (cdn.logr-in.com/logger-1.min.js, createElement, src, appendChild) and waits for its `onload`,
// keeping every call in a buffer meanwhile; it also wraps the page's fetch and XMLHttpRequest to
// log them. The recorder (window._LRLogger) runs the buffered calls and uploads with
// XMLHttpRequest to the ingest URL the package set (window.__SDKCONFIG__.serverURL).
import { byId, toConfigVendor } from '../../../catalogue/index.mjs';
import { json, routes, script } from '../standins/kit.mjs';

const logger = script(
  'logrocket-logger.js',
  `window._LRLogger = function () {
  var app = '', events = [], session = null, waiting = [], timer = 0;
  function upload() {
    timer = 0;
    var x = new XMLHttpRequest();
    x.open('POST', window.__SDKCONFIG__.serverURL + '?a=' + encodeURIComponent(app));
    x.onload = function () {
      session = 'https://app.logrocket.com/' + app + '/s/' + JSON.parse(x.responseText).session;
      waiting.splice(0).forEach(function (cb) { cb(session); });
    };
    x.send(JSON.stringify({ app: app, url: location.href, events: events.splice(0) }));
  }
  function later() { timer = timer || setTimeout(upload, 0); }
  var api = {
    init: function (id) { app = id; later(); },
    track: function (name, props) { events.push({ track: name, props: props }); later(); },
    identify: function (id, traits) { events.push({ identify: id, traits: traits }); later(); },
    addEvent: function (type) { events.push({ type: type }); },
    getSessionURL: function (cb) { session ? cb(session) : waiting.push(cb); },
  };
  // The other recorder methods (start, log, captureException…) do nothing here.
  return new Proxy(api, { get: function (t, k) { return k in t ? t[k] : typeof k == 'string' && /^[a-z]/.test(k) && !/URL$|ID$|^version$|^then$/.test(k) ? function () {} : undefined; } });
};`,
);

export default {
  name: 'logrocket',
  vendors: [toConfigVendor(byId('logrocket'))],
  net: {
    'cdn.logr-in.com': routes({ '/logger-1.min.js': logger }),
    'r.logr-in.com': routes({ '/i': json({ session: 'c0mpat' }) }),
  },
  app: `import LogRocket from 'logrocket';

LogRocket.init('c0mpat/shop');
LogRocket.track('Signed up', { plan: 'pro' });
LogRocket.getSessionURL(function (url) { window.logrocketSession = url; });`,
  done: `typeof window.logrocketSession == 'string'`,
  hits: [{ url: /^r\.logr-in\.com\/i\?a=c0mpat%2Fshop$/, body: /Signed up/ }],
  once: ['logrocket-logger.js'],
};
