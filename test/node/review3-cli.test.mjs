// Review of the CLI against contract §10 (review3): every problem of every file is reported, an
// option the command does not know is a mistake (never a file swallowed), a file that cannot be
// written is one line naming it, and nothing overwrites the configuration being read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'bin/consentry.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'consentry-review3-'));
const run = (...args) => {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: tmp });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const file = (name, text) => {
  const p = join(tmp, name);
  writeFileSync(p, typeof text == 'string' ? text : JSON.stringify(text));
  return p;
};
const good = file('good.json', { revision: 1, vendors: [{ id: 'stats', name: 'Biscuit Stats', category: 'performance', hosts: ['stats.example'] }] });
const bad1 = file('bad1.json', { revision: 'x' });
const bad2 = file('bad2.json', { revision: 1, mode: { default: 'nope' } });
/** No stack trace: one line per problem, none of them a frame. */
const noStack = (s) => assert.doesNotMatch(s, /^\s+at /m, s);

test('validate reports every file named, and an unknown option does not swallow the next file', () => {
  const both = run('validate', bad1, bad2);
  assert.equal(both.code, 1);
  assert.match(both.err, /bad1\.json: revision:/);
  assert.match(both.err, /bad2\.json: mode\.default:/);
  const flag = run('validate', good, '--quiet', bad1);
  assert.equal(flag.code, 2, 'an unknown option is a mistake, not a pass');
  assert.match(flag.err, /--quiet/);
  assert.doesNotMatch(flag.out, /valid/);
});

test('declaration takes --format=md as --format md, names a misspelt option, and a flag before the file leaves it a file', () => {
  assert.match(run('declaration', good, '--format=md').out, /^### /m);
  const typo = run('declaration', good, '--fromat', 'md');
  assert.equal(typo.code, 2);
  assert.match(typo.err, /--fromat/);
  const first = run('declaration', '--no-style', good);
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /Biscuit Stats/);
  assert.doesNotMatch(first.out, /<style>/);
});

test('-o - is standard output, not a file named "-"', () => {
  assert.match(run('declaration', good, '-o', '-').out, /Biscuit Stats/);
  assert.match(run('schema', '-o', '-').out, /"\$schema"/);
  assert.equal(existsSync(join(tmp, '-')), false);
});

test('a file that cannot be written is one line naming it, exit 1, and bundle leaves nothing half-written', () => {
  const dir = join(tmp, 'a-folder');
  mkdirSync(dir);
  for (const args of [['declaration', good, '-o', dir], ['schema', '-o', dir], ['bundle', good, '-o', dir]]) {
    const r = run(...args);
    assert.equal(r.code, 1, args.join(' '));
    assert.match(r.err, /cannot write .*a-folder/);
    noStack(r.err);
  }
  assert.deepEqual(
    readdirSync(tmp).filter((f) => f.startsWith('consentry-')),
    [],
    'no texts file beside the folder',
  );
});

test('bundle and declaration never write over the configuration they read, nor into the package dist/', () => {
  const copy = file('copy.json', readFileSync(good, 'utf8'));
  for (const cmd of ['bundle', 'declaration']) {
    const r = run(cmd, copy, '-o', copy);
    assert.equal(r.code, 2, cmd);
    assert.match(r.err, /is the configuration itself/);
    assert.equal(readFileSync(copy, 'utf8'), readFileSync(good, 'utf8'), `${cmd} left the configuration as it was`);
  }
  const baked = join(root, 'dist', 'consentry.baked.js');
  const before = readFileSync(baked, 'utf8');
  const r = run('bundle', good, '-o', baked);
  assert.equal(r.code, 2);
  assert.equal(readFileSync(baked, 'utf8'), before);
});

test('--help on every command prints its usage on standard output, exit 0', () => {
  for (const cmd of ['validate', 'bundle', 'schema', 'add', 'scan', 'declaration', 'reference']) {
    const r = run(cmd, '--help');
    assert.equal(r.code, 0, `${cmd}: ${r.err}`);
    assert.match(r.out, new RegExp(`consentry ${cmd}`), cmd);
    assert.ok(r.out.length < 2000, `${cmd} --help is its usage, not its output`);
  }
});

test('scan reads a --config with a byte order mark as validate does, and checks --report before it starts a browser', () => {
  const bom = file('bom.json', '\uFEFF' + readFileSync(good, 'utf8'));
  assert.equal(run('validate', bom).code, 0);
  const dir = join(tmp, 'report-folder');
  mkdirSync(dir, { recursive: true });
  const r = run('scan', 'http://127.0.0.1:9/', '--pages', '1', '--config', bom, '--report', dir);
  assert.equal(r.code, 2);
  assert.doesNotMatch(r.err, /not valid JSON/);
  assert.match(r.err, /cannot write .*report-folder: it is a folder/);
  noStack(r.err);
});
