import { createHash, randomBytes } from 'node:crypto';

// Token bucket per client: `rate` records a minute, with bursts up to `rate`.
// Clients are keyed by a salted hash of their address; the salt lives only in this
// process, so the keys cannot be reversed by brute-forcing the small IPv4 space.

/**
 * @param {{rate: number, now?: () => number, maxClients?: number}} opts rate 0 disables the limit
 */
export function createRateLimiter({ rate, now = Date.now, maxClients = 100_000 }) {
  const salt = randomBytes(16);
  /** @type {Map<string, {tokens: number, at: number}>} */
  const buckets = new Map();
  const perMs = rate / 60_000;

  const keyOf = (address) => createHash('sha256').update(salt).update(address).digest('base64url').slice(0, 22);

  // Full buckets carry no information, so they are dropped instead of growing the map forever.
  function sweep(t) {
    for (const [k, b] of buckets) if (b.tokens + (t - b.at) * perMs >= rate) buckets.delete(k);
  }

  /**
   * Takes one token for `address`.
   * @param {string} address
   * @returns {{ok: true} | {ok: false, retryAfter: number}} retryAfter in whole seconds
   */
  function take(address) {
    if (!rate) return { ok: true };
    const t = now();
    const key = keyOf(address);
    let b = buckets.get(key);
    if (!b) {
      if (buckets.size >= maxClients) sweep(t);
      b = { tokens: rate, at: t };
      buckets.set(key, b);
    }
    b.tokens = Math.min(rate, b.tokens + (t - b.at) * perMs);
    b.at = t;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000)) };
  }

  const timer = setInterval(() => sweep(now()), 60_000);
  timer.unref();
  return { take, close: () => clearInterval(timer), get size() { return buckets.size; } };
}
