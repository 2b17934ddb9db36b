// leaflet (README usage, bundled into the site): a map with OpenStreetMap's tile layer. Each tile
// is an <img> that Leaflet creates, gives load and error listeners and a `src` property while it
// is still detached, then appends to the tile pane; the layer fires `load` once every visible
// tile has loaded or failed.
import { byId, toConfigVendor } from '../../../catalogue/index.mjs';
import { pixel, routes } from '../standins/kit.mjs';

export default {
  name: 'leaflet + OpenStreetMap tiles (img src)',
  vendors: [toConfigVendor(byId('openstreetmap'))],
  net: { 'tile.openstreetmap.org': routes({ '/': pixel }) },
  head: `<link rel="stylesheet" href="/node_modules/leaflet/dist/leaflet.css">`,
  body: `<div id="map" style="width:400px;height:300px"></div>`,
  app: `import L from 'leaflet';

const map = L.map('map').setView([51.505, -0.09], 13);
const tiles = L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
  maxZoom: 19,
  attribution: '&copy; <a href="http://www.openstreetmap.org/copyright">OpenStreetMap</a>',
}).addTo(map);
window.tileLoads = 0;
tiles.on('tileload', function () { window.tileLoads++; });`,
  // Every tile of the view shown: loaded, not a broken image.
  done: `window.tileLoads > 0 && [].every.call(document.querySelectorAll('#map img.leaflet-tile'), function (i) { return i.complete && i.naturalWidth > 0 && i.classList.contains('leaflet-tile-loaded'); })`,
  hits: [/^tile\.openstreetmap\.org\/13\/\d+\/\d+\.png$/],
};
