/**
 * Where the configuration comes from (baked into the loader, an inline JSON
 * element, or `data-config`) and how its defaults are filled in.
 */
import type { Category, Config, ResolvedCategory, ResolvedConfig, Signal } from './types';

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
  const c = (isObj(input) ? input : {}) as Config;
  const cats = (Array.isArray(c.categories) && c.categories.length ? c.categories : DEFAULT_CATEGORIES)
    .filter((x) => isObj(x) && typeof x.id == 'string')
    .map(
      (x): ResolvedCategory => ({
        id: x.id,
        required: x.required === true,
        // Advertising honours both signals unless the configuration says otherwise.
        signals: Array.isArray(x.signals) ? (x.signals.filter((s) => s == 'gpc' || s == 'dnt') as Signal[]) : x.id == 'advertising' ? ['gpc', 'dnt'] : [],
        name: x.name,
        description: x.description,
      }),
    );
  const ids = cats.map((x) => x.id);
  const mode = isObj(c.mode) ? c.mode : ({} as NonNullable<Config['mode']>);
  const gcm = c.googleConsentMode;
  const ui = isObj(c.ui) ? c.ui : {};
  return {
    error: errors[0] || null,
    config: {
      revision: typeof c.revision == 'number' ? c.revision : 0,
      policyUrl: typeof c.policyUrl == 'string' ? c.policyUrl : '',
      mode: {
        default: mode.default == 'opt-out' ? 'opt-out' : 'opt-in',
        regions: isObj(mode.regions) ? mode.regions : {},
      },
      categories: cats,
      vendors: (Array.isArray(c.vendors) ? c.vendors : []).filter((v) => isObj(v) && typeof v.id == 'string' && ids.indexOf(v.category) >= 0),
      cookie: {
        name: (isObj(c.cookie) && c.cookie.name) || 'consentry',
        expiresDays: (isObj(c.cookie) && c.cookie.expiresDays) || 182,
        domain: (isObj(c.cookie) && c.cookie.domain) || '',
      },
      beacon: {
        url: (isObj(c.beacon) && c.beacon.url) || '',
        waitMs: isObj(c.beacon) && typeof c.beacon.waitMs == 'number' ? c.beacon.waitMs : 800,
      },
      googleConsentMode: gcm === true ? {} : isObj(gcm) ? gcm : null,
      autoBlock: { unknownHosts: isObj(c.autoBlock) && c.autoBlock.unknownHosts == 'block' ? 'block' : 'allow' },
      texts: isObj(c.texts) ? c.texts : {},
      ui: {
        layout: ui.layout || 'bar',
        position: ui.position || (ui.layout == 'box' ? 'bottom-right' : 'bottom'),
        theme: ui.theme || 'auto',
        reopenButton: ui.reopenButton !== false,
        vendorSwitches: ui.vendorSwitches !== false,
      },
    },
  };
}

export type Validator = (config: unknown) => string[];

/**
 * Reads the configuration: the one `consentry bundle` baked in (validated when
 * it was baked), else the inline `#consentry-config` element, else the
 * `data-config` URL, checked by `validator`.
 */
export async function loadConfig(baked: unknown, url: string | null, validator: () => Promise<Validator>): Promise<Loaded> {
  if (baked) return resolve(baked);
  const check = validator();
  const inline = document.getElementById('consentry-config');
  let raw: unknown;
  try {
    if (inline) raw = JSON.parse(inline.textContent || '');
    else if (url) {
      const res = await fetch(url, { credentials: 'same-origin' });
      if (!res.ok) throw new Error('HTTP ' + res.status);
      raw = JSON.parse(await res.text());
    } else return failed('(root): no configuration; add data-config="/consentry.json" or a #consentry-config element');
  } catch (e) {
    return failed(`(root): the configuration ${inline ? 'in #consentry-config' : 'at ' + url} could not be read: ${(e as Error).message}`);
  }
  let errors: string[];
  try {
    errors = (await check)(raw);
  } catch (e) {
    return failed('(root): the configuration could not be checked: ' + (e as Error).message);
  }
  return resolve(raw, errors);
}

function failed(error: string): Loaded {
  return { config: resolve({ revision: 0 }).config, error };
}
