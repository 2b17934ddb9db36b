/**
 * Where the configuration comes from (baked into the loader, an inline JSON
 * element, or `data-config`) and how its defaults are filled in.
 */
import type { Category, Config, ResolvedCategory, ResolvedConfig } from './types';
import { sum } from './sum';
import { RELEASE } from './release';

/** The fields whose fields fall back one by one (see resolve). */
const PARTS = ['beacon', 'cookie', 'mode', 'googleConsentMode', 'ui', 'texts'];
const DEFAULT_CATEGORIES: Category[] = [{ id: 'required', required: true }, { id: 'functional' }, { id: 'performance' }, { id: 'advertising' }];

export interface Loaded {
  config: ResolvedConfig;
  /** The first problem found, or null when the configuration is valid. */
  error: string | null;
}

/**
 * Fills in defaults. A field that `errors` (validate's messages) names falls
 * back to its default (in `PARTS`, only the sub-field named), so a broken file still shows the visitor a banner with
 * what was right in it (texts, links), and nothing downstream ever meets a
 * shape it does not expect: every configuration is validated before this
 * (the CLI's `bundle`, the loader's check of a fetched or inline file, the ES
 * module's `init`). The caller fails closed on `error` and allows nothing but
 * required categories.
 */
export function resolve(input: unknown, errors: string[] = []): Loaded {
  // A copy (the caller's object stays as it was); spreading null, a number or an array is harmless,
  // and such a configuration failed validation at its root anyway.
  const c: Record<string, any> = { ...(input as object) };
  for (const e of errors) {
    const [top, sub] = e.split(/[:[]/)[0].split('.');
    const o = c[top];
    // In an object whose fields are each optional, only the bad field goes: a bad beacon.waitMs
    // keeps beacon.url (the decisions are still recorded), a bad cookie.expiresDays the name.
    if (PARTS.includes(top) && sub && o && typeof o == 'object' && {}.hasOwnProperty.call(o, sub)) delete (c[top] = { ...o })[sub];
    else delete c[top];
  }
  const cats = (c.categories || DEFAULT_CATEGORIES).map(
    (x: Category): ResolvedCategory => ({
      ...x,
      required: !!x.required,
      // Advertising honours both signals unless the configuration says otherwise.
      signals: x.signals || (x.id == 'advertising' ? ['gpc', 'dnt'] : []),
    }),
  );
  const gcm = c.googleConsentMode;
  return {
    error: errors[0] || null,
    config: {
      ...(c as Config),
      revision: c.revision || 0,
      policyUrl: c.policyUrl || '',
      mode: { default: 'opt-in', regions: {}, ...c.mode },
      categories: cats,
      // Categories with a problem fall back to the defaults: their vendors go with them.
      vendors: (c.vendors || []).filter((v: { category: string }) => cats.some((x: ResolvedCategory) => x.id == v.category)),
      cookie: { name: 'consentry', expiresDays: 182, domain: '', ...c.cookie },
      beacon: { url: '', waitMs: 800, ...c.beacon },
      googleConsentMode: gcm === true ? {} : gcm || null,
      // With an error, the vendors (and their hosts) may be gone: the gate holds every third party (fail closed).
      autoBlock: errors.length ? { unknownHosts: 'block' } : { unknownHosts: 'allow', ...c.autoBlock },
      texts: c.texts || {},
      // The widget fills in its own defaults (widget/core.ts).
      ui: c.ui || {},
    },
  };
}

export type Validator = (config: unknown) => string[];

/** Where the loader remembers the digest of the last configuration text that passed the check. */
const CHECKED = 'consentry:checked';
/** And whether that configuration turns Consent Mode on ('1' or ''). */
const GCM = 'consentry:gcm';

/**
 * The Consent Mode default pushed before the configuration is checked (loadConfig), so the
 * chunk's precise one (consent-mode.ts) can take its place.
 */
export let preDefault: unknown;
// The release is part of it: a new validator checks every configuration once more.
const digest = (text: string) => RELEASE + sum(text) + text.length.toString(36);

/**
 * Reads the configuration: the one `consentry bundle` baked in (validated when
 * it was baked, unless `checkBaked`: the ES module's `init({ config })`), else
 * the inline `#consentry-config` element, else the `data-config` URL, checked
 * by `validator`. A text that passed the check on an earlier page view (same
 * digest) is not checked again, so a returning visitor does not download the
 * validator; a changed text is, and until it passes nothing but required
 * categories runs. On a visitor's first view the validator is fetched in
 * parallel with the configuration.
 */
export async function loadConfig(
  baked: unknown,
  url: string | null,
  validator: () => Promise<Validator>,
  checkBaked?: boolean,
): Promise<Loaded> {
  if (baked) return resolve(baked, checkBaked ? (await validator())(baked) : []);
  const inline = document.getElementById('consentry-config');
  let known: string | null = null;
  // Google's tags must meet a Consent Mode default before they run, and an ungated one right
  // after the loader runs before any check or chunk is in. So when the inline configuration (not
  // yet checked) or the last one that passed the check turns Consent Mode on, Google's four
  // types are denied at once (`preDefault`); the precise default replaces it (consent-mode.ts).
  try {
    if (inline ? JSON.parse(inline.textContent as string).googleConsentMode : localStorage.getItem(GCM)) {
      const d = 'denied';
      ((window as any).dataLayer ||= []).push(
        (preDefault = (function (..._: unknown[]) {
          return arguments;
        })('consent', 'default', { ad_storage: d, ad_user_data: d, ad_personalization: d, analytics_storage: d, wait_for_update: 500 })),
      );
    }
    known = localStorage.getItem(CHECKED);
  } catch {
    // Storage blocked, the inline text no JSON (the check below says so) or a dataLayer no array.
  }
  const early = known ? null : validator();
  // Awaited only after the configuration arrives: until then its failure is nobody's uncaught error.
  if (early) early.catch(() => {});
  try {
    let text = inline && inline.textContent;
    if (!inline) {
      if (!url) throw new Error('no data-config, no #consentry-config');
      const res = await fetch(url);
      if (!res.ok) throw new Error('HTTP ' + res.status);
      text = await res.text();
    }
    const raw = JSON.parse(text as string);
    const d = digest(text as string);
    if (d == known) return resolve(raw);
    const errors = (await (early || validator()))(raw);
    if (!errors.length)
      try {
        localStorage.setItem(CHECKED, d);
        localStorage.setItem(GCM, raw.googleConsentMode ? '1' : '');
      } catch {
        // Storage blocked: the check simply runs again on the next page.
      }
    return resolve(raw, errors);
  } catch (e) {
    return resolve({}, [`(root): the configuration ${inline ? 'in #consentry-config' : url || ''} could not be read: ${(e as Error).message}`]);
  }
}
