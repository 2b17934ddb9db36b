// The vendor catalogue (vendors.json) for Node: the CLI's `consentry add`, the scanner and tests.
// Not part of the loader or any browser chunk. Entries are frozen: copy one with toConfigVendor().
import { readFileSync } from 'node:fs';
import { lookups, toConfigVendor, hostOf, hostMatches, cookieMatches, CONFIG_FIELDS } from './lookup.mjs';

const freeze = (v) => {
  if (v && typeof v == 'object') for (const k of Object.keys(v)) freeze(v[k]);
  return Object.freeze(v);
};

/** Every catalogue entry: a Consentry vendor object plus `kind`. */
export const vendors = freeze(JSON.parse(readFileSync(new URL('./vendors.json', import.meta.url), 'utf8')));

export const { byId, search, vendorForHost, vendorForCookie, suggest } = lookups(vendors);

/** The kinds of service an entry can be. */
export const KINDS = ['analytics', 'advertising', 'social', 'video', 'chat', 'ab-testing', 'tag-manager', 'maps', 'payment', 'security', 'other'];

export { toConfigVendor, hostOf, hostMatches, cookieMatches, CONFIG_FIELDS };
