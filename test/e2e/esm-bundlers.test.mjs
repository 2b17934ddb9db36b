// The ES module as site owners use it: bundled by esbuild (its ESM and its default IIFE output)
// with the chunks copied beside the bundle, or served from a folder named by assetBase; and
// imported where there is no browser at all (a server's render). Needs dist/ (npm test builds first).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ENGINES, launch } from '../support/engines/index.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist');
const config = { revision: 1, vendors: [{ id: 'stats', name: 'Stats', category: 'performance', hosts: ['stats.example'] }] };
const CHUNK = /^consentry-[\w-]+\.[0-9a-f]{8}\.js$/;

it('imports where there is no window (a server render): the API is there, nothing runs', () => {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(join(dist, 'esm/index.js'))}); console.log(typeof m.init, m.get(), typeof m.on)`], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'function null function');
});

let tmp, server, url;
before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'consentry-bundlers-'));
  const entry = join(tmp, 'entry.js');
  writeFileSync(
    entry,
    `import { init, on, allowed } from ${JSON.stringify(join(dist, 'esm/index.js'))};
init({ config: ${JSON.stringify(config)}, ...(window.assetBase ? { assetBase: window.assetBase } : {}) });
on('change', () => (window.allowedPerformance = allowed('performance')));\n`,
  );
  // esbuild as its docs show it, in its two browser formats; the chunks copied where each site serves them.
  for (const [name, format] of [
    ['esm', 'esm'],
    ['iife', 'iife'],
    ['static', 'esm'],
  ]) {
    const dir = join(tmp, name);
    mkdirSync(dir);
    await build({ entryPoints: [entry], bundle: true, format, outfile: join(dir, 'app.js'), logLevel: 'silent' });
    const to = name == 'static' ? join(tmp, 'static', 'consentry') : dir;
    mkdirSync(to, { recursive: true });
    for (const f of readdirSync(dist).filter((f) => CHUNK.test(f))) copyFileSync(join(dist, f), join(to, f));
  }
  server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const m = /^\/(esm|iife|static)\/page\.html$/.exec(path);
    if (m) {
      const script = m[1] == 'iife' ? '<script src="/iife/app.js"></script>' : `<script type="module" src="/${m[1]}/app.js"></script>`;
      const base = m[1] == 'static' ? '<script>window.assetBase = "/static/consentry/";</script>' : '';
      return res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><html lang="en"><head>${base}${script}</head><body><p>Shop</p></body></html>`);
    }
    const file = join(tmp, path);
    if (!path.includes('..') && existsSync(file) && extname(file) == '.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(file));
    res.writeHead(404).end('not found');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${server.address().port}`;
});
after(async () => {
  await new Promise((r) => server?.close(r));
  rmSync(tmp, { recursive: true, force: true });
});

for (const engine of ENGINES)
  describe(`the ES module bundled by esbuild (${engine})`, () => {
    let browser;
    before(async () => (browser = await launch(engine)));
    after(() => browser?.close());

    for (const [site, how] of [
      ['esm', 'ESM output, the chunks beside the bundle, no assetBase'],
      ['iife', 'its default IIFE output (no import.meta), the chunks beside the bundle, no assetBase'],
      ['static', 'the chunks in the folder assetBase names'],
    ])
      it(`shows the banner, and Accept all allows: ${how}`, async () => {
        const p = await browser.newPage();
        try {
          await p.goto(`${url}/${site}/page.html`);
          await p.waitForFunction(() => !!document.getElementById('consentry-ui')?.shadowRoot?.querySelector('.bn'), { timeout: 10000 });
          await p.click('button >> text=Accept all');
          await p.waitForFunction(() => window.allowedPerformance === true, { timeout: 5000 });
        } finally {
          await p.close();
        }
      });
  });
