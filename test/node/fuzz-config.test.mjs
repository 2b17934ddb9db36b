// Random and adversarial configurations through the validator and the loader's resolve()
// (seeded, so a failure names a case that can be replayed; bounded in runs and time).
// The same generator feeds the loader in Chromium: test/browser/harden-fuzz.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { validate, resolve, schema, LIMITS } from '../../dist/validate.mjs';
import { configText, dangerousKeys, httpOrRelative, urlFields } from '../support/fuzz-configs.mjs';

const SEED = 20261130;
const opts = { seed: SEED, numRuns: 400, interruptAfterTimeLimit: 20000 };

/** Every own key anywhere in `v`. */
function* keys(v) {
  if (!v || typeof v != 'object') return;
  for (const k of Object.keys(v)) {
    yield k;
    yield* keys(v[k]);
  }
}

test('validate never throws, on any configuration, and names each problem by its path', () => {
  fc.assert(
    fc.property(configText, (text) => {
      const errors = validate(JSON.parse(text));
      assert.ok(Array.isArray(errors));
      for (const e of errors) assert.ok(typeof e == 'string' && e.includes(': '), e);
    }),
    opts,
  );
});

test('validate never throws on values JSON cannot even carry', () => {
  const cyclic = { revision: 1, ui: {} };
  cyclic.ui.layout = cyclic;
  for (const v of [undefined, Symbol('x'), 10n, () => 1, Object.create(null), cyclic, { revision: 1n }, { revision: 1, mode: { default: Symbol('x') } }, new Proxy({}, {})])
    assert.doesNotThrow(() => validate(v), String(typeof v));
});

test('what the loader keeps of a configuration (resolve after validate) has only http(s) or relative URLs, safe cookie attributes and no "__proto__"', () => {
  fc.assert(
    fc.property(configText, (text) => {
      const raw = JSON.parse(text);
      const errors = validate(raw);
      const { config, error } = resolve(raw, errors);
      assert.equal(error, errors[0] || null);
      for (const [path, u] of urlFields(config)) if (u) assert.ok(httpOrRelative(u), `${path}: ${JSON.stringify(u)} reaches the page`);
      assert.match(config.cookie.name, /^[\w.-]{1,64}$/);
      assert.match(config.cookie.domain, /^(\.?[a-z0-9-]+(\.[a-z0-9-]+)*)?$/);
      for (const k of keys(config)) assert.notEqual(k, '__proto__');
      for (const c of config.categories) assert.equal(typeof c.id, 'string');
      for (const v of config.vendors) assert.ok(config.categories.some((c) => c.id == v.category));
      if (!errors.length) for (const k of keys(raw)) assert.ok(!dangerousKeys.slice(0, 1).includes(k));
    }),
    opts,
  );
});

test('a configuration validate accepts stays within every limit the ledger enforces', () => {
  fc.assert(
    fc.property(configText, (text) => {
      const raw = JSON.parse(text);
      if (validate(raw).length) return;
      const cats = raw.categories || [1, 2, 3, 4];
      assert.ok(cats.length <= LIMITS.categories && (raw.vendors || []).length <= LIMITS.vendors);
    }),
    opts,
  );
});

test('every language code validate accepts is one Intl accepts too (the dialog formats its dates with it)', () => {
  const tag = new RegExp(schema().properties.texts.propertyNames.pattern);
  fc.assert(
    fc.property(fc.stringMatching(tag), (lang) => {
      assert.doesNotThrow(() => new Date(0).toLocaleString(lang), lang);
    }),
    opts,
  );
});

test('validate takes time linear in the number of vendors (about 8x for 8x the vendors, not 64x)', () => {
  const config = (n) => ({
    revision: 1,
    vendors: Array.from({ length: n }, (_, i) => ({ id: 'v' + i, name: 'Vendor ' + i, category: 'performance', hosts: [`cdn${i}.example.com`], privacyPolicyUrl: `https://example.com/${i}` })),
  });
  const time = (c) => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      validate(c);
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  const small = config(10000);
  const large = config(80000);
  // Warm both up: the first runs measure the JIT and the heap's growth, not validate.
  time(small);
  time(large);
  const ratio = time(large) / time(small);
  // Linear is ~8; quadratic (main's: 10 s for 50,000 vendors) is ~64. Generous for a busy machine.
  assert.ok(ratio < 24, `80,000 vendors take ${ratio.toFixed(1)}x the time of 10,000`);
});
