// A stand-in for a third-party tag, served locally as /vendors/<vendor>.js so that nothing on the
// demo leaves the machine. It records that it ran (the demo's Live consent panel and the e2e tests
// read window.__consentryDemo.ran), sets the cookie named by its data-cookie attribute as the real
// tag would, and offers demoVendor(id).send(event) to the inline tags that follow it.
(function () {
  var me = document.currentScript;
  var m = me && /\/vendors\/([a-z0-9-]+)\.js/.exec(me.src);
  var id = m ? m[1] : 'unknown';
  var demo = (window.__consentryDemo = window.__consentryDemo || { ran: [], calls: [] });
  var cookie = me && me.getAttribute('data-cookie');
  if (cookie) document.cookie = cookie + '=stub.' + Date.now().toString(36) + '; Path=/; Max-Age=31536000; SameSite=Lax';
  demo.ran.push({ vendor: id, kind: 'script', at: new Date().toISOString() });
  demo.api = demo.api || {};
  demo.api[id] = {
    send: function (event) {
      demo.calls.push({ vendor: id, event: event, at: new Date().toISOString() });
      document.dispatchEvent(new CustomEvent('demo:vendor', { detail: { vendor: id, event: event } }));
    },
  };
  window.demoVendor =
    window.demoVendor ||
    function (v) {
      if (!demo.api[v]) throw new Error('demoVendor: ' + v + ' has not loaded yet');
      return demo.api[v];
    };
  document.dispatchEvent(new CustomEvent('demo:vendor', { detail: { vendor: id } }));
})();
