// $script (scriptjs) loads Disqus's embed.js (a <script> with async and src, onload) and calls
// the bundle's ready callbacks; embed.js builds the comments iframe.
import { framePage, routes, script } from '../standins/kit.mjs';

const embed = script(
  'disqus-embed.js',
  `(function () {
  var page = {};
  if (window.disqus_config) disqus_config.call({ page: page });
  var f = document.createElement('iframe');
  f.src = 'https://disqus.com/embed/comments/?base=default&f=compat&t_i=' + encodeURIComponent(page.identifier || '') + '&t_u=' + encodeURIComponent(page.url || location.href);
  f.title = 'Disqus';
  f.width = '100%';
  document.getElementById('disqus_thread').appendChild(f);
})();`,
);

export default {
  name: '$script / scriptjs (Disqus)',
  vendors: [{ id: 'disqus', name: 'Disqus', category: 'functional', hosts: ['*.disqus.com', 'c.disquscdn.com'] }],
  net: {
    'compat.disqus.com': routes({ '/embed.js': embed }),
    'disqus.com': routes({ '/embed/comments/': framePage('disqus-thread') }),
  },
  body: `<div id="disqus_thread"></div>`,
  app: `import $script from 'scriptjs';

window.disqus_config = function () {
  this.page.url = location.href;
  this.page.identifier = 'compat-post-1';
};
$script('https://compat.disqus.com/embed.js', 'disqus');
$script.ready('disqus', function () { window.disqusLoaded = true; });`,
  done: `window.disqusLoaded && !!document.querySelector('#disqus_thread iframe')`,
  hits: [/^disqus\.com\/embed\/comments\/\?base=default&f=compat&t_i=compat-post-1&/],
  once: ['disqus-embed.js', 'disqus-thread'],
};
