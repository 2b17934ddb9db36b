// Google Publisher Tag as Ad Manager publishes it (head tag, slot definition, display call in the
// ad's div), pasted plainly. gpt.js loads pubads_impl.js (createElement, src), which asks the ad
// server with fetch (credentials included) and renders the creative into a friendly about:blank
// iframe by writing into its document (the creative image and an impression pixel).
import { noContent, pixel, routes, script } from '../standins/kit.mjs';

const IMPL = 'https://securepubads.g.doubleclick.net/pagead/managed/js/gpt/m202511200101/pubads_impl.js';

const gpt = script(
  'gpt.js',
  `(function () {
  var g = window.googletag = window.googletag || { cmd: [] };
  if (g.evalScripts) return;
  var slots = [], listeners = {}, enabled = false, toShow = [];
  function Slot(path, size, div) { this.path = path; this.size = size; this.div = div; }
  Slot.prototype.addService = function () { return this; };
  Slot.prototype.getSlotElementId = function () { return this.div; };
  Slot.prototype.getAdUnitPath = function () { return this.path; };
  var pubads = {
    addEventListener: function (t, f) { (listeners[t] = listeners[t] || []).push(f); return pubads; },
    enableSingleRequest: function () { return true; },
    _fire: function (t, e) { (listeners[t] || []).forEach(function (f) { f(e); }); },
  };
  g.apiReady = true;
  g.pubads = function () { return pubads; };
  g.defineSlot = function (path, size, div) { var s = new Slot(path, size, div); slots.push(s); return s; };
  g.enableServices = function () { enabled = true; };
  g.display = function (div) {
    var s = slots.filter(function (x) { return x.div == (div.getSlotElementId ? div.getSlotElementId() : div); })[0];
    if (s) toShow.push(s), window.__gptImpl && window.__gptImpl(toShow.splice(0), pubads);
  };
  g._slots = slots;
  g.evalScripts = function () {};
  // The implementation file, inserted the way gpt.js inserts it.
  var j = document.createElement('script');
  j.async = true;
  j.src = ${JSON.stringify(IMPL)} + '?cb=31088000';
  j.onload = function () { g.pubadsReady = true; window.__gptImpl(toShow.splice(0), pubads); };
  (document.head || document.documentElement).appendChild(j);
  // The command queue: what the page queued runs now, and later pushes run at once.
  var q = g.cmd;
  g.cmd = { push: function () { for (var i = 0; i < arguments.length; i++) try { arguments[i](); } catch (e) { setTimeout(function () { throw e; }); } return 0; } };
  g.cmd.push.apply(g.cmd, q);
})();`,
);

const impl = script(
  'pubads_impl.js',
  `window.__gptImpl = function (slots, pubads) {
  slots.forEach(function (s) {
    var url = 'https://securepubads.g.doubleclick.net/gampad/ads?iu_parts=' + encodeURIComponent(s.path) + '&prev_iu_szs=' + s.size.join('x') + '&correlator=' + Date.now();
    fetch(url, { credentials: 'include' }).then(function (r) { return r.json(); }).then(function (ad) {
      var div = document.getElementById(s.div);
      var f = document.createElement('iframe');
      f.id = 'google_ads_iframe_' + s.path + '_0';
      f.title = '3rd party ad content';
      f.width = s.size[0]; f.height = s.size[1];
      f.setAttribute('frameborder', '0');
      div.appendChild(f);
      var d = f.contentWindow.document;
      d.open();
      d.write('<!doctype html><body style="margin:0">' + ad.html + '</body>');
      d.close();
      pubads._fire('slotRenderEnded', { slot: s, isEmpty: false, size: s.size });
    });
  });
};`,
);

const ad = {
  type: 'application/json',
  body: JSON.stringify({
    html: '<a href="https://adclick.g.doubleclick.net/pcs/click?xai=compat" target="_blank"><img src="https://tpc.googlesyndication.com/simgad/1234567890" width="300" height="250" alt="Advertisement" border="0"></a><img src="https://securepubads.g.doubleclick.net/pcs/view?xai=compat" width="1" height="1" alt="" style="display:none">',
  }),
};

export default {
  name: 'Google Publisher Tag (gpt.js)',
  vendors: [{ id: 'google-ad-manager', name: 'Google Ad Manager', category: 'advertising', hosts: ['*.doubleclick.net', 'tpc.googlesyndication.com'] }],
  net: {
    'securepubads.g.doubleclick.net': routes({ '/tag/js/gpt.js': gpt, '/pagead/managed/js/gpt/': impl, '/gampad/ads': ad, '/pcs/view': pixel }),
    'tpc.googlesyndication.com': routes({ '/simgad/': pixel }),
    'adclick.g.doubleclick.net': routes({ '/': noContent }),
  },
  head: `<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js" crossorigin="anonymous"></script>
<script>
  window.googletag = window.googletag || {cmd: []};
  googletag.cmd.push(function() {
    googletag.defineSlot('/6355419/Travel/Europe/France/Paris', [300, 250], 'div-gpt-ad-1700000000000-0').addService(googletag.pubads());
    googletag.pubads().enableSingleRequest();
    googletag.enableServices();
  });
</script>`,
  body: `<!-- /6355419/Travel/Europe/France/Paris -->
<div id='div-gpt-ad-1700000000000-0' style='min-width: 300px; min-height: 250px;'>
  <script>
    googletag.cmd.push(function() { googletag.display('div-gpt-ad-1700000000000-0'); });
  </script>
</div>`,
  done: `window.googletag && googletag.pubadsReady === true && (function (f) { var i = f && f.contentDocument && f.contentDocument.querySelector('img[alt=Advertisement]'); return !!i && i.complete && i.naturalWidth > 0; })(document.querySelector('#div-gpt-ad-1700000000000-0 iframe'))`,
  hits: [/^securepubads\.g\.doubleclick\.net\/gampad\/ads\?iu_parts=%2F6355419%2F/, /^tpc\.googlesyndication\.com\/simgad\//, /^securepubads\.g\.doubleclick\.net\/pcs\/view\?/],
  once: ['gpt.js', 'pubads_impl.js'],
  speculative: [/^securepubads\.g\.doubleclick\.net\/tag\/js\/gpt\.js$/],
};
