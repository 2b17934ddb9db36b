// Microsoft Clarity's tracking code as Microsoft publishes it; the tag loads clarity.js from
// scripts.clarity.ms, which works through clarity.q and uploads to k.clarity.ms with XHR.
import { noContent, routes, script } from '../standins/kit.mjs';

const tag = script(
  'clarity-tag',
  `(function () {
  var t = document.createElement('script');
  t.async = 1;
  t.src = 'https://scripts.clarity.ms/0.8.9/clarity.js';
  var y = document.getElementsByTagName('script')[0];
  y.parentNode.insertBefore(t, y);
})();`,
);

const clarityJs = script(
  'clarity.js',
  `(function () {
  var q = (window.clarity && window.clarity.q) || [], tags = {};
  function upload() {
    var x = new XMLHttpRequest();
    x.open('POST', 'https://k.clarity.ms/collect');
    x.send(JSON.stringify({ envelope: { projectId: 'compat0001', url: location.href }, tags: tags }));
  }
  window.clarity = function (cmd, k, v) { if (cmd == 'set') tags[k] = v; };
  q.forEach(function (a) { clarity.apply(null, a); });
  upload();
})();`,
);

export default {
  name: 'Microsoft Clarity snippet',
  vendors: [{ id: 'clarity', name: 'Microsoft Clarity', category: 'performance', hosts: ['*.clarity.ms'] }],
  net: {
    'www.clarity.ms': routes({ '/tag/compat0001': tag }),
    'scripts.clarity.ms': routes({ '/0.8.9/clarity.js': clarityJs }),
    'k.clarity.ms': routes({ '/collect': noContent }),
  },
  head: `<script type="text/javascript">
    (function(c,l,a,r,i,t,y){
        c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};
        t=l.createElement(r);t.async=1;t.src="https://www.clarity.ms/tag/"+i;
        y=l.getElementsByTagName(r)[0];y.parentNode.insertBefore(t,y);
    })(window, document, "clarity", "script", "compat0001");
</script>
<script>clarity('set', 'plan', 'pro');</script>`,
  hits: [{ url: /^k\.clarity\.ms\/collect$/, body: /"plan":"pro"/ }],
  once: ['clarity-tag', 'clarity.js'],
};
