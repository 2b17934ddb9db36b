// lazysizes loads an iframe by navigating its window (contentWindow.location.replace, the
// default iframeLoadMode), touching neither src nor setAttribute. Markup from its README.
import { youtubeHosts, youtubeVendor } from '../standins/youtube.mjs';

export default {
  name: 'lazysizes iframe',
  vendors: [youtubeVendor],
  net: youtubeHosts,
  head: `<script src="/node_modules/lazysizes/lazysizes.min.js" async=""></script>`,
  body: `<iframe frameborder="0" class="lazyload" allowfullscreen="" data-src="//www.youtube.com/embed/ZfV-aYdU4uE"></iframe>`,
  done: `!!document.querySelector('iframe.lazyloaded')`,
  hits: [/^www\.youtube\.com\/embed\/ZfV-aYdU4uE$/, /^i\.ytimg\.com\/vi\/ZfV-aYdU4uE\//],
  once: ['youtube-embed'],
};
