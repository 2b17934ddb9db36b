// `consentry add`: catalogue vendors into a configuration, run as a marketer would run it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from '../../dist/validate.mjs';
import { byId, toConfigVendor } from '../../catalogue/index.mjs';

const cli = join(import.meta.dirname, '../../bin/consentry.mjs');
const fresh = () => mkdtempSync(join(tmpdir(), 'consentry-add-'));
const run = (cwd, ...args) => {
  const r = spawnSync(process.execPath, [cli, 'add', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const read = (p) => JSON.parse(readFileSync(p, 'utf8'));

test('creates ./consentry.json when there is none, with the vendors from the catalogue, valid', () => {
  const dir = fresh();
  const r = run(dir, 'google-analytics', 'meta-pixel', 'youtube');
  assert.equal(r.code, 0, r.err);
  const config = read(join(dir, 'consentry.json'));
  assert.deepEqual(validate(config), []);
  assert.deepEqual(config.vendors.map((v) => v.id), ['google-analytics', 'meta-pixel', 'youtube']);
  assert.deepEqual(config.vendors[0], toConfigVendor(byId('google-analytics')));
  assert.equal(config.vendors[0].kind, undefined, 'catalogue-only fields stay out');
  assert.match(r.out, /created .*consentry\.json: 3 vendors, valid/);
});

test('adds to an existing file, keeping its other fields, its vendors and its indentation', () => {
  const dir = fresh();
  const own = { id: 'our-chat', name: 'Our chat', category: 'functional', hosts: ['chat.example.com'] };
  const file = join(dir, 'site.json');
  writeFileSync(file, JSON.stringify({ revision: 4, policyUrl: '/cookies', vendors: [own], ui: { layout: 'box' } }, null, '\t'));
  const r = run(dir, 'hotjar', '--config', 'site.json');
  assert.equal(r.code, 0, r.err);
  const config = read(file);
  assert.equal(config.revision, 4);
  assert.deepEqual(config.ui, { layout: 'box' });
  assert.deepEqual(config.vendors.map((v) => v.id), ['our-chat', 'hotjar']);
  assert.match(readFileSync(file, 'utf8'), /\n\t"revision": 4/);
  assert.deepEqual(validate(config), []);
});

test('never overwrites a vendor the file already has, unless --force', () => {
  const dir = fresh();
  const mine = { ...toConfigVendor(byId('youtube')), purpose: { en: 'Our product videos.' } };
  const file = join(dir, 'consentry.json');
  writeFileSync(file, JSON.stringify({ revision: 1, vendors: [mine] }, null, 2));
  let r = run(dir, 'youtube');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /youtube: kept yours/);
  assert.equal(read(file).vendors[0].purpose.en, 'Our product videos.');
  r = run(dir, 'youtube', '--force');
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(read(file).vendors, [toConfigVendor(byId('youtube'))]);
  // Adding the same vendor again changes nothing.
  const before = readFileSync(file, 'utf8');
  r = run(dir, 'youtube');
  assert.equal(r.code, 0);
  assert.match(r.out, /already there, unchanged[\s\S]*nothing to change/);
  assert.equal(readFileSync(file, 'utf8'), before);
});

test('an unknown id fails with close matches and changes nothing, even when other ids are known', () => {
  const dir = fresh();
  const file = join(dir, 'consentry.json');
  writeFileSync(file, '{"revision":1}');
  const r = run(dir, 'hotjar', 'google-analytic', 'facebok');
  assert.equal(r.code, 1);
  assert.match(r.err, /no vendor "google-analytic".*did you mean google-analytics/);
  assert.match(r.err, /no vendor "facebok".*meta-pixel/);
  assert.equal(readFileSync(file, 'utf8'), '{"revision":1}');
  assert.ok(!existsSync(join(fresh(), 'consentry.json')));
});

test('refuses a file that is not JSON or already invalid, and leaves it as it was', () => {
  const dir = fresh();
  const file = join(dir, 'consentry.json');
  writeFileSync(file, '{"revision": 1,');
  let r = run(dir, 'hotjar');
  assert.equal(r.code, 1);
  // Worded as `consentry validate` words it: where the file stops being JSON.
  assert.match(r.err, /consentry\.json: \(root\): not valid JSON: line 1, column 16: /);
  writeFileSync(file, '{"revision": "2"}');
  r = run(dir, 'hotjar');
  assert.equal(r.code, 1);
  assert.match(r.err, /revision: must be a whole number[\s\S]*fix it first, nothing was changed/);
  assert.equal(readFileSync(file, 'utf8'), '{"revision": "2"}');
});

test("refuses a vendor whose category the file's own categories lack, and says what to do", () => {
  const dir = fresh();
  const file = join(dir, 'consentry.json');
  const text = JSON.stringify({ revision: 1, categories: [{ id: 'required', required: true }, { id: 'marketing' }] });
  writeFileSync(file, text);
  const r = run(dir, 'google-analytics');
  assert.equal(r.code, 1);
  assert.match(r.err, /vendors\[0\]\.category: unknown category "performance"/);
  assert.match(r.err, /add the missing one to "categories"/);
  assert.equal(readFileSync(file, 'utf8'), text);
});

test('notes hosts another vendor of the file already claims', () => {
  const dir = fresh();
  writeFileSync(join(dir, 'consentry.json'), JSON.stringify({ revision: 1, vendors: [{ id: 'dc', name: 'DC', category: 'advertising', hosts: ['*.doubleclick.net'] }] }));
  const r = run(dir, 'google-ads');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /note: hosts shared .*googleads\.g\.doubleclick\.net \(also dc: \*\.doubleclick\.net\)/);
});

test('writes into another folder with --config, and lists or searches the catalogue with --list', () => {
  const dir = fresh();
  mkdirSync(join(dir, 'public'));
  let r = run(dir, '--config', 'public/consentry.json', 'stripe,paypal');
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(read(join(dir, 'public', 'consentry.json')).vendors.map((v) => v.id), ['stripe', 'paypal']);
  r = run(dir, '--list', 'maps');
  assert.equal(r.code, 0);
  assert.match(r.out, /google-maps\s+maps\s+functional\s+Google Maps/);
  assert.match(r.out, /\d+ vendors/);
});

test('--config in folders that do not exist yet creates them and the file', () => {
  const dir = fresh();
  const r = run(dir, 'hotjar', '--config', 'sub/deeper/new.json');
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(read(join(dir, 'sub', 'deeper', 'new.json')).vendors.map((v) => v.id), ['hotjar']);
  assert.match(r.out, /created sub\/deeper\/new\.json: 1 vendor, valid/);
  assert.deepEqual(readdirSync(join(dir, 'sub', 'deeper')), ['new.json'], 'no temporary file left');
});

test('a file it cannot write ends in one line naming the file and the cause, exit 1, no stack trace', () => {
  const dir = fresh();
  writeFileSync(join(dir, 'blocker'), 'a file, not a folder');
  const r = run(dir, 'hotjar', '--config', 'blocker/new.json');
  assert.equal(r.code, 1);
  assert.match(r.err, /^consentry add: cannot write blocker\/new\.json: E[A-Z]+/);
  assert.equal(r.err.trimEnd().split('\n').length, 1, r.err);
  assert.equal(readFileSync(join(dir, 'blocker'), 'utf8'), 'a file, not a folder');
});

test('usage mistakes exit 2', () => {
  const dir = fresh();
  assert.equal(run(dir).code, 2);
  assert.equal(run(dir, 'hotjar', '--config').code, 2);
  assert.equal(run(dir, 'hotjar', '--bogus').code, 2);
  assert.ok(!existsSync(join(dir, 'consentry.json')));
});
