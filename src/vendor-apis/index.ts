/**
 * Vendors' own consent switches (docs/ad-tech.md): a tag that loads without being
 * told "denied" assumes yes. Each vendor with `consentApi` gets its default once
 * per queue, before its first request: when the configuration is known and, for
 * a queue a snippet creates later, when the gate first meets the vendor's URL
 * (the snippets below create their queue before they give their script a URL).
 * The default goes to the front of a queue the vendor has not read yet, as the
 * vendors document it ("before init"): the snippet's own calls may be queued
 * already when the configuration arrives. Updates go out in the same task as the visitor's click, before the gate
 * releases what the click allowed.
 */
import type { ConsentApi, ResolvedConfig, Vendor } from '../types';
import type { Allowed } from '../decision';

const w = window as any;
const G = 'granted';
const D = 'denied';

interface Switch {
  /** The vendor's queue: found, or created when the vendor's snippet keeps one it finds (`w.x = w.x || …`). */
  q(): any;
  /** Tells the vendor its state: `on` for the vendor, `now` for the categories, `first` for the default. */
  s(q: any, on: boolean, now: Allowed, first: boolean, decided: boolean): void;
  /** Moves the call just queued to the front, while the vendor's script has not read its queue. */
  f?(q: any): void;
}

/** The last of a plain queue first (a loaded vendor's queue is no array any more). */
const front = (a: any, n = 1) => Array.isArray(a) && a.unshift(...a.splice(-n));

const cat = (now: Allowed, id: string) => now.categories[id] === true;

const SWITCHES: Record<ConsentApi, Switch> = {
  // Meta's snippet returns early when fbq exists: it is never created here, only found.
  meta: { q: () => w.fbq, s: (q, on) => q('consent', on ? 'grant' : 'revoke'), f: (q) => q.callMethod || front(q.queue) },
  // UET's snippet keeps an existing uetq (w[u]=w[u]||[]).
  // Its queue is flat: one call is three items.
  uet: { q: () => (w.uetq = w.uetq || []), s: (q, on, _, first) => q.push('consent', first ? 'default' : 'update', { ad_storage: on ? G : D }), f: (q) => front(q, 3) },
  // Clarity's snippet keeps an existing clarity function, so this stub queues exactly like its own.
  clarity: {
    q: () =>
      (w.clarity =
        w.clarity ||
        function () {
          // eslint-disable-next-line prefer-rest-params
          (w.clarity.q = w.clarity.q || []).push(arguments);
        }),
    s: (q, on, now) => q('consentv2', { ad_Storage: on && cat(now, 'advertising') ? G : D, analytics_Storage: on ? G : D }),
    f: (q) => front(q.q),
  },
  // TikTok's snippet keeps an existing ttq array and queues [method, …args] in it until its methods exist.
  tiktok: {
    q: () => (w.ttq = w.ttq || []),
    s: (q, on, _, first, decided) => {
      const m = on ? 'grantConsent' : first && !decided ? 'holdConsent' : 'revokeConsent';
      q[m] ? q[m]() : q.push([m]);
    },
    f: front,
  },
  // Pinterest's snippet returns early when pintrk exists: found, never created.
  pinterest: { q: () => w.pintrk, s: (q, on) => q('setconsent', on), f: (q) => front(q.queue) },
  // Shopify's storefront API, when the page has it: loaded through Shopify.loadFeatures if needed.
  shopify: {
    q: () => w.Shopify && (w.Shopify.customerPrivacy || w.Shopify.loadFeatures) && w.Shopify,
    s: (S, _, now) => {
      const set = () =>
        S.customerPrivacy.setTrackingConsent(
          { analytics: cat(now, 'performance'), marketing: cat(now, 'advertising'), preferences: cat(now, 'functional'), sale_of_data: cat(now, 'advertising') },
          () => {},
        );
      if (S.customerPrivacy) set();
      else S.loadFeatures([{ name: 'consent-tracking-api', version: '0.1' }], (e: unknown) => e || set());
    },
  },
};

/** Queues that have had their default. */
const told = new Set<unknown>();

function each(config: ResolvedConfig, fn: (v: Vendor, sw: Switch) => void) {
  for (const v of config.vendors)
    if (v.consentApi)
      try {
        fn(v, SWITCHES[v.consentApi]);
      } catch (e) {
        // The vendor's function is the page's or its snippet's: one that throws must not stop the
        // decision (its record, the gate, the events), Consentry's start or the other vendors.
        console.error(`[consentry] ${v.consentApi} consent call failed: ${e}`);
      }
}

/** Defaults for every vendor (`id` absent) or the vendor `id`, once per queue. */
export function vendorDefaults(config: ResolvedConfig, now: Allowed, decided: unknown, id?: string) {
  each(config, (v, sw) => {
    if (id && id != v.id) return;
    const q = sw.q();
    if (q && !told.has(q)) told.add(q), sw.s(q, now.vendors[v.id] === true, now, true, !!decided), sw.f && sw.f(q);
  });
}

/** Every vendor whose queue exists hears the new state; the others get it as their default later. */
export function vendorUpdate(config: ResolvedConfig, now: Allowed) {
  each(config, (v, sw) => {
    const q = sw.q();
    if (q) {
      const first = !told.has(q);
      told.add(q);
      sw.s(q, now.vendors[v.id] === true, now, first, true);
      if (first && sw.f) sw.f(q);
    }
  });
}
