// youtube-player (README usage): loads the IFrame API through load-script, which loads
// www-widgetapi.js; YT.Player replaces the element with the embed iframe, and calls queued
// before "ready" (playVideo) run once the embed answers.
import { youtubeHosts, youtubeVendor } from '../standins/youtube.mjs';

export default {
  name: 'youtube-player (IFrame API)',
  vendors: [youtubeVendor],
  net: youtubeHosts,
  body: `<div id="video-player"></div>`,
  app: `import YouTubePlayer from 'youtube-player';

const player = YouTubePlayer('video-player', { videoId: 'M7lc1UVf-VE' });
player.on('ready', () => { window.ytReady = true; });
player.on('stateChange', (event) => { window.ytState = event.data; });
player.playVideo();`,
  done: `window.ytReady && window.ytState == 1`,
  hits: [/^www\.youtube\.com\/embed\/M7lc1UVf-VE\?enablejsapi=1&/],
  once: ['youtube-iframe_api', 'youtube-widgetapi', 'youtube-embed'],
};
