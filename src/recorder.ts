/**
 * What records a decision: the decision itself, the cookie, the record for the ledger (core.ts).
 * It is part of the loader, so an API call applies in the task that makes it. (From 0.2's
 * development it was a chunk fetched when a decision changed: a returning visitor's
 * `set(); location.reload()` then lost the choice.)
 */
export { acceptAll, apply, decision, newId } from './decision';
export { clear, write } from './store';
export { flush, pageUrl, send } from './beacon';
