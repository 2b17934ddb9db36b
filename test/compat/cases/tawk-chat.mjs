// The Tawk.to chat widget code as Tawk.to publishes it, with the Tawk_API.onLoad callback its
// JavaScript API documents. The embed script (inserted before the page's first script, which is
// Consentry's loader) loads the widget's main file with setAttribute('src'); that asks for the
// property's settings with XMLHttpRequest and draws the chat button into a friendly
// about:blank iframe through its document.
import { json, routes, script } from '../standins/kit.mjs';

const PROPERTY = '64f0c0ffee0123456789abcd';

const embed = script(
  'tawk-embed.js',
  `(function () {
  var s = document.createElement('script');
  s.setAttribute('src', 'https://embed.tawk.to/_s/v4/app/6780abc1234/js/twk-main.js');
  s.setAttribute('charset', 'UTF-8');
  s.setAttribute('crossorigin', '*');
  s.async = true;
  document.getElementsByTagName('head')[0].appendChild(s);
})();`,
);

const main = script(
  'tawk-main.js',
  `(function () {
  var api = window.Tawk_API = window.Tawk_API || {};
  var x = new XMLHttpRequest();
  x.open('GET', 'https://va.tawk.to/v1/widget-settings?propertyId=${PROPERTY}&widgetId=1h9c0mpat');
  x.withCredentials = true;
  x.onload = function () {
    var settings = JSON.parse(x.responseText);
    var f = document.createElement('iframe');
    f.title = 'chat widget';
    f.setAttribute('style', 'position:fixed;bottom:20px;right:20px;width:64px;height:60px;border:0');
    document.body.appendChild(f);
    var d = f.contentDocument;
    d.open();
    d.write('<!doctype html><body style="margin:0"><button style="background:' + settings.color + '">Chat</button></body>');
    d.close();
    api.getStatus = function () { return settings.status; };
    if (typeof api.onLoad == 'function') api.onLoad();
  };
  x.send();
})();`,
);

export default {
  name: 'Tawk.to chat widget',
  vendors: [{ id: 'tawk', name: 'Tawk.to', category: 'functional', hosts: ['*.tawk.to'] }],
  net: {
    'embed.tawk.to': routes({ [`/${PROPERTY}/`]: embed, '/_s/v4/app/': main }),
    'va.tawk.to': routes({ '/v1/widget-settings': json({ status: 'online', color: '#03a84e' }) }),
  },
  body: `<!--Start of Tawk.to Script-->
<script type="text/javascript">
var Tawk_API=Tawk_API||{}, Tawk_LoadStart=new Date();
Tawk_API.onLoad = function(){ window.tawkLoaded = Tawk_API.getStatus(); };
(function(){
var s1=document.createElement("script"),s0=document.getElementsByTagName("script")[0];
s1.async=true;
s1.src='https://embed.tawk.to/${PROPERTY}/1h9c0mpat';
s1.charset='UTF-8';
s1.setAttribute('crossorigin','*');
s0.parentNode.insertBefore(s1,s0);
})();
</script>
<!--End of Tawk.to Script-->`,
  done: `window.tawkLoaded == 'online' && !!document.querySelector('iframe[title="chat widget"]').contentDocument.querySelector('button')`,
  hits: [/^va\.tawk\.to\/v1\/widget-settings\?propertyId=/],
  once: ['tawk-embed.js', 'tawk-main.js'],
};
