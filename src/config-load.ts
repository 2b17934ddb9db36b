/** How the loader and the ES module read their configuration (config.ts); the baked loader uses config-load-baked.ts instead. */
export { loadConfig } from './config';
