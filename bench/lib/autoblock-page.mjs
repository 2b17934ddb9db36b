// The auto-blocking page: after load, a "tag manager" inserts 1,000 elements (500 async scripts,
// 500 images) whose URLs point at the 10 vendors' hosts, and records how long that took.
// mode: without (no consent manager), held (Consentry, no choice yet: everything is held back),
// allowed (Consentry after "Accept all": every element is checked and let through).
// The URLs use port 9 on the vendor hosts (nothing listens there: the connection is refused at
// once), so what is timed is the page's and the gate's work, not 1,000 downloads competing with
// it for the CPU; the browser still starts every request it is allowed to.
import { vendors, vendorHost } from './site.mjs';

export const N = 1000;

export function autoblockHtml(mode) {
  const withConsentry = mode !== 'without';
  const hosts = vendors.map(vendorHost);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>autoblock ${mode}</title>
${withConsentry ? '<script src="/consentry/baked/consentry.js"></script>' : ''}
</head><body><div id="tags"></div>
<script>
addEventListener('load', function () {
  ${mode === 'allowed' ? 'window.consentry && consentry.acceptAll();' : ''}
  setTimeout(function () {
    var hosts = ${JSON.stringify(hosts)}, box = document.getElementById('tags');
    var t0 = performance.now();
    for (var i = 0; i < ${N}; i++) {
      var host = 'http://' + hosts[i % hosts.length] + ':9';
      var el;
      if (i % 2) { el = document.createElement('img'); el.src = host + '/px/' + i + '.gif'; el.width = 1; el.height = 1; }
      else { el = document.createElement('script'); el.async = true; el.src = host + '/s/' + i + '.js'; }
      box.appendChild(el);
    }
    var t1 = performance.now();
    // Queued after the loop, this microtask runs after the mutation observers the inserts
    // triggered (their delivery was queued at the first insert): the gate's work is included.
    queueMicrotask(function () {
      window.__autoblock = { ms: performance.now() - t0, loopMs: t1 - t0 };
      window.__benchNotify && window.__benchNotify('autoblock');
    });
  }, 150);
});
</script></body></html>`;
}
