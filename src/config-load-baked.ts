/**
 * `loadConfig` of the baked loader (dist/consentry.baked.js, what `consentry bundle` writes): the
 * configuration is in the file, checked and with its defaults filled in (bin/consentry.mjs runs
 * config.ts resolve when it bakes), so no fetching, no validator, no digest and no resolve here.
 * And the rest of that configuration, which only a baked loader has (see `rest`).
 * rollup.config.mjs puts this module in place of config-load.ts for that build.
 */
import type { Loaded } from './config';
import type { ResolvedConfig } from './types';
import { addScript } from './script';

/** Without a baked configuration only required runs, the fewest fields the core reads. */
const NONE = {
  revision: 0,
  mode: { default: 'opt-in', regions: {} },
  categories: [{ id: 'required', required: true, signals: [] }],
  vendors: [],
  cookie: { name: 'consentry', expiresDays: 182 },
  beacon: { waitMs: 0 },
  autoBlock: { unknownHosts: 'block' },
  texts: {},
  ui: {},
} as unknown as ResolvedConfig;

// Its Consent Mode chunk runs with the loader (the CLI appends it): no early default to replace.
export const preDefault = undefined;

export const loadConfig = async (baked: unknown): Promise<Loaded> =>
  baked ? { config: baked as ResolvedConfig, error: null } : { config: NONE, error: '(root): no configuration baked into this loader (write it with `consentry bundle`)' };

/**
 * URL of the file beside the loader with the rest of the configuration (texts, names, vendor facts),
 * or '' when the loader has all of it: `consentry bundle` keeps only what decisions and the gate
 * need in the loader, and names that file in `__consentryMore`.
 */
let rest = '';

/**
 * Takes the rest's file name (relative to the loader at `base`); a first visit's download of it
 * starts at once, beside the widget's: the widget runs once both are in (withRest()).
 */
export function fetchRest(base: string, nonce: string, first: boolean) {
  const w = window as any;
  const more = w.__consentryMore;
  delete w.__consentryMore;
  if (!more) return;
  rest = new URL(more, base).href;
  // The file calls this: the rest is merged in before any chunk reads it (withRest()).
  w.consentry.__more = (r: Record<string, any>) => {
    const c: Record<string, any> = w.consentry.__core.config;
    for (const k in r)
      if (k == 'categories' || k == 'vendors') for (const x of r[k]) Object.assign(c[k].find((y: { id: string }) => y.id == x.id) || {}, x);
      else c[k] = r[k];
  };
  if (first) addScript(rest, nonce, true).catch(() => {});
}

/**
 * Loads one of our chunks that reads the whole configuration. Both download at once; `ordered` runs
 * them in this order, so the chunk finds the whole configuration, and the widget, which may have
 * come early, starts after both. Without the rest it still runs, with the built-in texts.
 */
export const withRest = (src: string, nonce: string) =>
  rest
    ? Promise.all([addScript(rest, nonce, true).catch((e) => console.error('[consentry] ' + e.message)), addScript(src, nonce, true)]).then(() => {})
    : addScript(src, nonce);
