/**
 * The decision chunk's (dist/consentry-decide.js) copies of what the loader has already: the
 * loader publishes them on `__core`, so the chunk does not carry them twice. They run only once
 * the loader has published `__core` (a decision waits for the configuration). rollup.config.mjs
 * puts this module in place of expand.ts and sum.ts for that build.
 */
import type { expand as Expand } from './expand';

const core = () => (window as any).consentry.__core;
export const expand: typeof Expand = (config, cats, vendors) => core().expand(config, cats, vendors);
export const sum = (s: string): string => core().sum(s);
