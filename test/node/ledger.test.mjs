// The ledger's HTTP behaviour on its default store, an SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createRateLimiter } from '../../ledger/ratelimit.mjs';
import { uaFamily } from '../../ledger/ua.mjs';
import { ledgerSuite } from './helpers/ledger-suite.mjs';

const dir = mkdtempSync(join(tmpdir(), 'consentry-ledger-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

ledgerSuite('SQLite', async () => ({ db: join(dir, `ledger-${n++}.db`) }));

describe('rate limit allowance', () => {
  test('a limited client may post again once time has refilled its allowance, and Retry-After says when', () => {
    let t = 0;
    const limiter = createRateLimiter({ rate: 60, now: () => t });
    for (let i = 0; i < 60; i++) assert.equal(limiter.take('203.0.113.9').ok, true);
    const denied = limiter.take('203.0.113.9');
    assert.deepEqual(denied, { ok: false, retryAfter: 1 });
    assert.equal(limiter.take('203.0.113.10').ok, true, 'other clients are unaffected');
    t += 1000;
    assert.equal(limiter.take('203.0.113.9').ok, true);
    assert.equal(limiter.take('203.0.113.9').ok, false);
    limiter.close();
  });
});

describe('browser family', () => {
  const cases = {
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36': 'Chrome',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0': 'Edge',
    'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0': 'Firefox',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1': 'Safari',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1': 'Chrome',
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)': 'Bot',
    'curl/8.5.0': 'Other',
  };
  for (const [ua, family] of Object.entries(cases)) {
    test(`is ${family} for ${ua.slice(0, 70)}`, () => assert.equal(uaFamily(ua), family));
  }
});
