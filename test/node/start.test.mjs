// `npm start` as a newcomer runs it: every URL it prints answers something useful, and a signal
// to npm (Ctrl+C in a terminal, or `kill <pid>` from a script) stops the demo and its ledger.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../../', import.meta.url));
const refused = (url) => fetch(url).then(() => false, () => true);

for (const signal of ['SIGTERM', 'SIGINT'])
  test(`npm start prints URLs that answer, and stops completely on ${signal} to npm`, { timeout: 240000 }, async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'consentry-start-')), 'demo.db');
    // dist/ is built already (npm test builds first); rebuilding it here would race the other test files.
    const npm = spawn('npm', ['start'], { cwd: root, env: { ...process.env, CONSENTRY_SKIP_BUILD: '1', PORT: '0', LEDGER_PORT: '0', DEMO_DB: db }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    npm.stdout.on('data', (d) => (out += d));
    npm.stderr.on('data', (d) => (out += d));
    const exited = new Promise((r) => npm.on('exit', r));
    await new Promise((resolve, reject) => {
      const t = setInterval(() => /Press Ctrl\+C/.test(out) && (clearInterval(t), resolve()), 100);
      exited.then(() => (clearInterval(t), reject(new Error('npm start exited early:\n' + out))));
    });
    const urls = [...out.matchAll(/https?:\/\/[^\s)]+/g)].map((m) => m[0]);
    assert.ok(urls.length >= 6, out);
    for (const url of urls) {
      const res = await fetch(url);
      assert.equal(res.status, 200, `${url} answers ${res.status}`);
      assert.ok((await res.text()).length > 20, `${url} says something`);
    }
    npm.kill(signal);
    await exited;
    // Nothing is left serving on the printed ports.
    const origins = [...new Set(urls.map((u) => new URL(u).origin))];
    for (let i = 0; i < 50 && !(await Promise.all(origins.map(refused))).every(Boolean); i++) await new Promise((r) => setTimeout(r, 100));
    for (const o of origins) assert.ok(await refused(o), `${o} still answers after ${signal}`);
  });
