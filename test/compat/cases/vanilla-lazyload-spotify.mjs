// vanilla-lazyload sets a lazy iframe's src with setAttribute when it nears the viewport and
// calls callback_loaded on its load event. The iframe is Spotify's embed, as vanilla-lazyload
// asks (class "lazy", the URL in data-src).
import { framePage, pixel, routes } from '../standins/kit.mjs';

export default {
  name: 'vanilla-lazyload (Spotify iframe)',
  vendors: [{ id: 'spotify', name: 'Spotify', category: 'functional', hosts: ['open.spotify.com', 'i.scdn.co'] }],
  net: {
    'open.spotify.com': routes({ '/embed/track/': framePage('spotify-embed', '<img src="https://i.scdn.co/image/ab67616d00001e02compat" alt="" width="80" height="80">') }),
    'i.scdn.co': routes({ '/image/': pixel }),
  },
  body: `<iframe class="lazy" style="border-radius:12px" data-src="https://open.spotify.com/embed/track/4cOdK2wGLETKBW3PvgPWqT?utm_source=generator" width="100%" height="152" frameBorder="0" allowfullscreen="" allow="autoplay; clipboard-write; encrypted-media; fullscreen; picture-in-picture"></iframe>`,
  app: `import LazyLoad from 'vanilla-lazyload';

window.lazyLoadInstance = new LazyLoad({
  callback_loaded: (el) => { el.dataset.compatLoaded = (Number(el.dataset.compatLoaded) || 0) + 1; },
});`,
  done: `document.querySelector('iframe.lazy').dataset.compatLoaded == '1'`,
  hits: [/^open\.spotify\.com\/embed\/track\/4cOdK2wGLETKBW3PvgPWqT\?utm_source=generator$/, /^i\.scdn\.co\/image\//],
  once: ['spotify-embed'],
};
