// Intercom's Messenger install code as Intercom publishes it (it inserts the widget script on
// window load); the widget loads its frame script (setAttribute src), pings the API with XHR,
// mounts the Messenger and runs the queued Intercom() calls.
import { json, routes, script } from '../standins/kit.mjs';

const widget = script(
  'intercom-widget',
  `var s = document.createElement('script');
s.setAttribute('src', 'https://js.intercomcdn.com/frame-modern.compat.js');
s.setAttribute('charset', 'utf-8');
document.head.appendChild(s);`,
);

const frame = script(
  'intercom-frame.js',
  `(function () {
  var settings = window.intercomSettings || {}, q = (window.Intercom && window.Intercom.q) || [];
  function post(path, data, done) {
    var x = new XMLHttpRequest();
    x.open('POST', (settings.api_base || 'https://api-iam.intercom.io') + path);
    x.onload = done || null;
    x.send(new URLSearchParams(Object.assign({ app_id: settings.app_id }, data)));
  }
  post('/messenger/web/ping', { referer: location.href }, function () {
    var box = document.createElement('div');
    box.id = 'intercom-container';
    var f = document.createElement('iframe');
    f.id = 'intercom-frame';
    box.appendChild(f);
    document.body.appendChild(box);
    window.Intercom = function (cmd, arg) { if (cmd == 'trackEvent') post('/messenger/web/events', { event_name: arg }); };
    q.forEach(function (a) { Intercom.apply(null, a); });
  });
})();`,
);

export default {
  name: 'Intercom Messenger snippet',
  vendors: [{ id: 'intercom', name: 'Intercom', category: 'functional', hosts: ['*.intercom.io', '*.intercomcdn.com'] }],
  net: {
    'widget.intercom.io': routes({ '/widget/compat01': widget }),
    'js.intercomcdn.com': routes({ '/frame-modern.compat.js': frame }),
    'api-iam.intercom.io': routes({ '/messenger/web/': json({ app: { name: 'compat' } }) }),
  },
  body: `<script>
  window.intercomSettings = {
    api_base: "https://api-iam.intercom.io",
    app_id: "compat01",
  };
</script>
<script>
// We pre-filled your app ID in the widget URL: 'https://widget.intercom.io/widget/compat01'
(function(){var w=window;var ic=w.Intercom;if(typeof ic==="function"){ic('reattach_activator');ic('update',w.intercomSettings);}else{var d=document;var i=function(){i.c(arguments);};i.q=[];i.c=function(args){i.q.push(args);};w.Intercom=i;var l=function(){var s=d.createElement('script');s.type='text/javascript';s.async=true;s.src='https://widget.intercom.io/widget/compat01';var x=d.getElementsByTagName('script')[0];x.parentNode.insertBefore(s,x);};if(document.readyState==='complete'){l();}else if(w.attachEvent){w.attachEvent('onload',l);}else{w.addEventListener('load',l,false);}}})();
</script>
<script>Intercom('trackEvent', 'viewed-pricing');</script>`,
  done: `!!document.getElementById('intercom-container')`,
  hits: [/^api-iam\.intercom\.io\/messenger\/web\/ping$/, { url: /^api-iam\.intercom\.io\/messenger\/web\/events$/, body: /event_name=viewed-pricing/ }],
  once: ['intercom-widget', 'intercom-frame.js'],
};
