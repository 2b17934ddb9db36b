// Segment's analytics.js snippet (4.1.0) as Segment publishes it, plus a later track call;
// analytics.min.js fetches the source's settings, then sends the queued calls with fetch.
import { json, routes, script } from '../standins/kit.mjs';

const ajs = (req) =>
  script(
    'segment-analytics.js',
    `(function () {
  var key = ${JSON.stringify(req.path.split('/')[3])}, queue = window.analytics.splice(0);
  function send(type, body) {
    body.type = type; body.writeKey = key; body.context = { page: { url: location.href } };
    fetch('https://api.segment.io/v1/' + type[0], { method: 'POST', keepalive: true, headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(body) });
  }
  var ready = false, later = [];
  var api = {
    page: function (name) { send('page', { name: name || document.title }); return api; },
    track: function (event, props) { send('track', { event: event, properties: props || {} }); return api; },
    identify: function (id, traits) { send('identify', { userId: id, traits: traits || {} }); return api; },
    ready: function (f) { ready ? f() : later.push(f); return api; },
  };
  fetch('https://cdn.segment.com/v1/projects/' + key + '/settings').then(function (r) { return r.json(); }).then(function () {
    window.analytics = api;
    queue.forEach(function (c) { if (api[c[0]]) api[c[0]].apply(api, c.slice(1)); });
    ready = true;
    later.forEach(function (f) { f(); });
  });
})();`,
  );

export default {
  name: 'Segment analytics.js snippet',
  vendors: [{ id: 'segment', name: 'Segment', category: 'performance', hosts: ['cdn.segment.com', 'api.segment.io'] }],
  net: {
    'cdn.segment.com': routes({ '/analytics.js/v1/': ajs, '/v1/projects/': json({ integrations: {} }) }),
    'api.segment.io': routes({ '/v1/': json({ success: true }) }),
  },
  head: `<script type="text/javascript">
!function(){var analytics=window.analytics=window.analytics||[];if(!analytics.initialize)if(analytics.invoked)window.console&&console.error&&console.error("Segment snippet included twice.");else{analytics.invoked=!0;analytics.methods=["trackSubmit","trackClick","trackLink","trackForm","pageview","identify","reset","group","track","ready","alias","debug","page","once","off","on"];analytics.factory=function(t){return function(){var e=Array.prototype.slice.call(arguments);e.unshift(t);analytics.push(e);return analytics}};for(var t=0;t<analytics.methods.length;t++){var e=analytics.methods[t];analytics[e]=analytics.factory(e)}analytics.load=function(t,e){var n=document.createElement("script");n.type="text/javascript";n.async=!0;n.src="https://cdn.segment.com/analytics.js/v1/"+t+"/analytics.min.js";var a=document.getElementsByTagName("script")[0];a.parentNode.insertBefore(n,a);analytics._loadOptions=e};analytics.SNIPPET_VERSION="4.1.0";
analytics.load("c0mpatWriteKey0000000000000000");
analytics.page();
}}();
</script>`,
  body: `<script>analytics.track('Order Completed', { revenue: 42 }); analytics.ready(function () { window.segmentReady = true; });</script>`,
  done: `window.segmentReady`,
  hits: [/^cdn\.segment\.com\/v1\/projects\/c0mpatWriteKey0000000000000000\/settings$/, /^api\.segment\.io\/v1\/p$/, { url: /^api\.segment\.io\/v1\/t$/, body: /"event":"Order Completed"/ }],
  once: ['segment-analytics.js'],
};
