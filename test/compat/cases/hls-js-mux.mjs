// hls.js (README usage): new Hls(), loadSource() of a Mux stream, attachMedia() of a <video>.
// Every request is an XMLHttpRequest (the multivariant playlist from stream.mux.com, the
// rendition playlist and the segments from Mux's CDN, responseType arraybuffer), each under the
// library's own time limits (20 s per playlist load, two retries); the <video> gets a blob: URL
// of its MediaSource, and the audio is transmuxed and appended to it.
import { routes } from '../standins/kit.mjs';

const HOSTS = { stream: 'stream.mux.com', cdn: 'chunk-gcp-us-east1-vop1.cfcdn.mux.com' };

// Two seconds of silent AAC-LC, mono, 44.1 kHz, as ADTS frames (a "packed audio" segment): the
// silent frame is hls.js's own (src/remux/aac-helper.ts).
function silence(seconds = 2) {
  const raw = Buffer.from([0x00, 0xc8, 0x00, 0x80, 0x23, 0x80]);
  const len = 7 + raw.length;
  const header = Buffer.from([0xff, 0xf1, 0x50, 0x40 | ((len >> 11) & 3), (len >> 3) & 0xff, ((len & 7) << 5) | 0x1f, 0xfc]);
  const frames = Math.ceil((seconds * 44100) / 1024);
  return Buffer.concat(Array.from({ length: frames }, () => Buffer.concat([header, raw])));
}

const m3u8 = (body) => ({ type: 'application/vnd.apple.mpegurl', body });

export default {
  name: 'hls.js + Mux stream (XHR playlists and segments, MediaSource)',
  vendors: [{ id: 'mux', name: 'Mux Video', category: 'functional', hosts: ['*.mux.com'] }],
  net: {
    [HOSTS.stream]: routes({
      '/c0mpatPlayback.m3u8': m3u8(`#EXTM3U
#EXT-X-VERSION:3
#EXT-X-INDEPENDENT-SEGMENTS
#EXT-X-STREAM-INF:BANDWIDTH=64000,AVERAGE-BANDWIDTH=64000,CODECS="mp4a.40.2"
https://${HOSTS.cdn}/v1/chunk/c0mpat/audio/rendition.m3u8
`),
    }),
    [HOSTS.cdn]: routes({
      '/v1/chunk/c0mpat/audio/rendition.m3u8': m3u8(`#EXTM3U
#EXT-X-VERSION:3
#EXT-X-TARGETDURATION:2
#EXT-X-MEDIA-SEQUENCE:0
#EXT-X-PLAYLIST-TYPE:VOD
#EXTINF:2.0,
https://${HOSTS.cdn}/v1/chunk/c0mpat/audio/0.aac
#EXT-X-ENDLIST
`),
      '/v1/chunk/c0mpat/audio/0.aac': { type: 'audio/aac', body: silence() },
    }),
  },
  body: `<video id="video" controls muted width="480" height="270"></video>`,
  app: `import Hls from 'hls.js';

var video = document.getElementById('video');
var videoSrc = 'https://stream.mux.com/c0mpatPlayback.m3u8';
window.hlsEvents = [];
if (Hls.isSupported()) {
  var hls = new Hls();
  [Hls.Events.MANIFEST_PARSED, Hls.Events.LEVEL_LOADED, Hls.Events.FRAG_LOADED, Hls.Events.FRAG_BUFFERED].forEach(function (e) {
    hls.on(e, function () { window.hlsEvents.push(e); });
  });
  hls.on(Hls.Events.ERROR, function (e, data) { window.hlsEvents.push('error:' + data.details + (data.fatal ? ' (fatal)' : '')); });
  hls.loadSource(videoSrc);
  hls.attachMedia(video);
} else if (video.canPlayType('application/vnd.apple.mpegurl')) {
  window.hlsEvents.push('native');
  video.addEventListener('loadedmetadata', function () { window.hlsEvents.push('hlsFragBuffered'); });
  video.src = videoSrc;
}`,
  // The segment was loaded and appended to the video's buffer, and nothing failed.
  done: `window.hlsEvents.indexOf('hlsFragBuffered') >= 0 && !window.hlsEvents.some(function (e) { return /^error:/.test(e); }) && video.buffered.length > 0`,
  hits: [/^stream\.mux\.com\/c0mpatPlayback\.m3u8$/, /^chunk-gcp-us-east1-vop1\.cfcdn\.mux\.com\/v1\/chunk\/c0mpat\/audio\/rendition\.m3u8$/, /^chunk-gcp-us-east1-vop1\.cfcdn\.mux\.com\/v1\/chunk\/c0mpat\/audio\/0\.aac$/],
};
