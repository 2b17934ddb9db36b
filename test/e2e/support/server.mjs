// A small static server for end-to-end tests: the repository's files (dist/ for the loader)
// plus pages a test registers with the headers it wants (a real Content-Security-Policy,
// Set-Cookie, …). Listens on 127.0.0.1 on a free port.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const TYPES = { '.js': 'application/javascript', '.json': 'application/json', '.html': 'text/html', '.css': 'text/css', '.map': 'application/json' };

export async function startServer() {
  /** path → { body, type, headers } */
  const pages = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
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
    close: () => new Promise((r) => server.close(r)),
  };
}
