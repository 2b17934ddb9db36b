/**
 * `expand` in the decision chunk (dist/consentry-decide.js): the loader's own, which it publishes
 * on `__core`, so the chunk does not carry a second copy. It runs only once the loader has
 * published `__core` (a decision waits for the configuration). rollup.config.mjs puts this
 * module in place of expand.ts for that build.
 */
import type { expand as Expand } from './expand';

export const expand: typeof Expand = (config, cats, vendors) => (window as any).consentry.__core.expand(config, cats, vendors);
