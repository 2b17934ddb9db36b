// Contract §3 and §10: `consentry validate` gives the verdict the loader gives. The loader reads a
// data-config file with fetch(), which drops a UTF-8 byte order mark (many Windows editors write
// one), so the CLI must not refuse such a file either.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/consentry.mjs', import.meta.url));
const run = (...args) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
const BOM = '\uFEFF';

test('validate accepts a file that starts with a byte order mark, as the loader does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'consentry-bom-'));
  try {
    const file = join(dir, 'consentry.json');
    writeFileSync(file, BOM + JSON.stringify({ revision: 3, categories: [{ id: 'required', required: true }, { id: 'performance' }] }, null, 2));
    const r = run('validate', file);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /valid/);
    // What the loader's fetch() does with the same bytes.
    assert.equal(typeof JSON.parse(await new Response(readFileSync(file)).text()).revision, 'number');
    // ...and a problem in it is still named by its path.
    writeFileSync(file, BOM + JSON.stringify({ revision: -1 }));
    const bad = run('validate', file);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /revision: must be a whole number/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('add works on a configuration that starts with a byte order mark', () => {
  const dir = mkdtempSync(join(tmpdir(), 'consentry-bom-'));
  try {
    const file = join(dir, 'consentry.json');
    writeFileSync(file, BOM + JSON.stringify({ revision: 1 }));
    const r = run('add', 'google-analytics', '--config', file);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).vendors[0].id, 'google-analytics');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
