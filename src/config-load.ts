/** How the loader and the ES module read their configuration (config.ts); the baked loader uses config-load-baked.ts instead. */
import { addScript } from './script';

export { loadConfig, preDefault } from './config';

// Their configuration is whole: only a baked one leaves a rest beside the loader (config-load-baked.ts).
export const fetchRest = (_base: string, _nonce: string, _first: boolean) => {};
export const withRest = (src: string, nonce: string) => addScript(src, nonce);
