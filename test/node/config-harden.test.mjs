// The configuration is data written by marketers: the validator treats every value as data,
// refuses what could become code or break a cookie, and agrees with the ledger on limits.
// (Browser side: test/browser/harden.test.ts; random inputs: test/node/fuzz-config.test.mjs.)
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { validate, schema, LIMITS } from '../../dist/validate.mjs';
import { createLedger } from '../../ledger/server.mjs';

const cli = join(import.meta.dirname, '../../bin/consentry.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'consentry-harden-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name, text) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};
const run = (...args) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
const schemaCheck = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema());

const vendor = (over = {}) => ({ id: 'ga', name: 'Google Analytics', category: 'performance', ...over });
const base = (over = {}) => ({ revision: 1, vendors: [vendor()], ...over });

describe('URLs: only https:, http: and relative ones', () => {
  // Each way a browser would still read a script URL: case, spaces and control characters
  // around or inside the scheme, other schemes that run or smuggle content.
  const hostile = [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' jAvAsCrIpT:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u001fjavascript:alert(1)',
    'javascript\t:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'blob:https://example.com/uuid',
    'file:///etc/passwd',
    'ftp://example.com/x',
    'about:blank',
    'mailto:x@example.com',
    'https://example.com/a b',
    ' https://example.com/',
  ];
  const fields = [
    ['policyUrl', (u) => base({ policyUrl: u })],
    ['vendors[0].privacyPolicyUrl', (u) => base({ vendors: [vendor({ privacyPolicyUrl: u })] })],
    ['vendors[0].optOutUrl', (u) => base({ vendors: [vendor({ optOutUrl: u })] })],
    ['beacon.url', (u) => base({ beacon: { url: u } })],
  ];
  for (const [field, make] of fields)
    test(`${field}: every hostile spelling is refused with the field named, by validate and by the JSON Schema`, () => {
      for (const u of hostile) {
        const errors = validate(make(u));
        assert.ok(
          errors.some((e) => e.startsWith(field + ': must')),
          `${JSON.stringify(u)} → ${errors.join(' | ') || 'accepted'}`,
        );
        assert.equal(schemaCheck(make(u)), false, `the schema accepts ${JSON.stringify(u)} in ${field}`);
      }
    });

  test('http, https, scheme-relative and relative URLs stay valid', () => {
    for (const u of ['https://example.com/cookies', 'http://example.com/', 'HTTPS://EXAMPLE.COM/', '//cdn.example.com/x', '/cookie-notice', 'cookies.html', '?page=cookies', '#cookies', '/a:b', 'javascript%3Aalert(1)', 'javascript&#58;alert(1)']) {
      assert.deepEqual(validate(base({ policyUrl: u, beacon: { url: u } })), [], u);
      assert.equal(schemaCheck(base({ policyUrl: u })), true, u);
    }
  });
});

describe('keys are data', () => {
  const names = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__proto__', '__defineGetter__', '!revision', '*l'];
  /** A configuration with `key` at one place, as JSON.parse would create it (an own "__proto__" key too). */
  const at = (place, key) => JSON.parse(place.replace('KEY', JSON.stringify(key)));
  const places = [
    '{"revision":1,KEY:{}}',
    '{"revision":1,"ui":{KEY:{}}}',
    '{"revision":1,"ui":{KEY:"bar"}}',
    '{"revision":1,"mode":{"default":"opt-in",KEY:{}}}',
    '{"revision":1,"mode":{"default":"opt-in","regions":{KEY:"opt-out"}}}',
    '{"revision":1,"cookie":{KEY:1}}',
    '{"revision":1,"beacon":{KEY:"x"}}',
    '{"revision":1,"googleConsentMode":{KEY:true}}',
    '{"revision":1,"texts":{KEY:{}}}',
    '{"revision":1,"texts":{"en":{KEY:"x"}}}',
    '{"revision":1,"categories":[{"id":"required","required":true,KEY:1}]}',
    '{"revision":1,"categories":[{"id":"a","name":{KEY:"x"}}]}',
    '{"revision":1,"vendors":[{"id":"v","name":"V","category":"performance",KEY:[]}]}',
    '{"revision":1,"vendors":[{"id":"v","name":"V","category":"performance","cookies":[{"name":"x",KEY:1}]}]}',
  ];

  test('a key named after an Object.prototype member (or a SPEC marker) never crashes validate and is reported', () => {
    for (const p of places)
      for (const k of names) {
        const config = at(p, k);
        let errors;
        assert.doesNotThrow(() => (errors = validate(config)), `${p} with ${k}`);
        // A text key is free text, so "constructor" may name one; "__proto__" and markers may not.
        if (p.includes('"en":{KEY') && /^[a-z]/i.test(k)) continue;
        assert.ok(errors.length > 0, `${p} with ${JSON.stringify(k)} passes`);
        assert.ok(errors.some((e) => e.includes(k)), `${p}: ${errors.join(' | ')}`);
      }
  });

  test('"__proto__" is an unknown field wherever a field belongs', () => {
    assert.ok(validate(at(places[0], '__proto__')).includes('__proto__: unknown field'));
    assert.ok(validate(at(places[1], '__proto__')).includes('ui.__proto__: unknown field'));
    assert.ok(validate(at(places[10], '__proto__')).includes('categories[0].__proto__: unknown field'));
  });

  test('consentry validate reports them and exits 1 (no TypeError); bundle refuses, so nothing is baked', () => {
    for (const k of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) {
      const f = file(`keys-${k}.json`, `{"revision":1,"ui":{${JSON.stringify(k)}:{}},"texts":{"en":{${JSON.stringify(k)}:"x"}}}`);
      const v = run('validate', f);
      assert.equal(v.status, 1, v.stderr);
      assert.doesNotMatch(v.stderr, /TypeError|at check/);
      assert.match(v.stderr, new RegExp(`ui\\.${k.replace(/\$/g, '\\$')}: unknown field`));
      const out = join(tmp, `keys-${k}.js`);
      const b = run('bundle', f, '-o', out);
      assert.equal(b.status, 1, b.stderr);
      assert.equal(existsSync(out), false);
    }
  });

  test('a baked configuration cannot close its <script> or set a prototype', () => {
    const out = join(tmp, 'baked', 'consentry.js');
    const f = file('baked.json', JSON.stringify(base({ texts: { en: { 'banner.title': '</script><script>alert(1)</script>\u2028' } } })));
    assert.equal(run('bundle', f, '-o', out).status, 0);
    assert.ok(readdirSync(join(tmp, 'baked')).some((f) => /^consentry-cleanup\.[0-9a-f]{8}\.js$/.test(f)), 'the cleanup chunk is copied beside the loader');
    const head = readFileSync(out, 'utf8').split('\n')[0];
    assert.doesNotMatch(head, /<\/script/i);
    assert.doesNotMatch(head, /__proto__/);
  });
});

describe('what goes into the consent cookie', () => {
  test('cookie.domain is a host or .host: no attribute can be smuggled in', () => {
    for (const d of ['127.0.0.1;Max-Age=0', 'example.com; Secure', 'a b.com', 'a=b', '.', '..example.com', 'example..com', 'exa\u0000mple.com', 'example.com\n', 'https://example.com', 'example.com/', 'EXAMPLE.COM', 'x'.repeat(254)])
      assert.ok(
        validate(base({ cookie: { domain: d } })).some((e) => e.startsWith('cookie.domain: ')),
        JSON.stringify(d),
      );
    for (const d of ['example.com', '.example.com', 'shop.example.co.uk', 'localhost', '127.0.0.1']) assert.deepEqual(validate(base({ cookie: { domain: d } })), [], d);
  });

  test('cookie.name has no ;, =, space or control character', () => {
    for (const n of ['a;b', 'a=b', 'a b', 'a\tb', 'a,b', '', 'x'.repeat(65)]) assert.ok(validate(base({ cookie: { name: n } })).some((e) => e.startsWith('cookie.name: ')), JSON.stringify(n));
  });
});

describe('regular expressions in cookie rules', () => {
  const rule = (name) => base({ vendors: [vendor({ cookies: [{ name, match: 'regex' }] })] });
  const message = (name) => validate(rule(name)).find((e) => e.startsWith('vendors[0].cookies[0].name: '));

  test('patterns that backtrack catastrophically are refused', () => {
    for (const p of [
      '^(a+)+$',
      '(a|aa)+',
      '(a*)*b',
      '^(a|a)*$',
      '(x+x+)+y',
      '(.*a){12}',
      '^(\\w+\\s?)*$',
      '^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$',
      '(a?){25}a{25}',
      'a*a*a*a*b',
      '(a)\\1',
      '(?<n>a)\\k<n>',
      '(?=a)a',
      '(?!b)a',
      '(?<=a)b',
      '(a|b|c|d|e|f|g|h)(a|b)',
      'x'.repeat(129),
    ])
      assert.match(message(p) || 'accepted', /may take seconds to match/, p);
  });

  test('the patterns real cookie rules use stay valid', () => {
    for (const p of ['^_ga_.*', '^_hj\\w+$', '^_pk_(id|ses)\\.\\d+\\.[0-9a-f]+$', '^_ga(_.*)?$', '^AMP_[0-9A-F]+$', '^_gat_UA-\\d+-\\d+$', '^(_fbp|_fbc)$', 'intercom-(id|session)-\\w+']) assert.equal(message(p), undefined, p);
  });

  test('an invalid pattern is still named as such', () => {
    assert.equal(message('('), 'vendors[0].cookies[0].name: is not a valid regular expression');
  });
});

describe('limits agree end to end', () => {
  const ids = (prefix, n, len) => Array.from({ length: n }, (_, i) => (prefix + i).padEnd(len, 'x'));
  const config = (nCats, nVendors, idLen) => {
    const cats = ids('c', nCats, idLen).map((id, i) => ({ id, required: i == 0 }));
    return { revision: LIMITS.revision, categories: cats, vendors: ids('v', nVendors, idLen).map((id) => ({ id, name: id, category: cats[1 % nCats].id })) };
  };

  test('LIMITS is exported for the ledger, and the JSON Schema carries the same bounds', () => {
    assert.equal(typeof LIMITS.vendors, 'number');
    for (const k of ['categories', 'vendors', 'id', 'url', 'lang', 'record']) assert.ok(LIMITS[k] > 0, k);
    const s = schema();
    assert.equal(s.properties.vendors.maxItems, LIMITS.vendors);
    assert.equal(s.properties.categories.maxItems, LIMITS.categories);
    assert.equal(s.properties.policyUrl.maxLength, LIMITS.url);
  });

  test('validate reports a configuration over the limits', () => {
    assert.ok(validate(config(4, 300, 8)).includes(`vendors: has more than ${LIMITS.vendors} items`));
    assert.ok(validate(config(LIMITS.categories + 1, 1, 8)).includes(`categories: has more than ${LIMITS.categories} items`));
    assert.ok(validate(base({ categories: [{ id: 'x'.repeat(LIMITS.id + 1) }] })).some((e) => e.startsWith('categories[0].id: must be a lowercase id')));
    assert.ok(validate(base({ policyUrl: 'https://example.com/' + 'a'.repeat(LIMITS.url) })).includes(`policyUrl: is longer than ${LIMITS.url} characters`));
    assert.ok(validate(base({ vendors: [vendor({ purpose: 'p'.repeat(LIMITS.text + 1) })] })).includes(`vendors[0].purpose: is longer than ${LIMITS.text} characters`));
    assert.ok(validate(base({ vendors: [vendor({ hosts: ids('h', LIMITS.list + 1, 3).map((h) => h + '.example') })] })).includes(`vendors[0].hosts: has more than ${LIMITS.list} items`));
    // Within every count, but the ids together make a record the ledger would refuse.
    assert.ok(validate(config(LIMITS.categories, LIMITS.vendors, LIMITS.id)).some((e) => /^vendors: its consent records can reach \d+ bytes/.test(e)));
  });

  test('every record of a configuration validate accepts is acknowledged by the ledger; over the limits, validate says so first', async () => {
    const ledger = await createLedger({ port: 0, db: join(tmp, 'ledger.db'), rate: 0, logger: { info() {}, error() {} } });
    try {
      /** The largest record the loader can make for `c`: every id, the longest page URL and language. */
      const post = (c, n) =>
        fetch(ledger.url + '/api/consent', {
          method: 'POST',
          headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
          body: JSON.stringify({
            v: 1,
            id: crypto.randomUUID(),
            ts: new Date(Date.now() - n * 1000).toISOString(),
            revision: c.revision,
            categories: Object.fromEntries(c.categories.map((x) => [x.id, false])),
            vendors: Object.fromEntries(c.vendors.map((x) => [x.id, false])),
            method: 'opt-out-default',
            signals: { gpc: false, dnt: false },
            url: ('https://example.com/' + 'p'.repeat(LIMITS.url)).slice(0, LIMITS.url),
            lang: 'zzz-Zzzz-419', // the longest tag validate's language pattern admits
          }),
        }).then((r) => r.status);
      const cases = [config(4, 300, 8), config(4, LIMITS.vendors, 8), config(LIMITS.categories, LIMITS.vendors, 30), config(LIMITS.categories, LIMITS.vendors, 40), config(2, 100, LIMITS.id), config(2, 150, LIMITS.id), config(LIMITS.categories + 1, 10, 8)];
      let accepted = 0;
      for (const [i, c] of cases.entries()) {
        const errors = validate(c);
        const status = await post(c, i);
        if (!errors.length) {
          accepted++;
          assert.equal(status, 204, `validate accepts ${c.categories.length} categories and ${c.vendors.length} vendors, the ledger answers ${status}`);
        } else assert.ok(errors.some((e) => /^(vendors|categories): /.test(e)), errors.join(' | '));
      }
      assert.ok(accepted >= 3, 'some configurations at the limits are accepted');
    } finally {
      await ledger.close();
    }
  });
});
