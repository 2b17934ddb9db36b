// The engine launchers themselves (test/support/engines): in each engine, a page can be driven
// the way the other tests need, with real input, and *.localhost names reach this machine.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINES, hasGpc, launch } from '../support/engines/index.mjs';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0">
<div style="height:1500px">tall</div>
<input id="before"><input id="field">
<div id="host"></div>
<iframe id="frame" style="border:7px solid red;padding:5px;width:300px;height:200px"></iframe>
<script>
  window.log = [];
  const note = (e) => log.push(e.type + ':' + e.isTrusted + ':' + (e.target.id || e.target.textContent));
  const root = document.getElementById('host').attachShadow({ mode: 'open' });
  root.innerHTML = '<button id="inside">Shadow button</button><button aria-label="Named">x</button>';
  root.querySelectorAll('button').forEach((b) => b.addEventListener('click', note));
  const fd = document.getElementById('frame').contentDocument;
  fd.body.innerHTML = '<p style="margin:40px">text</p><button id="framed">In the frame</button>';
  fd.querySelector('button').addEventListener('click', note);
  document.getElementById('field').addEventListener('keydown', (e) => log.push('key:' + e.key + ':' + e.isTrusted));
  document.cookie = 'a=1; Path=/';
</script></body></html>`;

let server, base;
before(async () => {
  server = createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('set-cookie', 'h=1; Path=/; HttpOnly');
    if (req.url === '/host') return res.end(`<p id="h">${req.headers.host}</p><p id="gpc">${req.headers['sec-gpc'] || ''}</p>`);
    res.end(PAGE);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => server?.close());

for (const engine of ENGINES) {
  describe(engine, () => {
    let browser;
    before(async () => (browser = await launch(engine)));
    after(() => browser?.close());

    it('resolves *.localhost names to this machine', async () => {
      const page = await browser.newPage();
      try {
        for (const host of ['localhost', 'ga.localhost', 'x.ads.localhost']) {
          await page.goto(`http://${host}:${server.address().port}/host`);
          assert.equal(await page.evaluate(() => document.getElementById('h').textContent), `${host}:${server.address().port}`);
        }
      } finally {
        await page.close();
      }
    });

    it('evaluates with arguments, awaits promises, keeps undefined, and waits for a condition', async () => {
      const page = await browser.newPage();
      try {
        await page.goto(base + '/');
        assert.equal(await page.evaluate((a, b) => a + b, 2, 3), 5);
        assert.equal(await page.evaluate(() => new Promise((r) => setTimeout(() => r('later'), 50))), 'later');
        assert.equal(await page.evaluate(() => window.nothing), undefined);
        assert.deepEqual(await page.evaluate(() => ({ a: [1, null], s: 'x' })), { a: [1, null], s: 'x' });
        await page.evaluate(() => setTimeout(() => (window.flag = 'up'), 200));
        assert.equal(await page.waitForFunction((k) => window[k], { timeout: 3000 }, 'flag'), 'up');
        await assert.rejects(page.waitForFunction(() => false, { timeout: 200 }), /timed out/);
        await assert.rejects(page.evaluate(() => { throw new Error('boom'); }), /boom/);
        assert.equal(await page.url(), base + '/');
      } finally {
        await page.close();
      }
    });

    it('clicks with a real pointer through shadow roots and into frames, after scrolling', async () => {
      const page = await browser.newPage();
      try {
        await page.goto(base + '/');
        await page.click('#inside');
        await page.click('button >> text=Named');
        await page.click('button >> text=In the frame');
        assert.deepEqual(await page.evaluate(() => window.log), ['click:true:inside', 'click:true:x', 'click:true:framed']);
        await assert.rejects(page.click('#nothing', { timeout: 200 }), /cannot click "#nothing": no element matches/);
        assert.equal(await page.count('button'), 3);
        assert.equal(await page.attribute('button >> text=Named', 'aria-label'), 'Named');
        assert.equal(await page.attribute('#nothing', 'id'), null);
      } finally {
        await page.close();
      }
    });

    it('types and presses keys on the real keyboard', async () => {
      const page = await browser.newPage();
      try {
        await page.goto(base + '/');
        await page.click('#field');
        await page.type('hi!');
        assert.equal(await page.evaluate(() => document.getElementById('field').value), 'hi!');
        assert.deepEqual(await page.evaluate(() => window.log), ['key:h:true', 'key:i:true', 'key:!:true']);
        await page.press('Shift+Tab');
        assert.equal(await page.evaluate(() => document.activeElement.id), 'before', 'Shift+Tab moves focus back');
        await page.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement.id), 'field', 'Tab moves it forward');
        // Tab into a field selects its text: End, then Backspace deletes one character.
        await page.press('End');
        await page.press('Backspace');
        assert.equal(await page.evaluate(() => document.getElementById('field').value), 'hi');
      } finally {
        await page.close();
      }
    });

    it('takes screenshots, reads cookies (HttpOnly too), and gives each page a fresh visitor', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'consentry-shot-'));
      const page = await browser.newPage();
      try {
        await page.goto(base + '/');
        await page.screenshot(join(dir, 'a.png'));
        assert.deepEqual([...readFileSync(join(dir, 'a.png')).subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
        assert.deepEqual((await page.cookies()).map((c) => `${c.name}${c.httpOnly ? ' httponly' : ''}`).sort(), ['a', 'h httponly']);
        const other = await browser.newPage();
        await other.goto(base + '/host');
        assert.equal(await other.evaluate(() => document.cookie), '');
        await other.close();
      } finally {
        await page.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it(hasGpc(engine) ? 'sends Global Privacy Control when launched with gpc' : 'refuses gpc: WebKit has no Global Privacy Control', async () => {
      if (!hasGpc(engine)) return assert.rejects(launch(engine, { gpc: true }), /WebKit has no Global Privacy Control/);
      const gpc = await launch(engine, { gpc: true });
      try {
        const page = await gpc.newPage();
        await page.goto(base + '/host');
        assert.equal(await page.evaluate(() => navigator.globalPrivacyControl), true);
        assert.equal(await page.evaluate(() => document.getElementById('gpc').textContent), '1');
      } finally {
        await gpc.close();
      }
    });
  });
}
