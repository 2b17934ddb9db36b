// lozad sets an image's src property from data-src when it nears the viewport (README usage).
// The image is a Gravatar avatar, a classic third-party request that identifies a visitor.
import { pixel, routes } from '../standins/kit.mjs';

export default {
  name: 'lozad (Gravatar image)',
  vendors: [{ id: 'gravatar', name: 'Gravatar', category: 'functional', hosts: ['*.gravatar.com'] }],
  net: { 'www.gravatar.com': routes({ '/avatar/': pixel }) },
  body: `<img class="lozad" data-src="https://www.gravatar.com/avatar/205e460b479e2e5b48aec07710c08d50?s=80&d=identicon" width="80" height="80" alt="avatar">`,
  app: `import lozad from 'lozad';

const observer = lozad('.lozad', {
  loaded: function (el) { el.dataset.compatLoaded = 'true'; },
});
observer.observe();`,
  done: `(function (i) { return i.dataset.compatLoaded == 'true' && i.complete && i.naturalWidth > 0; })(document.querySelector('img.lozad'))`,
  hits: [/^www\.gravatar\.com\/avatar\/205e460b479e2e5b48aec07710c08d50\?s=80&d=identicon$/],
};
