// The demo: three company sites with Consentry embedded, a config playground, and the real
// consent ledger (ledger/) on an embedded SQLite file. `npm start` runs this file; the e2e tests
// and demo/screenshots.mjs import startDemo() and run it in-process on free ports.
import { randomBytes, createHash, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createLedger } from 'consentry-ledger';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dist = join(root, 'dist');

/** The company sites: which configuration each embeds and which seed notice it is drawn from. */
export const SITES = {
  flockbird: { title: 'Flockbird — messaging APIs', config: 'flockbird', legal: 'Flockbird B.V.' },
  wirewell: { title: 'Wirewell — communications platform', config: 'wirewell', legal: 'Wirewell Inc.' },
  nimbus: { title: 'Nimbus Relay — customer engagement', config: 'nimbus', legal: 'Nimbus Relay Inc.' },
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
};
// The smallest transparent GIF: what an ad "pixel" answers.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const REGION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
/** Where the demo pretends the visitor is when neither `?region=` nor the geo header says. */
const DEFAULT_REGION = 'DE';
const ADMIN_COOKIE = 'consentry_demo_admin';

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const sha256 = (s) => createHash('sha256').update(s).digest();

/** A file below `base`, or null when the request path tries to leave it. */
function inside(base, rel) {
  const file = normalize(join(base, rel));
  return file.startsWith(base + sep) && existsSync(file) && statSync(file).isFile() ? file : null;
}

/** `{{name}}` placeholders; values are inserted as given, so callers escape. */
const fill = (template, values) => template.replace(/\{\{(\w+)\}\}/g, (_, k) => values[k] ?? '');

/**
 * The region the server tells the loader (`data-region`), as a site would from its CDN's geo
 * header: `?region=US-CA` for trying things out, else the simulated `X-Geo-Region` header.
 */
export function regionOf(req, url) {
  for (const v of [url.searchParams.get('region'), req.headers['x-geo-region']]) {
    const r = String(v ?? '').toUpperCase();
    if (REGION.test(r)) return r;
  }
  return DEFAULT_REGION;
}

/**
 * Starts the demo site and its ledger.
 * @param {object} [opts]
 * @param {number} [opts.port] demo site port; 0 picks a free one (default 8080)
 * @param {number} [opts.ledgerPort] ledger port; 0 picks a free one (default 8787)
 * @param {string} [opts.host] default 127.0.0.1
 * @param {string} [opts.db] SQLite file of the ledger (default .tmp/demo-ledger.db)
 * @param {string} [opts.adminToken] default: a random one
 * @param {number} [opts.rate] ledger rate limit, records a minute per address
 */
export async function startDemo(opts = {}) {
  const { port = 8080, ledgerPort = 8787, host = '127.0.0.1', rate = 300 } = opts;
  const db = opts.db ?? join(root, '.tmp', 'demo-ledger.db');
  const adminToken = opts.adminToken || randomBytes(18).toString('base64url');
  mkdirSync(dirname(db), { recursive: true });
  /** Requests for stub vendor files: what the tests read to prove a gated tag made no request. */
  const hits = [];
  let ledger = null;

  const server = http.createServer((req, res) => {
    let url;
    try {
      url = new URL(req.url ?? '/', 'http://demo');
    } catch {
      res.writeHead(400).end();
      return;
    }
    handle(req, res, url).catch((err) => {
      console.error(`demo: ${req.method} ${url.pathname} failed:`, err);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('demo server error');
    });
  });
  await listen(server, port, host);
  const url = `http://${host}:${server.address().port}`;

  try {
    ledger = await createLedger({
      port: ledgerPort,
      host,
      db,
      rate,
      adminToken,
      // The pages post from the demo's origin; localhost is the same machine by another name.
      origins: [url, url.replace(host, 'localhost')],
      logger: { info() {}, error: (msg, err) => console.error(`ledger: ${msg}`, err ?? '') },
    });
  } catch (err) {
    server.close();
    if (err.code === 'EADDRINUSE') err.message = `port ${ledgerPort} for the ledger is taken; set LEDGER_PORT to another one`;
    throw err;
  }
  const beacon = `${ledger.url}/api/consent`;

  async function handle(req, res, url) {
    const path = url.pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'use GET', req);
    if (path.startsWith('/admin')) return admin(req, res, url);
    if (path === '/') return page(req, res, 'home', { title: 'Consentry demo' });
    const site = /^\/(\w+)\/?$/.exec(path);
    if (site && SITES[site[1]]) {
      if (!path.endsWith('/')) return redirect(res, `${path}/${url.search}`);
      return sitePage(req, res, url, site[1]);
    }
    if (path === '/playground' || path === '/playground/') return page(req, res, 'playground', { title: 'Config playground — Consentry demo' });
    if (path.startsWith('/assets/')) return file(req, res, inside(join(here, 'assets'), path.slice(8)));
    if (path.startsWith('/configs/')) return file(req, res, inside(join(here, 'configs'), path.slice(9)));
    if (path.startsWith('/vendors/')) return vendor(req, res, url);
    if (path === '/consentry.schema.json') return file(req, res, join(root, 'consentry.schema.json'));
    // The vendor catalogue and its lookups, for the playground's "Add vendor".
    if (path === '/catalogue/vendors.json' || path === '/catalogue/lookup.mjs') return file(req, res, join(root, path));
    // Everything the build puts beside the loader: the widget and validate chunks, language files, maps.
    return file(req, res, inside(dist, path.slice(1)));
  }

  function sitePage(req, res, url, name) {
    const region = regionOf(req, url);
    // The company pages run under a strict CSP, as a careful site would: only scripts carrying
    // this response's nonce run, and Consentry passes it on to every script it adds or releases.
    const nonce = randomBytes(16).toString('base64');
    const loader =
      `<script src="/consentry.js" data-config="/configs/${SITES[name].config}.json"` +
      ` data-region="${esc(region)}" data-beacon="${esc(beacon)}" nonce="${nonce}"></script>`;
    const csp = [
      `script-src 'nonce-${nonce}'`,
      `style-src 'self' 'nonce-${nonce}'`,
      "img-src 'self' data:",
      "frame-src 'self'",
      `connect-src 'self' ${ledger.url}`,
      "object-src 'none'",
      "base-uri 'none'",
    ].join('; ');
    const regions = ['DE', 'US', 'US-CA']
      .map((r) => `<a href="?region=${r}"${r === region ? ' aria-current="true"' : ''}>${r === 'DE' ? 'EU (DE)' : r}</a>`)
      .join('');
    const footer = fill(readFileSync(join(here, 'pages', 'site-footer.html'), 'utf8'), { legal: SITES[name].legal, site: name });
    const values = { title: SITES[name].title, loader, nonce, region: esc(region), regions, footer, site: name, ledger: esc(ledger.url) };
    page(req, res, name, values, { 'Content-Security-Policy': csp });
  }

  function page(req, res, name, values, headers = {}) {
    const layout = readFileSync(join(here, 'pages', 'layout.html'), 'utf8');
    const content = readFileSync(join(here, 'pages', `${name}.html`), 'utf8');
    const html = fill(layout, { site: 'none', ...values, content: fill(content, values) });
    send(res, 200, TYPES['.html'], html, req, { 'Cache-Control': 'no-store', ...headers });
  }

  /** Stub vendors: `/vendors/<id>.js` is one local script that records it ran, so nothing leaves the machine. */
  function vendor(req, res, url) {
    const name = url.pathname.slice('/vendors/'.length);
    hits.push({ path: url.pathname + url.search, at: Date.now() });
    if (hits.length > 2000) hits.splice(0, 1000); // a long-running demo keeps only the recent ones
    if (name === 'pixel.gif') return send(res, 200, 'image/gif', PIXEL, req, { 'Cache-Control': 'no-store' });
    if (/^[a-z0-9-]+\.js$/.test(name)) return file(req, res, join(here, 'vendors', 'stub.js'), { 'Cache-Control': 'no-store' });
    return file(req, res, inside(join(here, 'vendors'), name), { 'Cache-Control': 'no-store' });
  }

  /**
   * The ledger's own dashboard and export, reached from the demo's nav. The ledger wants
   * `Authorization: Bearer <token>`, which a link cannot carry: the printed link hands the token
   * over once (`?token=`), the demo keeps it in an HttpOnly cookie and adds the header.
   */
  function admin(req, res, url) {
    const given = url.searchParams.get('token') ?? readCookie(req.headers.cookie, ADMIN_COOKIE);
    const ok = given !== null && timingSafeEqual(sha256(given), sha256(adminToken));
    if (url.searchParams.has('token')) {
      if (!ok) return page(req, res, 'admin-login', { title: 'Ledger dashboard — Consentry demo', error: '<p class="error" role="alert">That is not the admin token.</p>' });
      url.searchParams.delete('token');
      return redirect(res, url.pathname + url.search, {
        'Set-Cookie': `${ADMIN_COOKIE}=${encodeURIComponent(given)}; Path=/admin; HttpOnly; SameSite=Strict`,
      });
    }
    if (!ok) return page(req, res, 'admin-login', { title: 'Ledger dashboard — Consentry demo' });
    const upstream = http.request(
      new URL(url.pathname + url.search, ledger.url),
      { method: req.method, headers: { Authorization: `Bearer ${adminToken}` } },
      (up) => {
        if (!String(up.headers['content-type']).startsWith('text/html')) {
          res.writeHead(up.statusCode ?? 502, up.headers);
          return up.pipe(res);
        }
        // The dashboard is the ledger's own page; the demo only adds a way back to itself.
        const chunks = [];
        up.on('data', (c) => chunks.push(c));
        up.on('end', () => {
          const html = Buffer.concat(chunks).toString('utf8').replace('<body>', '<body><p><a href="/">← Back to the Consentry demo</a></p>');
          const headers = { ...up.headers };
          delete headers['content-length'];
          send(res, up.statusCode ?? 502, headers['content-type'], html, req, headers);
        });
      },
    );
    upstream.on('error', () => send(res, 502, 'text/plain', 'the ledger did not answer', req));
    upstream.end();
  }

  async function close() {
    await new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await ledger.close();
  }

  return {
    url,
    ledgerUrl: ledger.url,
    adminToken,
    dashboardUrl: `${url}/admin?token=${encodeURIComponent(adminToken)}`,
    db,
    hits,
    close,
  };
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', (err) => {
      if (err.code === 'EADDRINUSE') err.message = `port ${port} is taken; set PORT to another one`;
      reject(err);
    });
    server.listen(port, host, resolve);
  });
}

function readCookie(header, name) {
  for (const part of String(header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

function redirect(res, location, headers = {}) {
  res.writeHead(303, { Location: location, ...headers });
  res.end();
}

function file(req, res, path, headers = {}) {
  if (!path || !existsSync(path)) return send(res, 404, 'text/plain', 'not found', req);
  send(res, 200, TYPES[extname(path)] ?? 'application/octet-stream', readFileSync(path), req, { 'Cache-Control': 'no-cache', ...headers });
}

/** Sends a body, gzipped when the client takes it and it is text worth compressing. */
function send(res, status, type, body, req, headers = {}) {
  let data = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const out = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', ...headers };
  if (data.length > 1024 && /text|json|javascript/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
    data = gzipSync(data);
    out['Content-Encoding'] = 'gzip';
    out.Vary = 'Accept-Encoding';
  }
  out['Content-Length'] = data.length;
  res.writeHead(status, out);
  res.end(req.method === 'HEAD' ? undefined : data);
}

async function main() {
  const port = Number(process.env.PORT ?? 8080);
  const ledgerPort = Number(process.env.LEDGER_PORT ?? 8787);
  let demo;
  try {
    demo = await startDemo({ port, ledgerPort, adminToken: process.env.ADMIN_TOKEN, db: process.env.DEMO_DB });
  } catch (err) {
    console.error(`demo: ${err.message}`);
    process.exit(1);
  }
  const sites = Object.entries(SITES)
    .map(([name, s]) => `  ${s.title.split(' — ')[0].padEnd(13)} ${demo.url}/${name}/   (?region=US for opt-out)`)
    .join('\n');
  console.log(`
Consentry demo is running.

  Demo home     ${demo.url}/
${sites}
  Playground    ${demo.url}/playground/

  Ledger dashboard  ${demo.dashboardUrl}
  Ledger API        ${demo.ledgerUrl}/api/consent   (SQLite: ${demo.db})
  Admin token       ${demo.adminToken}${process.env.ADMIN_TOKEN ? '' : '   (random; set ADMIN_TOKEN to choose one)'}

Press Ctrl+C to stop.`);
  const stop = () => demo.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
