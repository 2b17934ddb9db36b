// Every configuration the demo serves passes the same check the loader and the CLI run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const { validate } = await import(pathToFileURL(join(root, 'dist', 'validate.mjs')).href);
const dir = join(root, 'demo', 'configs');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

test('the demo ships a configuration for each of its three companies', () => {
  assert.deepEqual(files.sort(), ['flockbird.json', 'nimbus.json', 'wirewell.json']);
});

for (const file of files) {
  test(`demo/configs/${file} passes validate()`, () => {
    const config = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    assert.deepEqual(validate(config), []);
  });
}

test('the demo configurations use distinct cookie names, so their pages on one origin keep separate choices', () => {
  const names = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).cookie?.name);
  assert.equal(new Set(names).size, files.length);
});
