// Who a host, a cookie or a storage key belongs to. The site's own configuration is asked
// first (the site owner knows best), then the built-in catalogue; what neither knows is
// first party (the site itself) or unclassified. Consentry's own traces (its loader, beacon,
// consent cookie and record queue) belong to it and are always required.
import { getDomain } from 'tldts';
// The catalogue's matchers read hosts and cookie rules exactly as the loader's gate and cleanup do.
import { cookieMatches, hostMatches } from '../catalogue/lookup.mjs';

/** The categories a configuration without `categories` has (contract §3). */
export const DEFAULT_CATEGORIES = [{ id: 'required', required: true }, { id: 'functional' }, { id: 'performance' }, { id: 'advertising' }];
/** localStorage key of Consentry's queue of unsent consent records (src/beacon.ts). */
const QUEUE_KEY = 'consentry:queue';

/**
 * The site a host belongs to: its registrable domain ("shop.example.co.uk"), as browsers
 * draw the first/third-party line. IP addresses and single-label hosts are their own site.
 */
export function siteOf(host) {
  const h = String(host).toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  return getDomain(h, { allowPrivateDomains: true }) || h;
}

/** The catalogue module's answers, whichever of the documented shapes they come in. */
function catalogueLookups(catalogue) {
  const entryOf = (r) => (r && r.vendor && typeof r.vendor == 'object' ? r.vendor : r) || null;
  return {
    host: (host) => (catalogue && catalogue.vendorForHost ? entryOf(catalogue.vendorForHost(host)) : null),
    cookie: (name) => (catalogue && catalogue.vendorForCookie ? entryOf(catalogue.vendorForCookie(name)) : null),
  };
}

/**
 * A classifier for one scan.
 * @param {object} o
 * @param {string} o.url the start URL: its site is the first party
 * @param {object|null} o.config the site's configuration (already validated)
 * @param {object|null} o.catalogue the catalogue module (vendorForHost, vendorForCookie)
 * @param {object} [o.shared] what classifiers of one scan share: `own` (Consentry's URLs) and `names` (vendor names by id)
 */
export function classifier({ url, config, catalogue, shared = { own: new Set(), names: new Map() } }) {
  const first = siteOf(new URL(url).hostname);
  const categories = (config && config.categories) || DEFAULT_CATEGORIES;
  const vendors = (config && config.vendors) || [];
  const consentCookie = (config && config.cookie && config.cookie.name) || 'consentry';
  const lookup = catalogueLookups(catalogue);
  /** URL prefixes that serve Consentry itself on this site (its files, its configuration, the ledger): learnt from the pages. */
  const ownUrls = shared.own;

  /** Prefixes of Consentry's own URLs (see addOwnUrl). */
  const addOwnUrl = (u, base) => {
    try {
      const x = new URL(u, base);
      if (x.protocol == 'http:' || x.protocol == 'https:') ownUrls.add(x.origin + x.pathname);
    } catch {}
  };
  // The ledger that receives the consent records is Consentry's too.
  if (config && config.beacon && config.beacon.url) addOwnUrl(config.beacon.url, url);

  const requiredCategory = (id) => {
    const c = categories.find((x) => x.id == id);
    return c ? !!c.required : id == 'required';
  };
  /** Vendor names by id, as the classifications met them. */
  const names = shared.names.set('consentry', 'Consentry');
  const fromConfig = (v) => (names.set(v.id, v.name), { vendor: v.id, category: v.category, source: 'config' });
  const fromCatalogue = (e) => (names.has(e.id) || names.set(e.id, e.name), { vendor: e.id, category: e.category, source: 'catalogue' });
  const consentry = { vendor: 'consentry', category: 'required', source: 'consentry' };
  const none = { vendor: null, category: null, source: null };

  function host(h) {
    h = h.toLowerCase();
    const party = siteOf(h) == first ? 'first' : 'third';
    const v = vendors.find((x) => (x.hosts || []).some((p) => hostMatches(p.toLowerCase(), h)));
    if (v) return { ...fromConfig(v), party };
    const e = lookup.host(h);
    if (e) return { ...fromCatalogue(e), party };
    return { ...(party == 'first' ? { ...none, source: 'first-party' } : none), party };
  }

  /** A request: Consentry's own files and records by URL, anything else by its host. */
  function request(url) {
    const u = new URL(url);
    const clean = u.origin + u.pathname;
    for (const p of ownUrls) if (clean.startsWith(p)) return { ...consentry, party: siteOf(u.hostname) == first ? 'first' : 'third' };
    return host(u.hostname);
  }

  /**
   * A cookie by name, and where its domain says it lives. A third-party cookie no vendor
   * names by its name belongs to whoever owns its domain.
   */
  function cookie(name, domain) {
    const d = String(domain || '').replace(/^\./, '').toLowerCase();
    const party = !d || siteOf(d) == first ? 'first' : 'third';
    const v = vendors.find((x) => (x.cookies || []).some((c) => cookieMatches(c, name)));
    if (v) return { ...fromConfig(v), party };
    if (name == consentCookie && party == 'first') return { ...consentry, party };
    const e = lookup.cookie(name);
    if (e) return { ...fromCatalogue(e), party };
    if (party == 'third') {
      const byHost = host(d);
      if (byHost.vendor) return { ...byHost, party };
    }
    return { ...(party == 'first' ? { ...none, source: 'first-party' } : none), party };
  }

  /** Storage keys follow cookie names (vendors use the same names for both), then the frame's origin. */
  function storage(key, origin) {
    let h = '';
    try {
      h = new URL(origin).hostname;
    } catch {}
    const party = !h || siteOf(h) == first ? 'first' : 'third';
    if (key == QUEUE_KEY && party == 'first') return { ...consentry, party };
    const byName = cookie(key, h);
    if (byName.vendor) return { ...byName, party };
    return host(h || 'invalid');
  }

  /**
   * Whether a classified thing counts as non-required: it belongs to a vendor whose
   * category is not required, or nobody claims it and it is a third party's.
   */
  const nonRequired = (c) => (c.vendor ? !requiredCategory(c.category) : c.party == 'third');

  return {
    firstParty: first,
    categories,
    requiredCategory,
    nonRequired,
    host,
    request,
    cookie,
    storage,
    nameOf: (id) => names.get(id) || id,
    /**
     * Tells the classifier where Consentry itself is served on this site: the loader's folder
     * (its chunks load from beside it) and the beacon URL. Matched as URL prefixes, so a
     * shared CDN host stays other vendors' too.
     */
    addOwnUrl,
  };
}
