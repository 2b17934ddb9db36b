/**
 * How big a configuration, a consent record and the loader's stored state may
 * grow: the one source that the validator (validate.ts, and so the JSON Schema
 * and the README), the loader (store, beacon) and the ledger read, so that a
 * configuration `consentry validate` accepts never produces a record the
 * ledger refuses. Plain data with no imports, so any of them can load it
 * (`import { LIMITS } from "consentry/dist/validate.mjs"` in Node).
 */
export const LIMITS = {
  /** Categories in a configuration, and so keys of a record's `categories`. */
  categories: 64,
  /** Vendors in a configuration, and so keys of a record's `vendors`. */
  vendors: 256,
  /** Characters of a category or vendor id. */
  id: 64,
  /** Items of any other list: a vendor's hosts, cookies and data collected, a category's signals. */
  list: 64,
  /** Languages in `texts`, and keys per language. */
  texts: 64,
  /** Characters of any text a visitor may see (names, purposes, texts, durations). */
  text: 4000,
  /** Characters of a URL: those in the configuration, and the page URL a record carries. */
  url: 2048,
  /** Characters of a host name (DNS allows 253). */
  host: 253,
  /** Characters of a record's language tag. */
  lang: 35,
  /** Bytes of one consent record as sent: the ledger's request body limit. */
  record: 16384,
  /** Characters of a cookie rule's regular expression. */
  pattern: 128,
  /** Cookie names longer than this are not tried against a regular expression. */
  cookieName: 256,
  /** Undelivered records the browser keeps, by count and by bytes. */
  queue: 20,
  queueBytes: 65536,
  /** Highest configuration revision. */
  revision: 1000000000,
} as const;
