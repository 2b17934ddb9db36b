/**
 * `loadConfig` of the baked loader (dist/consentry.baked.js, what `consentry bundle` writes): the
 * configuration is in the file, checked and with its defaults filled in (bin/consentry.mjs runs
 * config.ts resolve when it bakes), so no fetching, no validator, no digest and no resolve here.
 * rollup.config.mjs puts this module in place of config-load.ts for that build.
 */
import type { Loaded } from './config';
import type { ResolvedConfig } from './types';

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

export const loadConfig = async (baked: unknown): Promise<Loaded> =>
  baked ? { config: baked as ResolvedConfig, error: null } : { config: NONE, error: '(root): no configuration baked into this loader (write it with `consentry bundle`)' };
