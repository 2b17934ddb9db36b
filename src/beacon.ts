/**
 * Sends each decision to the ledger. A record stays in a bounded localStorage
 * queue until the endpoint answers 2xx, and the queue is sent again on the
 * next page load; the ledger is idempotent on (id, ts), so a record sent twice
 * is stored once.
 */
import type { ConsentRecord } from './types';

const KEY = 'consentry:queue';
/** Enough for a visitor who changes their mind often while the endpoint is down. */
const MAX = 20;

function load(): ConsentRecord[] {
  try {
    const q = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(q) ? q : [];
  } catch {
    return [];
  }
}

function save(q: ConsentRecord[]) {
  try {
    if (q.length) localStorage.setItem(KEY, JSON.stringify(q.slice(-MAX)));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage full or blocked: the record still goes out once, it just cannot wait for a retry.
  }
}

const same = (a: ConsentRecord, b: ConsentRecord) => a.id == b.id && a.ts == b.ts;

/** Resolves true once the endpoint acknowledged the record with 2xx, false if it could not. */
function post(url: string, r: ConsentRecord): Promise<boolean> {
  const body = JSON.stringify(r);
  // A text/plain body is a "simple" request: no CORS preflight, and sendBeacon accepts it.
  try {
    return fetch(url, { method: 'POST', body, keepalive: true, headers: { 'Content-Type': 'text/plain;charset=UTF-8' } }).then(
      (res) => {
        if (res.ok) save(load().filter((q) => !same(q, r)));
        return res.ok;
      },
      () => false,
    );
  } catch {
    // fetch refused the keepalive request (too large, or too many in flight): hand it to
    // sendBeacon, but keep it queued since sendBeacon cannot tell us it arrived.
    navigator.sendBeacon && navigator.sendBeacon(url, body);
    return Promise.resolve(false);
  }
}

/** Queues and sends a record. */
export function send(url: string, r: ConsentRecord): Promise<boolean> {
  save(load().concat(r));
  return post(url, r);
}

/** Sends again what earlier pages could not deliver. */
export function flush(url: string) {
  for (const r of load()) post(url, r);
}

/** The page's origin and path: a query string or fragment can carry personal data. */
export const pageUrl = () => location.origin + location.pathname;
