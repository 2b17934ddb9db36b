// What a page downloads, end to end and in every engine (issue 14): `consentry bundle` keeps only
// what decisions and the gate need in the loader, the widget still gets its texts and vendor facts,
// a returning visitor downloads the small loader alone (the decision chunk comes only when a
// decision changes), and a data-config first visit downloads the configuration, its check and the
// widget side by side. Needs dist/ (npm test builds first).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINES, launch } from '../support/engines/index.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist');
const TITLE = 'Biscuits, anyone?';
const PURPOSE = 'Counts the biscuits eaten on this page.';
const config = {
  revision: 2,
  policyUrl: '/privacy',
  vendors: [{ id: 'stats', name: 'Biscuit Stats', category: 'performance', purpose: { en: PURPOSE }, hosts: ['stats.example'] }],
  texts: { en: { 'banner.title': TITLE } },
};
/** A tag right after the loader that asks the GPP API at once, as ad tags do. */
const GPP_ASK = `<script>window.asked = typeof __gpp == 'function' ? (__gpp('ping', (p) => (window.pinged = p.cmpStatus)), 'stub') : 'none';</script>`;
/** How long the server sits on the data-config file: long enough to tell "side by side" from "after". */
const CONFIG_DELAY_MS = 700;

const page = (src, attrs = '', next = '') => `<!doctype html><html lang="en"><head>
<script src="${src}" ${attrs}></script>${next}
<script type="text/plain" data-consent="performance">window.gated = (window.gated || 0) + 1;</script>
</head><body><p>Shop</p></body></html>`;

let tmp, server, url;
before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'consentry-bundle-'));
  writeFileSync(join(tmp, 'site.json'), JSON.stringify(config));
  execFileSync(process.execPath, [join(root, 'bin/consentry.mjs'), 'bundle', join(tmp, 'site.json'), '-o', join(tmp, 'baked', 'consentry.js')]);
  writeFileSync(join(tmp, 'gpp.json'), JSON.stringify({ ...config, gpp: { sections: ['usnat'] } }));
  execFileSync(process.execPath, [join(root, 'bin/consentry.mjs'), 'bundle', join(tmp, 'gpp.json'), '-o', join(tmp, 'gpp', 'consentry.js')]);
  server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const send = (status, type, body) => res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
    if (path === '/baked.html') return send(200, 'text/html', page('/baked/consentry.js'));
    if (path === '/unbaked.html') return send(200, 'text/html', page('/dist/consentry.baked.js'));
    if (/^\/gpp(-none)?\.html$/.test(path)) return send(200, 'text/html', page(path == '/gpp.html' ? '/gpp/consentry.js' : '/baked/consentry.js', '', GPP_ASK));
    if (path === '/config.html') return send(200, 'text/html', page('/dist/consentry.js', 'data-config="/consentry.json"'));
    if (path === '/consentry.json') return void setTimeout(() => send(200, 'application/json', JSON.stringify(config)), CONFIG_DELAY_MS);
    const m = /^\/(baked|gpp|dist)\/([\w.-]+)$/.exec(path);
    const file = m && join(m[1] == 'dist' ? dist : join(tmp, m[1]), m[2]);
    if (!file || !existsSync(file)) return send(404, 'text/plain', 'not found');
    send(200, extname(file) == '.js' ? 'application/javascript' : 'application/octet-stream', readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${server.address().port}`;
});
after(async () => {
  await new Promise((r) => server?.close(r));
  rmSync(tmp, { recursive: true, force: true });
});

/** Our requests so far, from Resource Timing: [path, startTime, responseEnd]. */
const requests = (page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, e.startTime, e.responseEnd]).filter(([p]) => p != '/favicon.ico'));
const bannerText = (page) => page.evaluate(() => (document.getElementById('consentry-ui')?.shadowRoot?.textContent || '').replace(/\s+/g, ' '));

describe('consentry bundle splits the configuration', () => {
  it('keeps texts and vendor facts out of the loader, in a file named after its content', () => {
    const loader = readFileSync(join(tmp, 'baked', 'consentry.js'), 'utf8');
    const texts = readdirSync(join(tmp, 'baked')).filter((f) => /^consentry-texts\.[0-9a-f]{8}\.js$/.test(f));
    assert.equal(texts.length, 1, 'one texts file beside the loader');
    assert.ok(loader.startsWith('self.__consentryConfig={"revision":2'), loader.slice(0, 80));
    for (const s of [TITLE, PURPOSE, 'Biscuit Stats', '/privacy']) assert.ok(!loader.includes(s), `the loader leaves out ${s}`);
    // What decisions and the gate need stays.
    for (const s of ['"stats"', '"performance"', 'stats.example']) assert.ok(loader.includes(s), `the loader keeps ${s}`);
    const rest = readFileSync(join(tmp, 'baked', texts[0]), 'utf8');
    for (const s of [TITLE, PURPOSE, 'Biscuit Stats']) assert.ok(rest.includes(s), `the texts file has ${s}`);
    assert.ok(loader.includes(JSON.stringify(texts[0])), 'the loader names the texts file');
    // Baked files never carry the configuration check.
    assert.ok(!readdirSync(join(tmp, 'baked')).some((f) => f.startsWith('consentry-validate.')));
  });
});

for (const engine of ENGINES)
  describe(`what a page downloads (${engine})`, () => {
    let browser;
    before(async () => {
      browser = await launch(engine);
    });
    after(() => browser?.close());
    /** Runs `fn` on a new page of this engine, and closes the page whatever happens. */
    const withPage = async (fn) => {
      const p = await browser.newPage();
      try {
        await fn(p);
      } finally {
        await p.close();
      }
    };

    it('baked: the widget shows the configured texts; a returning visitor downloads the loader only', () =>
      withPage(async (p) => {
        await p.goto(url + '/baked.html');
        await p.waitForFunction((t) => (document.getElementById('consentry-ui')?.shadowRoot?.textContent || '').includes(t), { timeout: 10000 }, TITLE);
        // The vendor's facts reached the configuration the widget and the other chunks read.
        assert.deepEqual(
          await p.evaluate(() => {
            const c = window.consentry.__core.config;
            return [c.vendors[0].name, c.vendors[0].purpose.en, c.vendors[0].hosts[0], c.policyUrl];
          }),
          ['Biscuit Stats', PURPOSE, 'stats.example', '/privacy'],
        );
        const first = (await requests(p)).map(([path]) => path);
        for (const re of [/consentry-texts\.[0-9a-f]{8}\.js$/, /consentry-widget\.[0-9a-f]{8}\.js$/])
          assert.ok(first.some((x) => re.test(x)), `first view loads ${re}: ${first.join(' ')}`);
        await p.click('button >> text=Accept all');
        await p.waitForFunction(() => window.gated === 1, { timeout: 5000 });

        await p.goto(url + '/baked.html');
        await p.waitForFunction(() => window.gated === 1 && window.consentry.__core, { timeout: 5000 });
        await new Promise((r) => setTimeout(r, 400));
        assert.deepEqual(
          (await requests(p)).map(([path]) => path),
          ['/baked/consentry.js'],
        );
        assert.equal(await bannerText(p), '', 'no banner for a returning visitor');
        // A decision changed later applies in the call's own task (the withdrawal then fetches the
        // cleanup chunk, which deletes the vendor's cookies).
        assert.deepEqual(
          await p.evaluate(() => (window.consentry.set({ categories: { performance: false } }), [window.consentry.get().categories.performance, window.consentry.get().method])),
          [false, 'custom'],
        );
      }));

    it('baked with gpp: the GPP stub answers the first tag; baked without gpp: no __gpp at all', () =>
      withPage(async (p) => {
        await p.goto(url + '/gpp.html');
        assert.deepEqual(await p.evaluate(() => [window.asked, window.pinged]), ['stub', 'stub']);
        // The GPP chunk then takes over the stub's queue and answers as the CMP.
        await p.waitForFunction(() => new Promise((r) => (__gpp('ping', (d) => r(d.cmpStatus == 'loaded')), setTimeout(r, 200, false))), { timeout: 10000 });
        await p.goto(url + '/gpp-none.html');
        assert.deepEqual(await p.evaluate(() => [window.asked, typeof window.__gpp]), ['none', 'undefined']);
      }));

    it('the baked build served without a baked configuration fails closed: a banner, nothing gated runs, even on "Accept all"', () =>
      withPage(async (p) => {
        await p.goto(url + '/unbaked.html');
        await p.waitForFunction(() => (document.getElementById('consentry-ui')?.shadowRoot?.textContent || '').includes('Accept all'), { timeout: 10000 });
        await p.click('button >> text=Accept all');
        await new Promise((r) => setTimeout(r, 500));
        assert.deepEqual(await p.evaluate(() => [window.gated ?? 0, window.consentry.allowed('performance'), window.consentry.get()?.method]), [0, false, 'accept-all']);
      }));

    it('data-config first visit: the configuration, its check and the widget download side by side', () =>
      withPage(async (p) => {
        await p.goto(url + '/config.html');
        await p.waitForFunction((t) => (document.getElementById('consentry-ui')?.shadowRoot?.textContent || '').includes(t), { timeout: 10000 }, TITLE);
        const got = await requests(p);
        const find = (re) => got.find(([path]) => re.test(path)) || assert.fail(`no request for ${re}: ${got.map(([x]) => x).join(' ')}`);
        const [, , configEnd] = find(/^\/consentry\.json$/);
        const [, validatorStart] = find(/consentry-validate\.[0-9a-f]{8}\.js$/);
        const [, widgetStart] = find(/consentry-widget\.[0-9a-f]{8}\.js$/);
        // The server holds the configuration for CONFIG_DELAY_MS: what starts before it arrives
        // was not waiting for it.
        assert.ok(validatorStart < configEnd - CONFIG_DELAY_MS / 2, `validator at ${validatorStart} ms, configuration in at ${configEnd} ms`);
        assert.ok(widgetStart < configEnd - CONFIG_DELAY_MS / 2, `widget at ${widgetStart} ms, configuration in at ${configEnd} ms`);
      }));
  });
