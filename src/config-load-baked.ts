/**
 * `loadConfig` of the baked loader (dist/consentry.baked.js, what `consentry bundle` writes): the
 * configuration is in the file and was checked when it was baked, so no fetching, no validator,
 * no digest. rollup.config.mjs puts this module in place of config-load.ts for that build.
 */
import { Loaded, resolve } from './config';

export const loadConfig = async (baked: unknown): Promise<Loaded> =>
  baked ? resolve(baked) : { config: resolve({}).config, error: '(root): no configuration baked into this loader (write it with `consentry bundle`)' };
