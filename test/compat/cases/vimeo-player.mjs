// @vimeo/player (README usage): new Player(element, { id }) asks Vimeo's oEmbed API for the
// embed code (XMLHttpRequest), inserts it with innerHTML, and resolves ready() when the
// player frame says "ready" over postMessage.
import { framePage, json, pixel, routes } from '../standins/kit.mjs';

const oembed = (req) => {
  const id = (req.query.get('url') || '').match(/(\d+)/)[1];
  return json({
    type: 'video',
    provider_name: 'Vimeo',
    video_id: Number(id),
    width: 640,
    height: 360,
    html: `<iframe src="https://player.vimeo.com/video/${id}?h=ab12cd34ef&app_id=122963" width="640" height="360" frameborder="0" allow="autoplay; fullscreen; picture-in-picture; clipboard-write" title="Made in NY"></iframe>`,
  });
};

const player = framePage(
  'vimeo-player',
  '<img src="https://i.vimeocdn.com/video/compat-d_640" alt="" width="640" height="360">',
  `parent.postMessage(JSON.stringify({ event: 'ready', player_id: '' }), '*');
addEventListener('message', function (e) {
  var m = typeof e.data == 'string' ? JSON.parse(e.data) : e.data;
  if (m && m.method && m.method.indexOf('set') != 0) parent.postMessage(JSON.stringify({ method: m.method, value: m.method == 'getVideoId' ? 59777392 : null }), '*');
});`,
);

export default {
  name: '@vimeo/player (oEmbed XHR + innerHTML)',
  vendors: [{ id: 'vimeo', name: 'Vimeo', category: 'functional', hosts: ['*.vimeo.com', '*.vimeocdn.com'] }],
  net: {
    'vimeo.com': routes({ '/api/oembed.json': oembed }),
    'player.vimeo.com': routes({ '/video/': player }),
    'i.vimeocdn.com': routes({ '/video/': pixel }),
  },
  body: `<div id="made-in-ny"></div>`,
  app: `import Player from '@vimeo/player';

const options = { id: 59777392, width: 640, loop: true };
const madeInNy = new Player('made-in-ny', options);
madeInNy.ready().then(() => madeInNy.getVideoId()).then((id) => { window.vimeoVideo = id; });`,
  done: `window.vimeoVideo == 59777392`,
  hits: [/^vimeo\.com\/api\/oembed\.json\?url=/, /^player\.vimeo\.com\/video\/59777392\?h=ab12cd34ef/],
  once: ['vimeo-player'],
};
