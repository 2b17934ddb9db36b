// @googlemaps/js-api-loader (v2: setOptions + importLibrary, as its README shows) injects the
// Maps JavaScript API with a callback parameter and resolves when the API calls it back.
import { noContent, pixel, routes, script } from '../standins/kit.mjs';

// The real API is generated per request: it calls back the function its URL names.
const mapsJs = (req) =>
  script(
    'maps-api.js',
    `(function () {
  function Map(el, opts) {
    this.el = el;
    var tile = document.createElement('img');
    tile.alt = '';
    tile.src = 'https://maps.googleapis.com/maps/vt?pb=!1m4!1m3!1i' + opts.zoom + '!2i4400!3i2686&key=' + ${JSON.stringify(req.query.get('key'))};
    el.appendChild(tile);
    fetch('https://maps.googleapis.com/maps/api/mapsjs/gen_204?csp_test=true', { mode: 'no-cors' });
  }
  google.maps.Map = Map;
  google.maps.importLibrary = function (name) { return Promise.resolve(name == 'maps' ? { Map: Map } : {}); };
  ${JSON.stringify(req.query.get('callback') || '')}.split('.').reduce(function (o, k) { return o[k]; }, window)();
})();`,
  );

export default {
  name: '@googlemaps/js-api-loader',
  vendors: [{ id: 'google-maps', name: 'Google Maps', category: 'functional', hosts: ['maps.googleapis.com', 'maps.gstatic.com'] }],
  net: { 'maps.googleapis.com': routes({ '/maps/api/js': mapsJs, '/maps/vt': pixel, '/maps/api/mapsjs/gen_204': noContent }) },
  body: `<div id="map" style="width:400px;height:300px"></div>`,
  app: `import { setOptions, importLibrary } from '@googlemaps/js-api-loader';

setOptions({ key: 'AIzaSyCompat0000000000000000000000000000' });
importLibrary('maps').then(({ Map }) => {
  window.map = new Map(document.getElementById('map'), { center: { lat: 52.52, lng: 13.405 }, zoom: 12 });
});`,
  done: `window.map instanceof google.maps.Map && document.querySelector('#map img').complete`,
  hits: [/^maps\.googleapis\.com\/maps\/vt\?pb=/],
  once: ['maps-api.js'],
};
