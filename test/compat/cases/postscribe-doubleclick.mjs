// postscribe runs a document.write ad tag after load: it builds the tag's <script> itself
// (setAttribute, then the src property), waits for its onload, and feeds what the ad writes
// (a creative image and an impression pixel) through its own parser into the page.
import { pixel, routes, script } from '../standins/kit.mjs';

const adj = script(
  'dcm-adj',
  `document.write('<a href="https://ad.doubleclick.net/ddm/jump/N1234.compat/B5678.9;sz=300x250;ord=123?" target="_blank"><img src="https://s0.2mdn.net/compat/creative.gif" width="300" height="250" alt="Advertisement" border="0"></a>');
document.write('<img src="https://ad.doubleclick.net/ddm/ad/N1234.compat/B5678.9;sz=1x1;ord=123?" width="1" height="1" alt="" style="display:none">');`,
);

export default {
  name: 'postscribe (document.write ad tag)',
  vendors: [{ id: 'google-ads', name: 'Google Ads (Campaign Manager)', category: 'advertising', hosts: ['*.doubleclick.net', '*.2mdn.net'] }],
  net: {
    'ad.doubleclick.net': routes({ '/ddm/adj/': adj, '/ddm/ad/': pixel }),
    's0.2mdn.net': routes({ '/compat/': pixel }),
  },
  body: `<div id="ad" style="width:300px;height:250px"></div>`,
  app: `import postscribe from 'postscribe';

postscribe('#ad', '<script src="https://ad.doubleclick.net/ddm/adj/N1234.compat/B5678.9;sz=300x250;ord=123?"><\\/script>', {
  done: function () { window.adDone = true; },
  error: function (e) { window.adError = e && e.msg; },
});`,
  done: `window.adDone && (function (i) { return !!i && i.complete && i.naturalWidth > 0; })(document.querySelector('#ad img[alt=Advertisement]'))`,
  hits: [/^s0\.2mdn\.net\/compat\/creative\.gif$/, /^ad\.doubleclick\.net\/ddm\/ad\/N1234\.compat\//],
  once: ['dcm-adj'],
};
