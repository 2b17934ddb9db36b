/**
 * What records a decision: the decision itself, the cookie, the record for the ledger. Only a
 * page where a decision is made (or records wait for the ledger) needs it, so the loader fetches it
 * as the decision chunk (decide-chunk.ts); the ES module imports it.
 */
export { acceptAll, apply, decision, newId } from './decision';
export { clear, write } from './store';
export { flush, pageUrl, send } from './beacon';
