// Microsoft Advertising's UET tag as Microsoft publishes it: the UET object is created in the
// script's onload/onreadystatechange handler, so that handler must fire on the very element.
import { pixel, routes, script } from '../standins/kit.mjs';

const bat = script(
  'bat.js',
  `function UET(o) {
  var self = this;
  this.ti = o.ti;
  this.push = function (evt) {
    new Image().src = 'https://bat.bing.com/action/0?ti=' + self.ti + '&Ver=2&evt=' + (evt == 'pageLoad' ? 'pageLoad' : 'custom') + '&rn=' + Math.floor(Math.random() * 1e6);
  };
  (o.q || []).forEach(function (e) { self.push(e); });
}
window.UET = UET;`,
);

export default {
  name: 'Microsoft UET snippet (onload)',
  vendors: [{ id: 'microsoft-ads', name: 'Microsoft Advertising', category: 'advertising', hosts: ['bat.bing.com'] }],
  net: { 'bat.bing.com': routes({ '/bat.js': bat, '/action/0': pixel }) },
  head: `<script>(function(w,d,t,r,u){var f,n,i;w[u]=w[u]||[],f=function(){var o={ti:"187000000", enableAutoSpaTracking: true};o.q=w[u],w[u]=new UET(o),w[u].push("pageLoad")},n=d.createElement(t),n.src=r,n.async=1,n.onload=n.onreadystatechange=function(){var s=this.readyState;s&&s!=="loaded"&&s!=="complete"||(f(),n.onload=n.onreadystatechange=null)},i=d.getElementsByTagName(t)[0],i.parentNode.insertBefore(n,i)})(window,document,"script","//bat.bing.com/bat.js","uetq");</script>`,
  done: `window.UET && window.uetq instanceof UET`,
  hits: [/^bat\.bing\.com\/action\/0\?ti=187000000&Ver=2&evt=pageLoad&/],
  once: ['bat.js'],
};
