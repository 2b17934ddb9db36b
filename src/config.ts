/**
 * Where the configuration comes from (baked into the loader, an inline JSON
 * element, or `data-config`) and how its defaults are filled in.
 */
import type { Category, Config, ResolvedCategory, ResolvedConfig } from './types';
import { sum } from './sum';
import { RELEASE } from './release';

const DEFAULT_CATEGORIES: Category[] = [{ id: 'required', required: true }, { id: 'functional' }, { id: 'performance' }, { id: 'advertising' }];

export interface Loaded {
  config: ResolvedConfig;
  /** The first problem found, or null when the configuration is valid. */
  error: string | null;
}

/**
 * Fills in defaults. A field that `errors` (validate's messages) names falls
 * back to its default, so a broken file still shows the visitor a banner with
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
  for (const e of errors) delete c[e.split(/[.[:]/)[0]];
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
  if (baked && !checkBaked) return resolve(baked);
  const known = baked ? null : remembered();
  const early = known ? null : validator();
  // Awaited only after the configuration arrives: until then its failure is nobody's uncaught error.
  if (early) early.catch(() => {});
  const inline = !baked && document.getElementById('consentry-config');
  try {
    let raw = baked;
    let d = '';
    if (!raw) {
      let text = inline && inline.textContent;
      if (!inline) {
        if (!url) throw new Error('no data-config, no #consentry-config');
        const res = await fetch(url);
        if (!res.ok) throw new Error('HTTP ' + res.status);
        text = await res.text();
      }
      raw = JSON.parse(text as string);
      d = digest(text as string);
      if (d == known) return resolve(raw);
    }
    const errors = (await (early || validator()))(raw);
    if (d && !errors.length)
      try {
        localStorage.setItem(CHECKED, d);
      } catch {
        // Storage blocked: the check simply runs again on the next page.
      }
    return resolve(raw, errors);
  } catch (e) {
    return resolve({}, [`(root): the configuration ${inline ? 'in #consentry-config' : url || ''} could not be read: ${(e as Error).message}`]);
  }
}
