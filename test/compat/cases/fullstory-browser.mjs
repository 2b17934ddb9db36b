// @fullstory/browser (README usage) is bundled into the site: init() runs FullStory's snippet,
// which queues calls in window.FS and inserts fs.js (createElement, src, insertBefore). fs.js
// takes over the queue, fetches the org's settings and starts a session with fetch POST, then
// calls the `start` observers (init's ready callback).
import { byId, toConfigVendor } from '../../../catalogue/index.mjs';
import { json, routes, script } from '../standins/kit.mjs';

const fsJs = script(
  'fs.js',
  `(function () {
  var me = document.currentScript, ns = (me && me.getAttribute('data-fs-namespace')) || window._fs_namespace || 'FS';
  var fs = window[ns], q = fs.q || [], org = me ? new URL(me.src).searchParams.get('org') : '', starts = [], session = null, events = [];
  function api(method, args, source, resolve, reject) {
    if (method == 'init') org = args.env.orgId || org;
    else if (method == 'observe' && args.type == 'start') session ? args.callback(session) : starts.push(args.callback);
    else if (method == 'trackEvent' || method == 'setProperties') events.push(args);
    if (resolve) resolve();
  }
  fs._api = api;
  q.splice(0).forEach(function (a) { api.apply(null, a); });
  fetch('https://edge.fullstory.com/s/settings/' + org + '/v1/web')
    .then(function (r) { return r.json(); })
    .then(function () { return fetch('https://rs.fullstory.com/rec/page', { method: 'POST', body: JSON.stringify({ OrgId: org, Url: location.href, Events: events }) }); })
    .then(function (r) { return r.json(); })
    .then(function (p) {
      session = { sessionUrl: 'https://app.fullstory.com/ui/' + org + '/session/' + p.SessionId };
      starts.splice(0).forEach(function (cb) { cb(session); });
    });
})();`,
);

export default {
  name: '@fullstory/browser',
  vendors: [toConfigVendor(byId('fullstory'))],
  net: {
    'edge.fullstory.com': routes({ '/s/fs.js': fsJs, '/s/settings/': json({ enabled: true }) }),
    'rs.fullstory.com': routes({ '/rec/page': json({ SessionId: 'c0mpat', CookieDomain: 'compat.test' }) }),
  },
  app: `import { init, FullStory } from '@fullstory/browser';

init({ orgId: 'o-C0MPAT-na1' }, function (session) { window.fullstorySession = session.sessionUrl; });
FullStory('trackEvent', { name: 'Signed up', properties: { plan: 'pro' } });`,
  done: `typeof window.fullstorySession == 'string'`,
  hits: [{ url: /^rs\.fullstory\.com\/rec\/page$/, body: /Signed up/ }],
  once: ['fs.js'],
};
