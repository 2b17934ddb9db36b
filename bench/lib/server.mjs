// The bench's web server: loopback only, gzip (node:zlib, level 9, compressed once and kept),
// `Cache-Control: no-store` so every page view downloads what it needs (the bytes we report
// are what a visitor with an empty or expired cache receives).
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pageHtml, consentryConfig, ccConfigScript, klaroConfigScript } from './site.mjs';
import { autoblockHtml } from './autoblock-page.mjs';

const types = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.html': 'text/html', '.gif': 'image/gif' };
const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * @param {{ root: string, bakedDir: string }} o  root: the repository; bakedDir: where `consentry bundle` wrote its output
 * @returns {Promise<{ port: number, close(): Promise<void>, stats: Map<string, number> }>}
 */
export async function startServer({ root, bakedDir }) {
  const nm = join(root, 'node_modules');
  const files = {
    '/peers/cc/cookieconsent.umd.js': join(nm, 'vanilla-cookieconsent/dist/cookieconsent.umd.js'),
    '/peers/cc/cookieconsent.css': join(nm, 'vanilla-cookieconsent/dist/cookieconsent.css'),
    '/peers/klaro/klaro.js': join(nm, 'klaro/dist/klaro.js'),
  };
  const gzCache = new Map();
  const stats = new Map(); // path → requests, for the report's sanity check
  let port = 0;

  function send(req, res, status, type, body) {
    const buf = Buffer.isBuffer(body) ? body : Buffer.from(body);
    const headers = { 'Content-Type': type + (type.startsWith('text/') || type.endsWith('json') ? '; charset=utf-8' : ''), 'Cache-Control': 'no-store', 'Timing-Allow-Origin': '*' };
    let out = buf;
    if (/\bgzip\b/.test(req.headers['accept-encoding'] || '') && type !== 'image/gif') {
      const key = buf.toString('latin1');
      out = gzCache.get(key) || gzipSync(buf, { level: 9 });
      gzCache.set(key, out);
      headers['Content-Encoding'] = 'gzip';
      headers['Vary'] = 'Accept-Encoding';
    }
    headers['Content-Length'] = out.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : out);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const p = url.pathname;
    stats.set(p, (stats.get(p) || 0) + 1);
    let m;
    try {
      if ((m = /^\/page\/([\w-]+)$/.exec(p))) return send(req, res, 200, 'text/html', pageHtml(m[1], port));
      if ((m = /^\/autoblock\/([\w-]+)$/.exec(p))) return send(req, res, 200, 'text/html', autoblockHtml(m[1]));
      if (p === '/consentry/consentry.json') return send(req, res, 200, 'application/json', JSON.stringify(consentryConfig()));
      if ((m = /^\/consentry\/(dist|baked)\/([\w.-]+\.(?:js|css))$/.exec(p))) {
        const f = join(m[1] === 'dist' ? join(root, 'dist') : bakedDir, m[2]);
        if (existsSync(f)) return send(req, res, 200, types[extname(f)], readFileSync(f));
        return send(req, res, 404, 'text/plain', 'not found');
      }
      if (p === '/peers/cc/config.js') return send(req, res, 200, 'text/javascript', ccConfigScript());
      if (p === '/peers/klaro/config.js') return send(req, res, 200, 'text/javascript', klaroConfigScript());
      if (files[p]) return send(req, res, 200, types[extname(p)], readFileSync(files[p]));
      // Vendor stubs: record that they ran, and when (ms since navigation start).
      if ((m = /^\/v\/([\w-]+)\.js$/.exec(p)))
        return send(req, res, 200, 'text/javascript', `(window.__ran=window.__ran||[]).push([${JSON.stringify(m[1])},performance.now()]);`);
      if (/^\/s\/\d+\.js$/.test(p)) return send(req, res, 200, 'text/javascript', '0;');
      if (/^\/px\/\d+\.gif$/.test(p)) return send(req, res, 200, 'image/gif', gif);
      if (p === '/privacy' || p === '/') return send(req, res, 200, 'text/html', '<!doctype html><title>ok</title><p>ok');
      if (p === '/favicon.ico') return send(req, res, 204, 'image/gif', Buffer.alloc(0));
      return send(req, res, 404, 'text/plain', 'not found');
    } catch (e) {
      return send(req, res, 500, 'text/plain', String(e && e.stack));
    }
  });
  server.keepAliveTimeout = 5000;
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  port = server.address().port;
  return {
    port,
    stats,
    close: () => new Promise((r) => (server.closeAllConnections?.(), server.close(() => r()))),
  };
}
