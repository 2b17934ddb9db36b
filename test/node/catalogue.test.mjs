// The vendor catalogue: every entry is a vendor the SDK's own validator accepts, no host belongs to
// two vendors, and the lookups the CLI and the scanner rely on find the right entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as catalogue from '../../catalogue/index.mjs';
import { lookups } from '../../catalogue/lookup.mjs';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const { validate, SPEC } = await import(pathToFileURL(join(root, 'dist', 'validate.mjs')).href);
const { vendors, KINDS, toConfigVendor, byId, search, vendorForHost, vendorForCookie, suggest } = catalogue;
const CATEGORIES = ['required', 'functional', 'performance', 'advertising'];

test('every entry validates as a vendor of a configuration, with the SDK validator', () => {
  for (const v of vendors) assert.deepEqual(validate({ revision: 1, vendors: [toConfigVendor(v)] }), [], v.id);
  // And all of them together: one configuration may hold the whole catalogue.
  assert.deepEqual(validate({ revision: 1, vendors: vendors.map(toConfigVendor) }), []);
});

test('ids are unique, and every category is one of the four and every kind a known one', () => {
  assert.equal(new Set(vendors.map((v) => v.id)).size, vendors.length);
  for (const v of vendors) {
    assert.ok(CATEGORIES.includes(v.category), `${v.id}: category ${v.category}`);
    assert.ok(KINDS.includes(v.kind), `${v.id}: kind ${v.kind}`);
  }
});

test('entries hold only configuration fields and `kind`, an English purpose, and hosts or cookies to recognise them by', () => {
  const allowed = [...catalogue.CONFIG_FIELDS, 'kind'];
  for (const v of vendors) {
    for (const k of Object.keys(v)) assert.ok(allowed.includes(k), `${v.id}: unknown field ${k}`);
    assert.equal(typeof v.purpose?.en, 'string', `${v.id}: purpose.en`);
    // A bot manager's cookies come from the site's own edge servers: no host of its own.
    assert.ok(v.hosts?.length || v.cookies?.length, `${v.id}: hosts or cookies`);
    if (v.hosts) assert.ok(v.hosts.length, `${v.id}: an empty hosts list`);
  }
});

test('at least 120 vendors, and every kind of service is represented', () => {
  assert.ok(vendors.length >= 120, `${vendors.length} vendors`);
  for (const kind of KINDS) assert.ok(vendors.some((v) => v.kind === kind), kind);
});

test("the configuration fields are exactly the validator's vendor fields", () => {
  const fields = Object.keys(SPEC.vendors[0]).map((k) => k.replace(/^!/, ''));
  assert.deepEqual([...catalogue.CONFIG_FIELDS].sort(), fields.sort());
});

test('every link is https', () => {
  for (const v of vendors)
    for (const k of ['privacyPolicyUrl', 'optOutUrl'])
      if (v[k] !== undefined) assert.equal(new URL(v[k]).protocol, 'https:', `${v.id}.${k}: ${v[k]}`);
  for (const v of vendors) assert.ok(v.privacyPolicyUrl, `${v.id}: privacyPolicyUrl`);
});

test('no host is claimed by two vendors, not even through a wildcard', () => {
  const claims = vendors.flatMap((v) => (v.hosts || []).map((h) => [h, v.id]));
  const covers = (a, b) => a === b || (a.startsWith('*.') && (b === a.slice(2) || b.endsWith(a.slice(1))));
  for (const [a, va] of claims)
    for (const [b, vb] of claims) if (va !== vb) assert.ok(!covers(a, b), `${a} (${va}) covers ${b} (${vb})`);
});

test('no cookie rule is declared by two vendors, and every pattern compiles', () => {
  const seen = new Map();
  for (const v of vendors)
    for (const c of v.cookies || []) {
      const key = `${c.match || 'exact'}:${c.name}`;
      assert.ok(!seen.has(key), `${key} in ${v.id} and ${seen.get(key)}`);
      seen.set(key, v.id);
      if (c.match === 'regex') new RegExp(c.name);
    }
});

test('entries are frozen, and toConfigVendor returns an independent copy without catalogue fields', () => {
  const entry = byId('google-analytics');
  assert.ok(Object.isFrozen(entry) && Object.isFrozen(entry.hosts));
  const v = toConfigVendor(entry);
  assert.equal(v.kind, undefined);
  assert.equal(v.id, 'google-analytics');
  v.hosts.push('evil.example');
  assert.ok(!entry.hosts.includes('evil.example'));
});

test("the package exports it as consentry/catalogue, with its data as consentry/catalogue/vendors.json", async () => {
  assert.equal((await import('consentry/catalogue')).vendors, vendors);
  const { createRequire } = await import('node:module');
  assert.equal(createRequire(import.meta.url).resolve('consentry/catalogue/vendors.json'), join(root, 'catalogue', 'vendors.json'));
});

test('byId finds an entry regardless of case, and null for an unknown id', () => {
  assert.equal(byId('Hotjar').name, 'Hotjar');
  assert.equal(byId('no-such-vendor'), null);
});

test('search matches id, name, kind and host, best match first', () => {
  assert.equal(search('hotjar')[0].id, 'hotjar');
  assert.equal(search('Google Analytics')[0].id, 'google-analytics');
  assert.ok(search('video').some((v) => v.id === 'youtube'));
  assert.ok(search('licdn').some((v) => v.id === 'linkedin-insight'));
  assert.deepEqual(search('zzzz-nothing'), []);
  assert.equal(search('').length, vendors.length);
});

test('vendorForHost: exact hosts, wildcards (with the bare domain), URLs, ports; null for others', () => {
  assert.equal(vendorForHost('www.googletagmanager.com').id, 'google-tag-manager');
  assert.equal(vendorForHost('region1.google-analytics.com').id, 'google-analytics');
  assert.equal(vendorForHost('google-analytics.com').id, 'google-analytics');
  assert.equal(vendorForHost('https://static.hotjar.com/c/hotjar-1.js?sv=6').id, 'hotjar');
  assert.equal(vendorForHost('WWW.YOUTUBE.COM:443').id, 'youtube');
  assert.equal(vendorForHost('googleads.g.doubleclick.net').id, 'google-ads');
  assert.equal(vendorForHost('example.com'), null);
  assert.equal(vendorForHost('notgoogle-analytics.com'), null);
  assert.equal(vendorForHost(''), null);
});

test('vendorForCookie: exact before prefix, the longest prefix, then regex; null for unknown names', () => {
  assert.equal(vendorForCookie('_ga').vendor.id, 'google-analytics');
  assert.deepEqual(vendorForCookie('_ga').cookie, { name: '_ga', duration: '2 years' });
  assert.equal(vendorForCookie('_ga_ABC123').cookie.name, '_ga_');
  assert.equal(vendorForCookie('_hjSessionUser_42').vendor.id, 'hotjar');
  assert.equal(vendorForCookie('session'), null);
  const own = lookups([
    { id: 'a', hosts: ['a.example'], cookies: [{ name: 'x_', match: 'prefix' }, { name: '^x_\\d+$', match: 'regex' }] },
    { id: 'b', hosts: ['b.example'], cookies: [{ name: 'x_long_', match: 'prefix' }, { name: 'x_1' }] },
  ]);
  assert.equal(own.vendorForCookie('x_1').vendor.id, 'b'); // exact
  assert.equal(own.vendorForCookie('x_long_thing').vendor.id, 'b'); // longest prefix
  assert.equal(own.vendorForCookie('x_2').cookie.match, 'prefix'); // prefix before regex
  const rx = lookups([{ id: 'c', hosts: ['c.example'], cookies: [{ name: '^_pk_(id|ses)\\.', match: 'regex' }] }]);
  assert.equal(rx.vendorForCookie('_pk_id.1.abcd').vendor.id, 'c');
  assert.equal(rx.vendorForCookie('_pk_ref.1.abcd'), null);
});

test('suggest offers close ids for a typo or another name', () => {
  assert.deepEqual(suggest('google-analytic').slice(0, 1), ['google-analytics']);
  assert.ok(suggest('hotjr').includes('hotjar'));
  assert.ok(suggest('facebook').includes('meta-pixel'));
});
