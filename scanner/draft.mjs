// The draft configuration (`--out`): the site's configuration as given, plus every vendor the
// scan found in the catalogue, plus one vendor "unclassified" holding the third-party hosts
// nobody knows. It validates, so it can go live as it is: the unclassified hosts then sit in
// the most restrictive category the site has, held back until the visitor allows it, until
// someone finds out who they are. docs/scanner.md explains how to review a draft.
import { hostMatches } from '../catalogue/lookup.mjs';
import { DEFAULT_CATEGORIES } from './classify.mjs';

/** Names sites give the catalogue's four categories, most common first. */
const SYNONYMS = {
  functional: ['functional', 'functionality', 'preferences', 'preference', 'personalisation', 'personalization'],
  performance: ['performance', 'analytics', 'statistics', 'measurement'],
  advertising: ['advertising', 'marketing', 'targeting', 'ads'],
};
export const UNCLASSIFIED = 'unclassified';
const HOST = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/; // PATTERNS.h in src/validate.ts

/** The non-required category that gives the visitor the most say: advertising, or the last one listed. */
function strictest(categories) {
  const open = categories.filter((c) => !c.required);
  return (open.find((c) => SYNONYMS.advertising.includes(c.id)) || open[open.length - 1] || categories[0]).id;
}

/** The site's category for a catalogue category: the same id, a synonym, else the strictest. */
export function mapCategory(id, categories) {
  if (categories.some((c) => c.id == id)) return id;
  if (id == 'required') {
    const r = categories.find((c) => c.required);
    if (r) return r.id;
  }
  for (const name of SYNONYMS[id] || []) if (categories.some((c) => c.id == name)) return name;
  return strictest(categories);
}

/**
 * The draft.
 * @param {object} result what analyse() returned
 * @param {object} o
 * @param {object|null} o.config the site's configuration, kept as it is
 * @param {object|null} o.catalogue the catalogue module (byId, toConfigVendor)
 * @param {(c: object) => string[]} o.validate the configuration check
 * @returns {{ config: object, added: string[], unclassified: string[] }}
 */
export function draftConfig(result, { config, catalogue, validate }) {
  const draft = config ? JSON.parse(JSON.stringify(config)) : { $schema: './node_modules/consentry/consentry.schema.json', revision: 1 };
  const categories = draft.categories || DEFAULT_CATEGORIES;
  const vendors = (draft.vendors = draft.vendors || []);
  const taken = (id) => vendors.some((v) => v.id == id) || categories.some((c) => c.id == id);
  const added = [];

  for (const found of result.vendors) {
    if (found.source != 'catalogue' || taken(found.id)) continue;
    const entry = catalogue && catalogue.byId ? catalogue.byId(found.id) : null;
    const vendor = entry && catalogue.toConfigVendor ? catalogue.toConfigVendor(entry) : { id: found.id, name: found.name || found.id, category: found.category };
    vendor.category = mapCategory(vendor.category || found.category, categories);
    // Hosts the page used that the entry does not list (a wildcard covers most; this catches the rest).
    const hosts = (vendor.hosts = vendor.hosts || []);
    for (const h of found.hosts) if (HOST.test(h) && !hosts.some((p) => hostMatches(p, h))) hosts.push(h);
    if (!hosts.length) delete vendor.hosts;
    vendors.push(vendor);
    added.push(vendor.id);
  }

  const unknown = result.unclassified.hosts.map((h) => h.host).filter((h) => HOST.test(h));
  if (unknown.length) {
    let holder = vendors.find((v) => v.id == UNCLASSIFIED);
    if (!holder) {
      let id = UNCLASSIFIED;
      for (let n = 2; taken(id); n++) id = `${UNCLASSIFIED}-${n}`;
      holder = {
        id,
        name: 'Unclassified (found by consentry scan)',
        category: strictest(categories),
        purpose: 'Third-party hosts the scan found that no vendor declares and the catalogue does not know. Until you move each to a vendor of its own (or remove its tag), they wait for this category.',
        hosts: [],
      };
      vendors.push(holder);
    }
    holder.hosts = holder.hosts || [];
    for (const h of unknown) if (!holder.hosts.includes(h)) holder.hosts.push(h);
  }

  const problems = validate(draft);
  // The draft is built to validate; a problem here is a bug in the scanner or the catalogue.
  if (problems.length) throw new Error(`the draft configuration does not validate: ${problems.slice(0, 3).join('; ')}`);
  return { config: draft, added, unclassified: unknown };
}
