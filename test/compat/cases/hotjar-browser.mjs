// @hotjar/browser (README usage) is bundled into the site: init() appends Hotjar's tracking code
// as an inline script (innerText on a created <script>), which inserts hotjar-<id>.js; that loads
// the modules script, which reports with XMLHttpRequest. Stand-ins as in the Hotjar snippet case.
import { byId, toConfigVendor } from '../../../catalogue/index.mjs';
import snippet from './hotjar.mjs';

export default {
  name: '@hotjar/browser',
  vendors: [toConfigVendor(byId('hotjar'))],
  net: snippet.net,
  app: `import Hotjar from '@hotjar/browser';

Hotjar.init(3712345, 6);
Hotjar.event('newsletter_signup');`,
  hits: snippet.hits,
  once: snippet.once,
};
