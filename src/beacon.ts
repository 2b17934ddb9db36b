/**
 * Sends each decision to the ledger. A record stays in a bounded localStorage
 * queue until the endpoint answers 2xx, and the queue is sent again on the
 * next page load; the ledger is idempotent on (id, ts), so a record sent twice
 * is stored once.
 *
 * The queue is untrusted input: other scripts, extensions and older versions
 * write to localStorage too. What is not a record the ledger could take is
 * dropped on reading, never sent and never thrown over; a record the ledger
 * refuses for good (400, 409, 413) is dropped too, so nothing is sent forever; a
 * record refused only because it is dated ahead of the ledger's clock waits.
 */
import type { ConsentRecord } from './types';
import { LIMITS } from './limits';
import { METHODS } from './store';

/** Where records wait for the ledger until it acknowledges them. */
export const KEY = 'consentry:queue';

const bools = (o: any) => Object.keys(o).every((k) => o[k] === !!o[k]);

/**
 * Whether a queued entry has a record's shape: version, id, method, and maps of booleans.
 * The ledger checks the rest (and bounds): what it refuses for good leaves the queue then.
 */
function record(r: any): boolean {
  try {
    return r.v === 1 && r.id && METHODS.includes(r.method) && [r.categories, r.vendors, r.signals].every(bools);
  } catch {
    // null where an object belongs, and the like
    return false;
  }
}

function load(): ConsentRecord[] {
  try {
    // Not an array (or unreadable storage) throws: no queue. Whatever size it has, the next
    // save() writes back only records, within LIMITS.queue and LIMITS.queueBytes.
    return JSON.parse(localStorage.getItem(KEY) || '[]').filter(record);
  } catch {
    return [];
  }
}

function save(q: ConsentRecord[]) {
  q = q.slice(-LIMITS.queue);
  // Over the byte bound, the oldest records go first (characters stand in for bytes).
  while (JSON.stringify(q).length > LIMITS.queueBytes) q.shift();
  try {
    if (q.length) localStorage.setItem(KEY, JSON.stringify(q));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage full or blocked: the record still goes out once, it just cannot wait for a retry.
  }
}

/** Characters (bytes: a record is ASCII) of keepalive bodies in flight; browsers refuse one over 64 KiB in all. */
let inFlight = 0;

/**
 * Resolves true once the endpoint acknowledged the record with 2xx, false if it could not;
 * never rejects. (fetch never throws either: every failure is a rejection.) A new decision goes
 * out with keepalive, so leaving the page does not cancel it, while the browsers' keepalive
 * quota has room (sendBeacon shares it); past that, and for an earlier page's records (`keep`
 * false: they go out again on the next page), as a plain request, which the quota does not refuse.
 */
const post = (url: string, r: ConsentRecord, keep = true): Promise<boolean> => {
  const body = JSON.stringify(r);
  const n = (keep = keep && inFlight + body.length < 6e4) ? body.length : 0;
  inFlight += n;
  // A text/plain body is a "simple" request: no CORS preflight.
  return fetch(url, { method: 'POST', body, keepalive: keep, headers: { 'Content-Type': 'text/plain;charset=UTF-8' } })
    .then(async (res) => {
      // 400, 409 (another record is stored under its id and ts) and 413: the ledger will never take
      // this record, so it leaves the queue too. Except a
      // 400 on `ts` (this device's clock is ahead of the ledger's): the ledger takes it once its
      // own time has caught up, on a later page, so it waits like a record the network lost. (A `ts`
      // before 2020, from a clock far behind, is refused for good.) A record is its (id, ts), as in the ledger.
      if (res.ok || res.status == 413 || res.status == 409 || (res.status == 400 && ((await res.json().catch(() => 0)).field != 'ts' || r.ts < '2020'))) save(load().filter((q) => q.id != r.id || q.ts != r.ts));
      return res.ok;
    })
    .catch(() => false)
    .finally(() => (inFlight -= n));
};

/** Queues and sends a record. */
export function send(url: string, r: ConsentRecord): Promise<boolean> {
  save(load().concat(r));
  return post(url, r);
}

/** Sends again what earlier pages could not deliver; what is not a record leaves the queue now. */
export function flush(url: string) {
  const q = load();
  save(q);
  for (const r of q) post(url, r, false);
}

/** The page's origin and path: a query string or fragment can carry personal data. */
export const pageUrl = () => (location.origin + location.pathname).slice(0, LIMITS.url);
