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

test('scan: names a scanned site chose (a storage key, an error) cannot send control sequences to the terminal', async () => {
  const { summary } = await import('../../scanner/terminal.mjs');
  // A hostile site: a storage key that clears the screen, retitles the window, moves up a line
  // to overwrite the leak report, and a right-to-left override.
  const evil = '\x1b[2J\x1b]0;owned\x07\x1b[1A\r\u202eok\x1b[8m\n  ✓ No leaks';
  const result = {
    url: 'https://site.example/',
    passes: ['before', 'reject', 'accept'],
    durationMs: 1000,
    summary: { pages: 1, requests: 1, hosts: 1, cookies: 0, storage: 1, vendors: 0 },
    notes: [],
    skipped: [],
    pages: [{ url: 'https://site.example/', errors: [{ pass: 'before', message: 'page said ' + evil }] }],
    vendors: [],
    unclassified: { hosts: [], cookies: [], storage: [] },
    leaks: [{ pass: 'before', kind: 'storage', name: evil, party: 'first', pages: ['https://site.example/'] }],
    optOutDefaults: [],
    options: { pages: 1 },
  };
  for (const colour of [false, true]) {
    const text = summary(result, { colour });
    // Only our own colour codes (never "conceal", 8), and our own line breaks.
    assert.doesNotMatch(text, /\x1b\[8m/);
    assert.doesNotMatch(text, /^\s*✓ No leaks/m);
    const rest = text.replace(/\x1b\[[\d;]*m/g, '').replace(/\n/g, '');
    assert.doesNotMatch(rest, /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/, JSON.stringify(text));
    assert.match(text, /1 leak/);
    assert.match(text, /\\u001b\[2J/, 'the key is shown, escaped');
  }
});
