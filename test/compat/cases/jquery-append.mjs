// jQuery 3 parses `$('head').append('<script src=…>')` through innerHTML, then loads the script
// itself (jQuery._evalUrl: an ajax "script" request, i.e. a new <script> with the src property)
// because a script created by innerHTML never runs. The tag is Zendesk's Web Widget snippet.
import { json, routes, script } from '../standins/kit.mjs';

const snippet = script(
  'zendesk-snippet',
  `fetch('https://compat.zendesk.com/embeddable/config').then(function (r) { return r.json(); }).then(function (cfg) {
  var q = [];
  window.zE = function () { q.push([].slice.call(arguments)); };
  window.zE.widget = cfg.widget;
});`,
);

export default {
  name: 'jQuery 3 $(head).append(<script src>)',
  vendors: [{ id: 'zendesk', name: 'Zendesk', category: 'functional', hosts: ['static.zdassets.com', '*.zendesk.com'] }],
  net: {
    'static.zdassets.com': routes({ '/ekr/snippet.js': snippet }),
    'compat.zendesk.com': routes({ '/embeddable/config': json({ widget: 'messenger' }) }),
  },
  head: `<script src="/node_modules/jquery/dist/jquery.min.js"></script>`,
  body: `<script>
$('head').append('<script id="ze-snippet" src="https://static.zdassets.com/ekr/snippet.js?key=5f1d2b77-0c5a-4d0e-9f0b-3c7a1c7e2a11"><\\/script>');
</script>`,
  done: `typeof zE == 'function' && zE.widget == 'messenger'`,
  hits: [/^compat\.zendesk\.com\/embeddable\/config$/],
  once: ['zendesk-snippet'],
};
