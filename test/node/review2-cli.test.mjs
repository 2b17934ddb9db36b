// Adversarial review (review2): text from a configuration never becomes markup or code in what
// the CLI writes for a site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'bin/consentry.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'consentry-review2-'));
const run = (...args) => {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const file = (name, value) => {
  const p = join(tmp, name);
  writeFileSync(p, JSON.stringify(value));
  return p;
};

test('declaration --format md: a line break in a cookie name cannot end the table row and start raw HTML', () => {
  const p = file('nl.json', {
    revision: 1,
    vendors: [{ id: 'x', name: 'X', category: 'performance', cookies: [{ name: 'a\n<img src=x onerror=alert(1)>\r\n|b', match: 'prefix', duration: '1 day' }] }],
  });
  const r = run('declaration', p, '--format', 'md');
  assert.equal(r.code, 0, r.err);
  const lines = r.out.split('\n');
  // Every line is a heading, a table row, plain (escaped) text or empty: none starts with markup.
  for (const l of lines) assert.doesNotMatch(l, /^\s*</, `a line starts with markup: ${JSON.stringify(l)}`);
  const row = lines.find((l) => l.startsWith('| X |'));
  assert.ok(row, 'the vendor has one row');
  assert.match(row, /`a <img src=x onerror=alert\(1\)> \\\|b\*` \(1 day\)/);
});
