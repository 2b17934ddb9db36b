// YouTube's "Embed video" code as YouTube's Share dialog gives it, pasted plainly in the HTML
// (configuration inline, so it is known before the parser reaches the iframe).
import { youtubeHosts, youtubeVendor } from '../standins/youtube.mjs';

export default {
  name: 'YouTube embed iframe (plain, inline config)',
  embed: 'inline',
  vendors: [youtubeVendor],
  net: youtubeHosts,
  body: `<iframe width="560" height="315" src="https://www.youtube.com/embed/M7lc1UVf-VE?si=Cz1QvGmS8aQ3T5bE" title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>`,
  hits: [/^www\.youtube\.com\/embed\/M7lc1UVf-VE\?si=Cz1QvGmS8aQ3T5bE$/, /^i\.ytimg\.com\/vi\/M7lc1UVf-VE\//],
  once: ['youtube-embed'],
  // An iframe written plainly in the HTML starts its navigation when the parser inserts it,
  // before any script can see it: docs/gate.md, Limits. The fix is writing it inert (data-src).
  limit: { columns: ['before', 'reject'], why: 'a plain <iframe src> in the HTML navigates during parsing (docs/gate.md, Limits)' },
};
