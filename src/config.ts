/**
 * Where the configuration comes from (baked into the loader, an inline JSON
 * element, or `data-config`) and how its defaults are filled in.
 */
import type { Category, Config, ResolvedCategory, ResolvedConfig } from './types';
import { sum } from './store';
import { RELEASE } from './release';

const DEFAULT_CATEGORIES: Category[] = [{ id: 'required', required: true }, { id: 'functional' }, { id: 'performance' }, { id: 'advertising' }];
const isObj = (v: unknown): v is Record<string, any> => !!v && typeof v == 'object' && !Array.isArray(v);

export interface Loaded {
  config: ResolvedConfig;
  /** The first problem found, or null when the configuration is valid. */
  error: string | null;
}

/**
 * Fills in defaults. Tolerates invalid input (it keeps what it can read) so
 * that a broken file still shows the visitor a banner; the caller fails closed
 * on `error` and allows nothing but required categories.
 */
export function resolve(input: unknown, errors: string[] = []): Loaded {
  const c: Record<string, any> = isObj(input) ? input : {};
  const obj = (v: unknown): Record<string, any> => (isObj(v) ? v : {});
  const list = (v: unknown): any[] => (Array.isArray(v) ? v.filter((x) => isObj(x) && typeof x.id == 'string') : []);
  const cats = (list(c.categories).length ? list(c.categories) : DEFAULT_CATEGORIES).map(
    (x): ResolvedCategory => ({
      ...x,
      required: x.required === true,
      // Advertising honours both signals unless the configuration says otherwise.
      signals: Array.isArray(x.signals) ? x.signals : x.id == 'advertising' ? ['gpc', 'dnt'] : [],
    }),
  );
  const gcm = c.googleConsentMode;
  return {
    error: errors[0] || null,
    config: {
      ...(c as Config),
      revision: +c.revision || 0,
      policyUrl: c.policyUrl || '',
      mode: { default: 'opt-in', regions: {}, ...obj(c.mode) },
      categories: cats,
      vendors: list(c.vendors).filter((v) => cats.some((x) => x.id == v.category)),
      cookie: { name: 'consentry', expiresDays: 182, domain: '', ...obj(c.cookie) },
      beacon: { url: '', waitMs: 800, ...obj(c.beacon) },
      googleConsentMode: gcm === true ? {} : isObj(gcm) ? gcm : null,
      autoBlock: { unknownHosts: 'allow', ...obj(c.autoBlock) },
      texts: obj(c.texts),
      // The widget fills in its own defaults (widget/core.ts).
      ui: obj(c.ui) as ResolvedConfig['ui'],
    },
  };
}

export type Validator = (config: unknown) => string[];

/** Where the loader remembers the digest of the last configuration text that passed the check. */
const CHECKED = 'consentry:checked';
// The release is part of it: a new validator checks every configuration once more.
const digest = (text: string) => RELEASE + sum(text) + text.length.toString(36);
function remembered(): string | null {
  try {
    return localStorage.getItem(CHECKED);
  } catch {
    return null;
  }
}

/**
 * Reads the configuration: the one `consentry bundle` baked in (validated when
 * it was baked), else the inline `#consentry-config` element, else the
 * `data-config` URL, checked by `validator`. A text that passed the check on an
 * earlier page view (same digest) is not checked again, so a returning visitor
 * does not download the validator; a changed text is, and until it passes
 * nothing but required categories runs. On a visitor's first view the
 * validator is fetched in parallel with the configuration.
 */
export async function loadConfig(baked: unknown, url: string | null, validator: () => Promise<Validator>): Promise<Loaded> {
  if (baked) return resolve(baked);
  const known = remembered();
  const early = known ? null : validator();
  // Awaited only after the configuration arrives: until then its failure is nobody's uncaught error.
  if (early) early.catch(() => {});
  const inline = document.getElementById('consentry-config');
  try {
    let text = inline && inline.textContent;
    if (!inline) {
      if (!url) throw new Error('add data-config="/consentry.json" or a #consentry-config element');
      const res = await fetch(url);
      if (!res.ok) throw new Error('HTTP ' + res.status);
      text = await res.text();
    }
    const raw = JSON.parse(text!);
    const d = digest(text!);
    if (d == known) return resolve(raw);
    const errors = (await (early || validator()))(raw);
    if (!errors.length)
      try {
        localStorage.setItem(CHECKED, d);
      } catch {
        // Storage blocked: the check simply runs again on the next page.
      }
    return resolve(raw, errors);
  } catch (e) {
    return { config: resolve({}).config, error: `(root): the configuration ${inline ? 'in #consentry-config' : url || ''} could not be read: ${(e as Error).message}` };
  }
}
