// A small static server for end-to-end tests: the repository's files (dist/ for the loader)
// plus pages a test registers with the headers it wants (a real Content-Security-Policy,
// Set-Cookie, …), and paths it forwards to another server (a ledger on the site's own origin).
// Listens on 127.0.0.1 on a free port.
import { createServer, request } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const TYPES = { '.js': 'application/javascript', '.json': 'application/json', '.html': 'text/html', '.css': 'text/css', '.map': 'application/json' };

export async function startServer() {
  /** path → { body, type, headers } */
  const pages = new Map();
  /** [path prefix, target origin] */
  const forwards = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const fw = forwards.find(([prefix]) => path.startsWith(prefix));
    if (fw) {
      // As a site's reverse proxy would: same method, headers (cookies included) and body.
      const up = request(new URL(req.url, fw[1]), { method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode, r.headers);
        r.pipe(res);
      });
      up.on('error', () => res.writeHead(502).end());
      return req.pipe(up);
    }
    const page = pages.get(path);
    if (page) {
      res.writeHead(200, { 'Content-Type': page.type, 'Cache-Control': 'no-store', ...page.headers });
      return res.end(page.body);
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !/^\/(dist|demo|test)\//.test(path)) return res.writeHead(404).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    /** Serves `body` at `path`; `type` defaults to HTML, or JSON for an object. */
    page(path, body, headers = {}) {
      const json = typeof body != 'string';
      pages.set(path, { body: json ? JSON.stringify(body) : body, type: json ? 'application/json' : 'text/html; charset=utf-8', headers });
    },
    /** Sends requests under `prefix` to `target` (an origin), as a reverse proxy would. */
    forward(prefix, target) {
      forwards.push([prefix, target]);
    },
    close: () => new Promise((r) => (server.close(r), server.closeAllConnections())),
  };
}
