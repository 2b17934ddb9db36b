/** INTERFACE ONLY — being replaced by Google Consent Mode v2 (issue 3). */
import type { ResolvedConfig } from './types';
import type { Allowed } from './decision';

/** Pushes `consent default` before any gated tag can run. */
export function consentDefault(config: ResolvedConfig, now: Allowed) {}
/** Pushes `consent update` for a decision (and on load for a returning visitor). */
export function consentUpdate(config: ResolvedConfig, now: Allowed) {}
