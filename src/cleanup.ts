/** INTERFACE ONLY — being replaced by cookie cleanup (issue 3). */
import type { Vendor } from './types';

/** Deletes the first-party cookies that these (now denied) vendors declare. */
export function deleteCookies(vendors: Vendor[]) {}
