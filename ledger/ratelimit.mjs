import { createHash, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';

// Token bucket per client: `rate` tokens a minute, with bursts up to `rate`.
// Clients are keyed by a salted hash of their address; the salt lives only in this
// process, so the keys cannot be reversed by brute-forcing the small IPv4 space.

/**
 * The part of an address that names one client. An IPv6 host is normally given a whole /64
 * (RFC 6177), so it can pick any of 2^64 addresses: counting per address would give it 2^64
 * allowances. IPv4-mapped IPv6 (`::ffff:192.0.2.1`) is the IPv4 client it maps.
 * @param {string} address
 * @returns {string}
 */
export function clientKey(address) {
  const bare = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped && isIP(mapped[1]) === 4) return mapped[1];
  if (isIP(bare) !== 6) return bare;
  return `${expandV6(bare).slice(0, 4).join(':')}::/64`;
}

/** @param {string} a a valid IPv6 address → its eight groups, lowercase, without leading zeros */
function expandV6(a) {
  let s = a.toLowerCase();
  // A trailing dotted IPv4 part is two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (v4) {
    const [b0, b1, b2, b3] = v4.slice(1).map(Number);
    s = `${s.slice(0, v4.index)}${((b0 << 8) | b1).toString(16)}:${((b2 << 8) | b3).toString(16)}`;
  }
  const [head, tail] = s.includes('::') ? s.split('::') : [s, null];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === null ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.map((g) => parseInt(g, 16).toString(16));
}

/**
 * @param {{rate: number, now?: () => number, maxClients?: number}} opts rate 0 disables the limit
 */
export function createRateLimiter({ rate, now = Date.now, maxClients = 100_000 }) {
  const salt = randomBytes(16);
  /** @type {Map<string, {tokens: number, at: number}>} */
  const buckets = new Map();
  const perMs = rate / 60_000;

  const keyOf = (address) => createHash('sha256').update(salt).update(clientKey(address)).digest('base64url').slice(0, 22);

  // Full buckets carry no information, so they are dropped instead of growing the map forever.
  function sweep(t) {
    for (const [k, b] of buckets) if (b.tokens + (t - b.at) * perMs >= rate) buckets.delete(k);
  }

  /** The bucket for `address`, refilled to now. */
  function bucket(address) {
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
    return b;
  }

  const denied = (b) => ({ ok: /** @type {false} */ (false), retryAfter: Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000)) });

  /**
   * Takes one token for `address`.
   * @param {string} address
   * @returns {{ok: true} | {ok: false, retryAfter: number}} retryAfter in whole seconds
   */
  function take(address) {
    if (!rate) return { ok: true };
    const b = bucket(address);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true };
    }
    return denied(b);
  }

  /**
   * Whether `address` has a token left, without taking it.
   * @param {string} address
   * @returns {{ok: true} | {ok: false, retryAfter: number}}
   */
  function check(address) {
    if (!rate) return { ok: true };
    const b = bucket(address);
    return b.tokens >= 1 ? { ok: true } : denied(b);
  }

  const timer = setInterval(() => sweep(now()), 60_000);
  timer.unref();
  return { take, check, close: () => clearInterval(timer), get size() { return buckets.size; } };
}
