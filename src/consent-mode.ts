/**
 * Google Consent Mode v2 through `window.dataLayer`, pushed exactly as gtag.js's
 * `function gtag(){dataLayer.push(arguments)}` does: Google's tags read an
 * Arguments object there as a command, and a plain array as nothing.
 */
import type { Mode, ResolvedConfig } from './types';
import { readSignals } from './signals';
import { defaults, type Allowed } from './decision';

const push = (x: unknown) => {
  try {
    ((window as any).dataLayer ||= []).push(x);
  } catch (e) {
    // A page's dataLayer that is no array (`window.dataLayer = {}`) must not stop Consentry's start or a decision.
    console.error('[consentry] Consent Mode: window.dataLayer.push failed: ' + e);
  }
};
function gtag(..._: any[]) {
  push(arguments);
}

/**
 * Our categories as Google's consent types. `now` holds only the site's own
 * categories, so one the site does not have reads as denied.
 */
function types(now: Allowed) {
  const [f, p, a] = ['functional', 'performance', 'advertising'].map((id) => (now.categories[id] ? 'granted' : 'denied'));
  return {
    ad_storage: a,
    ad_user_data: a,
    ad_personalization: a,
    analytics_storage: p,
    functionality_storage: f,
    personalization_storage: f,
    security_storage: 'granted',
  };
}

/**
 * Pushes `consent default` before any gated tag can run (denied unless `now`
 * allows it), and, when something is already allowed (a returning visitor, an
 * opt-out region), the matching `update` too, so GTM triggers see it on load.
 * Where the page cannot tell the region (no data-region), the
 * configuration's region rules become region-scoped defaults (`region: [...]`,
 * one per mode), so Google's own geolocation applies each region's mode; a
 * stored decision (`decided`) then always sends its update, which outranks them.
 * `early` is the default the loader pushed before the configuration was checked, if any.
 * `later`: a decision follows at once (an opt-out region's first view records its default), and
 * its update is the one: two would fire a GTM trigger on `consentry_update` twice.
 */
export function consentDefault(config: ResolvedConfig, now: Allowed, region?: string | null, decided?: unknown, early?: unknown, later?: boolean) {
  const o = config.googleConsentMode;
  if (!o) return;
  const dl: unknown[] = ((window as any).dataLayer ||= []);
  // The loader's early default (config.ts preDefault) gives way to this one while Google's library
  // has not read the queue; once it has, the update below corrects it wherever it was too strict.
  const i = early ? [].indexOf.call(dl, early as never) : -1;
  if (i >= 0 && dl.push == [].push) dl.splice(i, 1);
  const before = dl.length;
  const wait = { wait_for_update: o.waitForUpdate ?? 500 };
  const regions = config.mode.regions;
  let scoped = false;
  for (const mode of ['opt-in', 'opt-out'] as Mode[]) {
    const list = Object.keys(regions).filter((r) => regions[r] == mode);
    if (!region && list.length) (scoped = true), gtag('consent', 'default', { ...types(defaults(config, mode, readSignals())), ...wait, region: list });
  }
  gtag('consent', 'default', { ...types(now), ...wait });
  if (o.adsDataRedaction) gtag('set', 'ads_data_redaction', true);
  if (o.urlPassthrough) gtag('set', 'url_passthrough', true);
  // security_storage is always granted: a second grant means the visitor's state allows something.
  if (!later && ((scoped && decided) || Object.values(types(now)).filter((x) => x[0] == 'g')[1])) consentUpdate(config, now);
  // The page's own gtag('js')/gtag('config') (or GTM's snippet) may have queued commands while this
  // chunk downloaded. Google reads the queue in order and wants the default first: while its
  // library has not taken the queue over (it replaces `push`), ours go to the front.
  if (before && dl.push == [].push) dl.unshift(...dl.splice(before));
}

/** Pushes `consent update`, then a `consentry_update` event for GTM triggers. */
export function consentUpdate(config: ResolvedConfig, now: Allowed) {
  if (!config.googleConsentMode) return;
  gtag('consent', 'update', types(now));
  push({ event: 'consentry_update', consentry: { categories: { ...now.categories }, vendors: { ...now.vendors } } });
}
