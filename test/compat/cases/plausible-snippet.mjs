// Plausible Analytics' snippet as Plausible publishes it, pasted plainly: a `defer` script (not
// async) that reads its site from its own data-domain attribute, plus the queue function its
// custom-events guide adds, and a custom event with a callback. script.js posts each event with
// fetch to /api/event on its own host.
import { routes, script } from '../standins/kit.mjs';

const tracker = script(
  'plausible.js',
  `(function () {
  var me = document.currentScript, domain = me.getAttribute('data-domain');
  var endpoint = new URL(me.src).origin + '/api/event';
  function send(name, opts) {
    opts = opts || {};
    fetch(endpoint, { method: 'POST', keepalive: true, headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ n: name, u: location.href, d: domain, r: document.referrer || null, p: opts.props }) })
      .then(function (r) { opts.callback && opts.callback({ status: r.status }); });
  }
  var q = (window.plausible && window.plausible.q) || [];
  window.plausible = function (name, opts) { send(name, opts); };
  send('pageview');
  for (var i = 0; i < q.length; i++) send.apply(null, q[i]);
})();`,
);

export default {
  name: 'Plausible Analytics snippet (defer)',
  vendors: [{ id: 'plausible', name: 'Plausible Analytics', category: 'performance', hosts: ['plausible.io'] }],
  net: { 'plausible.io': routes({ '/js/script.js': tracker, '/api/event': { status: 202, type: 'text/plain', body: 'ok' } }) },
  head: `<script defer data-domain="compat.test" src="https://plausible.io/js/script.js"></script>
<script>window.plausible = window.plausible || function() { (window.plausible.q = window.plausible.q || []).push(arguments) }</script>`,
  body: `<script>plausible('Signup', { props: { plan: 'pro' }, callback: function (r) { window.plausibleSent = r && r.status; } });</script>`,
  done: `window.plausibleSent === 202`,
  hits: [
    { url: /^plausible\.io\/api\/event$/, body: /"n":"pageview".*"d":"compat\.test"/ },
    { url: /^plausible\.io\/api\/event$/, body: /"n":"Signup"/ },
  ],
  once: ['plausible.js'],
  speculative: [/^plausible\.io\/js\/script\.js$/],
};
