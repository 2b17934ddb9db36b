// The configuration's three faces agree: the runtime check (validate), the JSON
// Schema that ships with the package, and the CLI that marketers run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { validate, schema, reference } from '../../dist/validate.mjs';

const cli = join(import.meta.dirname, '../../bin/consentry.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'consentry-cli-'));
const file = (name, value) => {
  const p = join(tmp, name);
  writeFileSync(p, typeof value == 'string' ? value : JSON.stringify(value));
  return p;
};

const valid = {
  revision: 3,
  policyUrl: 'https://example.com/cookie-notice',
  mode: { default: 'opt-in', regions: { US: 'opt-out', 'US-CA': 'opt-in' } },
  categories: [{ id: 'required', required: true }, { id: 'functional' }, { id: 'performance' }, { id: 'advertising', signals: ['gpc', 'dnt'] }],
  vendors: [
    {
      id: 'google-analytics',
      name: 'Google Analytics',
      category: 'performance',
      purpose: { en: 'Counts visits.' },
      hosts: ['www.google-analytics.com', '*.googletagmanager.com'],
      cookies: [{ name: '_ga', match: 'prefix', duration: '2 years' }],
      dataCollected: ['pages viewed'],
      retention: '14 months',
      privacyPolicyUrl: 'https://policies.google.com/privacy',
      optOutUrl: 'https://tools.google.com/dlpage/gaoptout',
    },
  ],
  cookie: { name: 'consentry', expiresDays: 182, domain: '.example.com' },
  beacon: { url: '/api/consent', waitMs: 800 },
  googleConsentMode: { waitForUpdate: 500, adsDataRedaction: true },
  autoBlock: { unknownHosts: 'block' },
  texts: { de: { 'banner.title': 'Wir verwenden Cookies' } },
  ui: { layout: 'box', position: 'bottom-left', theme: 'dark', reopenButton: false, vendorSwitches: true },
};

/** Broken configurations, each with the message the marketer must see. */
const broken = [
  [{ ...valid, revision: -1 }, 'revision: must be a whole number from 0 to 1000000000'],
  [{ ...valid, revision: undefined }, 'revision: is required'],
  [{ ...valid, mode: { default: 'opt' } }, 'mode.default: must be one of "opt-in", "opt-out", not "opt"'],
  [{ ...valid, mode: { default: 'opt-in', regions: { usa: 'opt-out' } } }, 'mode.regions.usa: is not a region code like "US" or "US-CA"'],
  [{ ...valid, categories: [{ id: 'Ads' }] }, 'categories[0].id: must be a lowercase id (a-z, 0-9, - and _, at most 64 characters), not "Ads"'],
  [{ ...valid, categories: [{ id: 'ads', signals: ['gcp'] }] }, 'categories[0].signals[0]: must be one of "gpc", "dnt", not "gcp"'],
  [{ ...valid, vendors: [{ ...valid.vendors[0], hosts: ['https://x.com/'] }] }, 'vendors[0].hosts[0]: must be a lowercase host like "cdn.example.com" or "*.example.com", not "https://x.com/"'],
  [{ ...valid, vendors: [{ ...valid.vendors[0], name: undefined }] }, 'vendors[0].name: is required'],
  [{ ...valid, vendors: [{ ...valid.vendors[0], cookies: [{ name: '_ga', match: 'glob' }] }] }, 'vendors[0].cookies[0].match: must be one of "exact", "prefix", "regex", not "glob"'],
  [{ ...valid, cookie: { expiresDays: 0 } }, 'cookie.expiresDays: must be a whole number from 1 to 3650'],
  [{ ...valid, googleConsentMode: 'yes' }, 'googleConsentMode: must be true or false'],
  [{ ...valid, ui: { layout: 'popup' } }, 'ui.layout: must be one of "bar", "box", "modal", not "popup"'],
  // Keys that are not one word are quoted: one path, one reading.
  [{ ...valid, '': 1 }, '[""]: unknown field'],
  [{ ...valid, ui: { 'a\nb': 1 } }, 'ui["a\\nb"]: unknown field'],
  [{ ...valid, texts: { en: { 'banner.title': 5 } } }, 'texts.en["banner.title"]: must be a non-empty string'],
  [{ ...valid, colour: 'red' }, 'colour: unknown field'],
  [{ ...valid, texts: { german: {} } }, 'texts.german: is not a language code like "en" or "pt-BR"'],
];

/** What only the runtime check can see (a schema cannot say "refers to a category"; URLs are a format, which validators may skip). */
const crossField = [
  [{ ...valid, beacon: { url: 'https://[bad' } }, 'beacon.url: is not a valid URL'],
  [{ ...valid, vendors: [{ ...valid.vendors[0], category: 'ads' }] }, 'vendors[0].category: unknown category "ads"'],
  [{ ...valid, vendors: [valid.vendors[0], valid.vendors[0]] }, 'vendors[1].id: "google-analytics" is already the id of another category or vendor'],
  [{ ...valid, vendors: [{ ...valid.vendors[0], cookies: [{ name: '(', match: 'regex' }] }] }, 'vendors[0].cookies[0].name: is not a valid regular expression'],
];

test('a complete valid configuration passes', () => {
  assert.deepEqual(validate(valid), []);
  assert.deepEqual(validate({ revision: 1 }), []);
});

for (const [config, message] of [...broken, ...crossField])
  test(`names the problem: ${message}`, () => {
    assert.ok(validate(JSON.parse(JSON.stringify(config))).includes(message), validate(config).join('\n'));
  });

test('the shipped consentry.schema.json is the one the spec generates', () => {
  const shipped = JSON.parse(readFileSync(join(import.meta.dirname, '../../consentry.schema.json'), 'utf8'));
  assert.deepEqual(shipped, schema(), 'run `node bin/consentry.mjs schema -o consentry.schema.json`');
});

test("the README's configuration reference is the one the schema generates", () => {
  const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
  const table = /<!-- reference:start -->\n([\s\S]*?)\n<!-- reference:end -->/.exec(readme);
  assert.ok(table, 'README.md lacks the reference markers');
  assert.equal(table[1], reference(), 'run `npm run docs`');
});

test('the JSON Schema agrees with the runtime check on every example', () => {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  const check = ajv.compile(schema());
  assert.equal(check(valid), true, JSON.stringify(check.errors));
  for (const [config, message] of broken) assert.equal(check(JSON.parse(JSON.stringify(config))), false, `schema accepts what validate rejects: ${message}`);
});

test('consentry validate prints every problem with its path and exits 1', () => {
  const bad = file('bad.json', { revision: 1, vendors: [{ id: 'x', name: 'X', category: 'ads' }], mode: { default: 'opt' } });
  const r = spawnSync(process.execPath, [cli, 'validate', bad], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /bad\.json: mode\.default: must be one of "opt-in", "opt-out", not "opt"/);
  assert.match(r.stderr, /bad\.json: vendors\[0\]\.category: unknown category "ads"/);
  assert.match(r.stderr, /2 problems/);
});

test('consentry validate accepts a valid file and reports broken JSON', () => {
  assert.match(execFileSync(process.execPath, [cli, 'validate', file('ok.json', valid)], { encoding: 'utf8' }), /valid/);
  const r = spawnSync(process.execPath, [cli, 'validate', file('broken.json', '{"revision": 1,')], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /not valid JSON/);
});

test('consentry bundle bakes the checked configuration into one loader file', () => {
  const out = join(tmp, 'public', 'consentry.js');
  execFileSync(process.execPath, [cli, 'bundle', file('site.json', valid), '-o', out]);
  const js = readFileSync(out, 'utf8');
  assert.ok(js.startsWith('self.__consentryConfig={"revision":3'));
  assert.ok(js.length > 1000);
  // Consent Mode is on in this configuration: its chunk rides in the same file.
  assert.match(js, /__consentMode=/);
  assert.ok(readdirSync(join(tmp, 'public')).some((f) => /^consentry-widget\.[0-9a-f]{8}\.js$/.test(f)), 'the widget chunk is copied beside the loader');
  const r = spawnSync(process.execPath, [cli, 'bundle', file('bad2.json', { revision: 'x' }), '-o', join(tmp, 'no.js')], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /revision: must be a whole number/);
});
