// The configuration of issue 15's signals (gpp, vendors[].consentApi): the runtime check names
// each problem by its path, and the shipped JSON Schema agrees with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { validate, schema } from '../../dist/validate.mjs';

const base = { revision: 1, vendors: [{ id: 'meta-pixel', name: 'Meta Pixel', category: 'advertising', consentApi: 'meta' }] };
const check = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema());

test('gpp: true, or the full options object, and every consentApi name are valid', () => {
  const full = { sections: ['usnat', 'usca', 'usmn'], notices: { privacy: true, sale: false, sharing: true, targetedAdvertising: true }, mspa: { covered: true, mode: 'service-provider' }, cmpId: 300, cmpVersion: 2 };
  for (const gpp of [true, false, {}, full]) {
    assert.deepEqual(validate({ ...base, gpp }), [], JSON.stringify(gpp));
    assert.ok(check({ ...base, gpp }), JSON.stringify(gpp));
  }
  for (const api of ['meta', 'uet', 'clarity', 'tiktok', 'pinterest', 'shopify']) {
    const c = { revision: 1, vendors: [{ id: 'v', name: 'V', category: 'advertising', consentApi: api }] };
    assert.deepEqual(validate(c), [], api);
    assert.ok(check(c), api);
  }
});

for (const [what, config, message] of [
  ['an unknown section', { gpp: { sections: ['usnat', 'tcfeuv2'] } }, 'gpp.sections[1]: must be one of "usnat", "usca"'],
  ['a state section Consentry does not fill', { gpp: { sections: ['usmd'] } }, 'gpp.sections[0]: must be one of'],
  ['an MSPA mode', { gpp: { mspa: { covered: true, mode: 'both' } } }, 'gpp.mspa.mode: must be one of "opt-out", "service-provider", not "both"'],
  ['a notice that is no boolean', { gpp: { notices: { sale: 'yes' } } }, 'gpp.notices.sale: must be true or false'],
  ['a CMP id out of range', { gpp: { cmpId: -1 } }, 'gpp.cmpId: must be a whole number from 0 to 4095'],
  ['an unknown gpp field', { gpp: { tcf: true } }, 'gpp.tcf: unknown field'],
  ['gpp as a string', { gpp: 'on' }, 'gpp: must be true or false'],
  ['an unknown consentApi', { vendors: [{ id: 'x', name: 'X', category: 'advertising', consentApi: 'linkedin' }] }, 'vendors[0].consentApi: must be one of "meta"'],
])
  test(`names the problem: ${what}`, () => {
    const c = { ...base, ...config };
    const errors = validate(c);
    assert.ok(errors.some((e) => e.startsWith(message)), errors.join('\n'));
    assert.equal(check(c), false, 'the JSON Schema refuses it too');
  });
