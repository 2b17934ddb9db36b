// An Instagram post embed as Instagram's "Embed" button gives it: the blockquote, then
// <script async src="//www.instagram.com/embed.js"> (a protocol-relative URL), pasted plainly.
// embed.js replaces each blockquote.instagram-media with the post's embed iframe and sizes it
// from the height the iframe posts back.
import { framePage, routes, script } from '../standins/kit.mjs';

const embed = script(
  'instagram-embed.js',
  `(function () {
  if (window.instgrm) return window.instgrm.Embeds.process();
  var frames = [];
  function process() {
    document.querySelectorAll('blockquote.instagram-media').forEach(function (q) {
      var link = q.getAttribute('data-instgrm-permalink').split('?')[0];
      var f = document.createElement('iframe');
      f.className = 'instagram-media instagram-media-rendered';
      f.id = 'instagram-embed-' + frames.length;
      f.setAttribute('allowtransparency', 'true');
      f.setAttribute('frameborder', '0');
      f.setAttribute('height', '0');
      f.setAttribute('data-instgrm-payload-id', f.id);
      f.setAttribute('scrolling', 'no');
      f.src = link + 'embed/' + (q.hasAttribute('data-instgrm-captioned') ? 'captioned/' : '') + '?cr=1&v=' + q.getAttribute('data-instgrm-version') + '&wp=540&rd=' + encodeURIComponent(location.origin) + '#' + encodeURIComponent(JSON.stringify({ ci: frames.length, os: 100 }));
      frames.push(f);
      q.parentNode.replaceChild(f, q);
    });
  }
  window.addEventListener('message', function (e) {
    if (!/^https:\\/\\/www\\.instagram\\.com$/.test(e.origin)) return;
    var m; try { m = JSON.parse(e.data); } catch (x) { return; }
    if (m.type == 'MEASURE') frames.forEach(function (f) { if (f.contentWindow == e.source) f.style.height = m.details.height + 'px'; });
  });
  window.instgrm = { Embeds: { process: process } };
  process();
})();`,
);

const post = framePage('instagram-post', '<article>compat post</article>', `parent.postMessage(JSON.stringify({ type: 'MEASURE', details: { height: 612 } }), '*');`);

export default {
  name: 'Instagram post embed (embed.js)',
  vendors: [{ id: 'instagram', name: 'Instagram', category: 'functional', hosts: ['www.instagram.com', '*.cdninstagram.com'] }],
  net: { 'www.instagram.com': routes({ '/embed.js': embed, '/p/C0MPAT12345/embed/captioned/': post }) },
  body: `<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-permalink="https://www.instagram.com/p/C0MPAT12345/?utm_source=ig_embed&amp;utm_campaign=loading" data-instgrm-version="14" style=" background:#FFF; border:0; border-radius:3px; box-shadow:0 0 1px 0 rgba(0,0,0,0.5),0 1px 10px 0 rgba(0,0,0,0.15); margin: 1px; max-width:540px; min-width:326px; padding:0; width:99.375%; width:-webkit-calc(100% - 2px); width:calc(100% - 2px);"><div style="padding:16px;"> <a href="https://www.instagram.com/p/C0MPAT12345/?utm_source=ig_embed&amp;utm_campaign=loading" style=" background:#FFFFFF; line-height:0; padding:0 0; text-align:center; text-decoration:none; width:100%;" target="_blank">View this post on Instagram</a></div></blockquote>
<script async src="//www.instagram.com/embed.js"></script>`,
  done: `(function (f) { return !!f && f.style.height == '612px'; })(document.querySelector('iframe.instagram-media-rendered'))`,
  hits: [/^www\.instagram\.com\/p\/C0MPAT12345\/embed\/captioned\/\?cr=1&v=14&/],
  once: ['instagram-embed.js', 'instagram-post'],
  speculative: [/^www\.instagram\.com\/embed\.js$/],
};
