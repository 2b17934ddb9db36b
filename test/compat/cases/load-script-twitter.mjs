// load-script: one <script> (src property, async), onload/onerror to a Node-style callback.
// The vendor is X/Twitter's widgets.js rendering a tweet embed (blockquote as X publishes it).
import { framePage, noContent, routes, script } from '../standins/kit.mjs';

const widgets = script(
  'twitter-widgets.js',
  `window.twttr = window.twttr || {};
twttr.widgets = {
  load: function () {
    document.querySelectorAll('blockquote.twitter-tweet').forEach(function (q) {
      var id = (q.querySelector('a[href*="/status/"]').href.match(/status\\/(\\d+)/) || [])[1];
      var f = document.createElement('iframe');
      f.setAttribute('src', 'https://platform.twitter.com/embed/Tweet.html?id=' + id + '&dnt=false');
      f.title = 'X Post';
      f.className = 'twitter-tweet-rendered';
      q.parentNode.replaceChild(f, q);
    });
    navigator.sendBeacon('https://syndication.twitter.com/i/jot', 'l=' + encodeURIComponent(JSON.stringify({ widget_origin: location.origin })));
  },
};
twttr.widgets.load();`,
);

export default {
  name: 'load-script (X/Twitter widgets.js)',
  vendors: [{ id: 'twitter', name: 'X (Twitter)', category: 'functional', hosts: ['platform.twitter.com', 'syndication.twitter.com'] }],
  net: {
    'platform.twitter.com': routes({ '/widgets.js': widgets, '/embed/Tweet.html': framePage('twitter-tweet') }),
    'syndication.twitter.com': routes({ '/i/jot': noContent }),
  },
  body: `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">just setting up my twttr</p>&mdash; jack (@jack) <a href="https://twitter.com/jack/status/20?ref_src=twsrc%5Etfw">March 21, 2006</a></blockquote>`,
  app: `import load from 'load-script';

load('https://platform.twitter.com/widgets.js', function (err, script) {
  if (err) window.twitterError = err.message;
  else window.twitterLoaded = script.src;
});`,
  done: `window.twitterLoaded == 'https://platform.twitter.com/widgets.js' && !!document.querySelector('iframe.twitter-tweet-rendered')`,
  hits: [/^platform\.twitter\.com\/embed\/Tweet\.html\?id=20&/, /^syndication\.twitter\.com\/i\/jot$/],
  once: ['twitter-widgets.js', 'twitter-tweet'],
};
