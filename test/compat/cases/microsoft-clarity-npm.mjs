// @microsoft/clarity (README usage) is bundled into the site: init() inserts the tag script
// (www.clarity.ms/tag/<id>?ref=npm) before the first script; the tag loads clarity.js, which
// uploads with XMLHttpRequest. Stand-ins as in the Clarity snippet case.
import { byId, toConfigVendor } from '../../../catalogue/index.mjs';
import snippet from './clarity.mjs';

export default {
  name: '@microsoft/clarity',
  vendors: [toConfigVendor(byId('microsoft-clarity'))],
  net: snippet.net,
  app: `import Clarity from '@microsoft/clarity';

Clarity.init('compat0001');
Clarity.setTag('plan', 'pro');`,
  hits: snippet.hits,
  once: snippet.once,
};
