// The `consentry` command as a newcomer meets it: the usage text, and where a broken file breaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../bin/consentry.mjs', import.meta.url));
const run = (...args) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'consentry-cli-'));
const file = (name, text) => (writeFileSync(join(tmp, name), text), join(tmp, name));

test('without arguments the usage lists every command and exits 2', () => {
  const r = run();
  assert.equal(r.status, 2);
  for (const cmd of ['validate', 'bundle', 'schema', 'reference', 'add', 'scan', 'declaration']) assert.match(r.stdout, new RegExp(`consentry ${cmd}\\b`), cmd);
});

test('--help prints the same usage and exits 0', () => {
  const r = run('--help');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /consentry reference/);
});

test('an unknown command is named, with the usage', () => {
  const r = run('bundel');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown command "bundel"/);
  assert.match(r.stderr, /consentry bundle/);
});

test('a JSON syntax error names its line and column on one line', () => {
  const cases = [
    ['{\n  "revision": 1,\n  "vendors": [1,],\n}', /line 3, column 17: trailing comma before "\]"/],
    ['{\n  "revision": 1\n  "policyUrl": "/x"\n}', /line 3, column 3: expected "," or "}" after a property value/],
    ['{\n  "revision": tru\n}', /line 2, column 15: expected a value/],
    ['{"revision": 1, "policyUrl": "/x', /line 1, column 30: unterminated string/],
    ['', /line 1, column 1: expected a value, found the end of the file/],
  ];
  for (const [text, want] of cases) {
    const r = run('validate', file('broken.json', text));
    assert.equal(r.status, 1, text);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `one line for ${JSON.stringify(text)}: ${r.stderr}`);
    assert.match(lines[0], /broken\.json: \(root\): not valid JSON: /);
    assert.match(lines[0], want);
  }
});
