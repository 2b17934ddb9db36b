// YouTube, answered locally: the embed page (it loads its thumbnail from i.ytimg.com and speaks
// the IFrame API's postMessage protocol), iframe_api (loads www-widgetapi.js, as the real one
// does) and www-widgetapi.js (YT.Player: replaces the element with an embed iframe, says
// "listening" to it until it answers, and calls onReady when it does; then onYouTubeIframeAPIReady).
import { framePage, pixel, routes, script } from './kit.mjs';

const embed = (req) => {
  const id = req.path.split('/')[2];
  return framePage(
    'youtube-embed',
    `<img src="https://i.ytimg.com/vi/${id}/hqdefault.jpg" alt="" width="480" height="360">`,
    `addEventListener('message', function (e) {
  var m; try { m = JSON.parse(e.data); } catch (x) { return; }
  var reply = function (o) { o.id = m.id; o.channel = 'widget'; parent.postMessage(JSON.stringify(o), '*'); };
  if (m.event == 'listening' && !window.ready && (window.ready = 1)) reply({ event: 'onReady', info: { playerState: -1, videoData: { video_id: ${JSON.stringify(id)} } } });
  if (m.event == 'command' && m.func == 'playVideo') reply({ event: 'onStateChange', info: 1 });
});`,
  );
};

const iframeApi = () =>
  script(
    'youtube-iframe_api',
    `var scriptUrl = 'https://www.youtube.com/s/player/compat/www-widgetapi.vflset/www-widgetapi.js';
if (!window.YT) var YT = { loading: 0, loaded: 0 };
if (!window.YTConfig) var YTConfig = { host: 'https://www.youtube.com' };
if (!YT.loading) {
  YT.loading = 1;
  (function () {
    var l = [];
    YT.ready = function (f) { if (YT.loaded) f(); else l.push(f); };
    window.onYTReady = function () { YT.loaded = 1; for (var i = 0; i < l.length; i++) try { l[i](); } catch (e) {} };
    var a = document.createElement('script');
    a.type = 'text/javascript';
    a.id = 'www-widgetapi-script';
    a.src = scriptUrl;
    a.async = true;
    var b = document.getElementsByTagName('script')[0];
    b.parentNode.insertBefore(a, b);
  })();
}`,
  );

const widgetApi = () =>
  script(
    'youtube-widgetapi',
    `(function () {
  var next = 1;
  function Player(el, opts) {
    if (typeof el == 'string') el = document.getElementById(el);
    var self = this, id = next++, events = opts.events || {};
    var frame = document.createElement('iframe');
    frame.id = el.id;
    frame.width = opts.width || 640;
    frame.height = opts.height || 360;
    frame.setAttribute('allow', 'autoplay; encrypted-media');
    frame.setAttribute('src', 'https://www.youtube.com/embed/' + opts.videoId + '?enablejsapi=1&origin=' + encodeURIComponent(location.origin) + '&widgetid=' + id);
    el.parentNode.replaceChild(frame, el);
    this.getIframe = function () { return frame; };
    function post(o) { o.id = id; o.channel = 'widget'; frame.contentWindow.postMessage(JSON.stringify(o), 'https://www.youtube.com'); }
    // As the real one does, it says "listening" on load and every 250 ms until the embed answers.
    // Only to the embed: while the frame still shows a document of this page (held, or not yet
    // navigated) a post names an origin that is not the recipient's, which Firefox reports as a page
    // error once in a while. The stand-in must add no error of its own; the next tick says it again.
    function listen() {
      try { if (frame.contentWindow.document) return; } catch (x) {}
      post({ event: 'listening' });
    }
    var listening = setInterval(listen, 250);
    frame.addEventListener('load', listen);
    addEventListener('message', function (e) {
      if (e.source != frame.contentWindow) return;
      clearInterval(listening);
      var m; try { m = JSON.parse(e.data); } catch (x) { return; }
      if (m.event == 'onReady' && events.onReady) events.onReady({ target: self, data: null });
      if (m.event == 'onStateChange' && events.onStateChange) events.onStateChange({ target: self, data: m.info });
    });
    ['playVideo', 'pauseVideo', 'stopVideo'].forEach(function (f) {
      self[f] = function () { post({ event: 'command', func: f, args: [] }); };
    });
  }
  YT.Player = Player;
  YT.PlayerState = { UNSTARTED: -1, ENDED: 0, PLAYING: 1, PAUSED: 2, BUFFERING: 3, CUED: 5 };
  if (window.onYTReady) onYTReady();
  if (window.onYouTubeIframeAPIReady) onYouTubeIframeAPIReady();
})();`,
  );

export const youtubeHosts = {
  'www.youtube.com': routes({ '/embed/': embed, '/iframe_api': iframeApi, '/s/player/': widgetApi }),
  'i.ytimg.com': routes({ '/vi/': pixel }),
};

export const youtubeVendor = {
  id: 'youtube',
  name: 'YouTube',
  category: 'functional',
  hosts: ['www.youtube.com', 'i.ytimg.com'],
};
