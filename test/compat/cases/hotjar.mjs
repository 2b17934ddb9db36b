// Hotjar's tracking code as Hotjar publishes it; hotjar-<id>.js loads its modules script, which
// works through hj.q and reports with XMLHttpRequest to in.hotjar.com.
import { noContent, routes, script } from '../standins/kit.mjs';

const loader = script(
  'hotjar.js',
  `var s = document.createElement('script');
s.async = true;
s.src = 'https://script.hotjar.com/modules.compat.js';
document.getElementsByTagName('head')[0].appendChild(s);`,
);

const modules = script(
  'hotjar-modules.js',
  `(function () {
  var site = window._hjSettings.hjid, q = (window.hj && window.hj.q) || [];
  function post(path, data) {
    var x = new XMLHttpRequest();
    x.open('POST', 'https://in.hotjar.com/api/v2/client/sites/' + site + path);
    x.setRequestHeader('Content-Type', 'application/json');
    x.send(JSON.stringify(data));
  }
  post('/visit-data?sv=' + window._hjSettings.hjsv, { url: location.href, r_value: 1 });
  window.hj = function (kind, name) { if (kind == 'event') post('/events', { name: name }); };
  q.forEach(function (a) { hj.apply(null, a); });
})();`,
);

export default {
  name: 'Hotjar snippet',
  vendors: [{ id: 'hotjar', name: 'Hotjar', category: 'performance', hosts: ['*.hotjar.com'] }],
  net: {
    'static.hotjar.com': routes({ '/c/hotjar-3712345.js': loader }),
    'script.hotjar.com': routes({ '/modules.compat.js': modules }),
    'in.hotjar.com': routes({ '/api/v2/client/sites/': noContent }),
  },
  head: `<!-- Hotjar Tracking Code for https://www.compat.test -->
<script>
    (function(h,o,t,j,a,r){
        h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};
        h._hjSettings={hjid:3712345,hjsv:6};
        a=o.getElementsByTagName('head')[0];
        r=o.createElement('script');r.async=1;
        r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;
        a.appendChild(r);
    })(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');
</script>`,
  body: `<script>hj('event', 'newsletter_signup');</script>`,
  hits: [/^in\.hotjar\.com\/api\/v2\/client\/sites\/3712345\/visit-data\?sv=6$/, { url: /^in\.hotjar\.com\/api\/v2\/client\/sites\/3712345\/events$/, body: /newsletter_signup/ }],
  once: ['hotjar.js', 'hotjar-modules.js'],
};
