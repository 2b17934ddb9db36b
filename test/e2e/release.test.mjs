// Releases and caching, end to end and in every engine: a returning visitor downloads the
// loader only (and the configuration on the data-config path); a loader of one release served
// beside another release's chunks never breaks the page. Needs dist/ (npm test builds first).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINES, launch } from '../support/engines/index.mjs';
import { until } from './support/until.mjs';
import { release, HASHED } from '../../scripts/release.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist');
const config = { revision: 1, vendors: [{ id: 'stats', name: 'Stats', category: 'performance' }] };
// The page keeps its own log of console errors and uncaught errors, the same way in every engine.
const page = (loader, attrs = '') => `<!doctype html><html lang="en"><head>
<script>
window.logged = []; window.uncaught = [];
const error = console.error;
console.error = function () { logged.push([].join.call(arguments, ' ')); return error.apply(this, arguments); };
addEventListener('error', (e) => uncaught.push(String(e.message)));
addEventListener('unhandledrejection', (e) => uncaught.push(String(e.reason && e.reason.message || e.reason)));
</script>
<script src="${loader}" ${attrs}></script>
<script type="text/plain" data-consent="performance">window.gated = (window.gated || 0) + 1;</script>
</head><body><a href="#" data-consentry-open>Cookie preferences</a>
<script>window.pageOk = true;</script></body></html>`;

let tmp, server, url;
/** url path prefix → folder; `mix` serves one folder's loader with another's chunks. */
const routes = {};

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'consentry-release-'));
  // Release N is this build; release N+1 is the same build with every chunk changed.
  const n = join(tmp, 'n');
  const n1 = join(tmp, 'n1');
  cpSync(dist, n, { recursive: true });
  cpSync(dist, n1, { recursive: true });
  for (const f of readdirSync(n1).filter((f) => HASHED.test(f))) writeFileSync(join(n1, f), readFileSync(join(n1, f), 'utf8') + '\n/* next release */\n');
  release(n1);
  // A baked loader (consentry bundle) of release N.
  writeFileSync(join(tmp, 'site.json'), JSON.stringify(config));
  execFileSync(process.execPath, [join(root, 'bin/consentry.mjs'), 'bundle', join(tmp, 'site.json'), '-o', join(tmp, 'baked', 'consentry.js')]);
  Object.assign(routes, { n: [n, n], n1: [n1, n1], baked: [join(tmp, 'baked'), join(tmp, 'baked')], 'n-loader-n1-chunks': [n, n1], 'n1-loader-n-chunks': [n1, n] });
  // Both releases' files in one folder: what a deploy that keeps the old chunks serves.
  const both = join(tmp, 'both');
  cpSync(n1, both, { recursive: true });
  for (const f of readdirSync(n).filter((f) => HASHED.test(f))) cpSync(join(n, f), join(both, f));
  cpSync(join(n, 'consentry.js'), join(both, 'consentry-n.js'));
  routes.both = [both, both];

  server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const [, site, file] = /^\/([\w-]+)\/(.*)$/.exec(path) || [];
    const send = (status, type, body) => res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
    if (path === '/consentry.json') return send(200, 'application/json', JSON.stringify(config));
    if (!routes[site]) return send(404, 'text/plain', 'no such site');
    if (file === 'page.html') return send(200, 'text/html', page(`/${site}/consentry.js`, site == 'baked' ? '' : 'data-config="/consentry.json"'));
    if (file === 'page-n.html') return send(200, 'text/html', page(`/${site}/consentry-n.js`, 'data-config="/consentry.json"'));
    const [loaderDir, chunkDir] = routes[site];
    const p = join(file.startsWith('consentry-') && HASHED.test(file) ? chunkDir : loaderDir, file);
    if (!/^[\w.-]+$/.test(file) || !existsSync(p)) return send(404, 'text/plain', 'not found');
    send(200, extname(p) == '.js' ? 'application/javascript' : 'application/octet-stream', readFileSync(p));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${server.address().port}`;
});
after(async () => {
  await new Promise((r) => server?.close(r));
  rmSync(tmp, { recursive: true, force: true });
});

/** Opens `path` and returns what the page asked our server for (Resource Timing: nothing is cached). */
async function visit(page, path) {
  await page.goto(url + path);
  await page.waitForFunction(() => window.consentry && window.consentry.__core);
  await new Promise((r) => setTimeout(r, 400));
  return page.evaluate((origin) => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.startsWith(origin)).map((n) => new URL(n).pathname).filter((p) => p != '/favicon.ico'), url);
}

for (const engine of ENGINES)
  describe(`releases and caching (${engine})`, () => {
    let browser;
    before(async () => {
      browser = await launch(engine);
    });
    after(() => browser?.close());

    describe('a returning visitor', () => {
      for (const [site, want] of [
        ['baked', ['/baked/consentry.js']],
        ['n', ['/n/consentry.js', '/consentry.json']],
      ])
        it(`downloads ${want.length == 1 ? 'the loader only (baked configuration)' : 'the loader and the configuration only (data-config)'}`, async () => {
          const page = await browser.newPage();
          try {
            const first = await visit(page, `/${site}/page.html`);
            assert.ok(first.some((p) => /consentry-widget\.[0-9a-f]{8}\.js$/.test(p)), 'the first view loads the widget: ' + first.join(' '));
            if (site == 'n') assert.ok(first.some((p) => /consentry-validate\.[0-9a-f]{8}\.js$/.test(p)), 'the first view checks the configuration');
            await page.evaluate(() => window.consentry.acceptAll());
            await page.waitForFunction(() => window.gated === 1);
            assert.deepEqual((await visit(page, `/${site}/page.html`)).sort(), want.sort());
            assert.equal(await page.evaluate(() => window.gated), 1, 'the allowed tag runs on the returning view');
          } finally {
            await page.close();
          }
        });

      it('whose configuration changed downloads the validator once more', async () => {
        const page = await browser.newPage();
        try {
          await visit(page, '/n/page.html');
          await page.evaluate(() => window.consentry.acceptAll());
          await page.evaluate(() => localStorage.setItem('consentry:checked', 'another text'));
          const again = await visit(page, '/n/page.html');
          assert.ok(again.some((p) => /consentry-validate\.[0-9a-f]{8}\.js$/.test(p)), again.join(' '));
          assert.equal(await page.evaluate(() => window.gated), 1);
        } finally {
          await page.close();
        }
      });
    });

    describe('releases side by side', () => {
      for (const site of ['n-loader-n1-chunks', 'n1-loader-n-chunks'])
        it(`${site.replace(/-/g, ' ').replace('n1', 'N+1').replace(/\bn\b/g, 'N')}: fails closed with a clear console error, the page keeps working`, async () => {
          const page = await browser.newPage();
          try {
            await visit(page, `/${site}/page.html`);
            await page.click('[data-consentry-open]');
            await new Promise((r) => setTimeout(r, 300));
            assert.deepEqual(await page.evaluate(() => window.uncaught), [], 'no uncaught error');
            assert.equal(await page.evaluate(() => window.pageOk), true, "the page's own scripts run");
            assert.equal(await page.evaluate(() => window.gated), undefined, 'the gated tag stays held');
            const logged = await page.evaluate(() => window.logged);
            assert.ok(
              logged.some((t) => /\[consentry\].*consentry-\w+\.[0-9a-f]{8}\.js.*same release/.test(t)),
              'the console names the missing chunk: ' + logged.join(' | '),
            );
          } finally {
            await page.close();
          }
        });

      it("a deploy that keeps the previous release's chunks serves both loaders a working banner", async () => {
        for (const file of ['page.html', 'page-n.html']) {
          const page = await browser.newPage();
          try {
            await visit(page, `/both/${file}`);
            // The visitor decides in the banner itself: the release's widget loaded.
            await page.click('button >> text=Accept all');
            await page.waitForFunction(() => window.gated === 1);
            assert.deepEqual(await page.evaluate(() => window.uncaught), []);
          } finally {
            await page.close();
          }
        }
      });
    });
  });
