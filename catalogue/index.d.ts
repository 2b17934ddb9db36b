// Types of the vendor catalogue module (catalogue/index.mjs), for `import … from 'consentry/catalogue'`.
import type { Vendor, VendorCookie } from '../dist/esm/index.js';

/** The kind of service a catalogue entry is. */
export type Kind = 'analytics' | 'advertising' | 'social' | 'video' | 'chat' | 'ab-testing' | 'tag-manager' | 'maps' | 'payment' | 'security' | 'other';

/** A catalogue entry: a Consentry vendor plus the kind of service it is. */
export interface Entry extends Vendor {
  kind: Kind;
}

/** Every entry, frozen. */
export declare const vendors: readonly Readonly<Entry>[];
export declare const KINDS: readonly Kind[];
/** The configuration fields an entry carries (toConfigVendor keeps these). */
export declare const CONFIG_FIELDS: readonly string[];

export declare function byId(id: string): Readonly<Entry> | null;
/** Entries whose id, name, kind or host contains the query. */
export declare function search(query: string): Readonly<Entry>[];
/** The entry declaring this host (exact, or under a `*.` wildcard), or null. */
export declare function vendorForHost(host: string): Readonly<Entry> | null;
/** The entry and cookie rule that name this cookie (exact, then the longest prefix, then regex), or null. */
export declare function vendorForCookie(name: string): { vendor: Readonly<Entry>; cookie: Readonly<VendorCookie> } | null;
/** Up to `n` ids close to an unknown one. */
export declare function suggest(query: string, n?: number): string[];
/** A configuration's vendor from an entry: a deep copy without the catalogue's own fields. */
export declare function toConfigVendor(entry: Entry): Vendor;
/** The host of a URL or host string, lowercased; empty when it has none. */
export declare function hostOf(input: string): string;
export declare function hostMatches(pattern: string, host: string): boolean;
export declare function cookieMatches(rule: VendorCookie, name: string): boolean;
