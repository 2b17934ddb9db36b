/**
 * The ES module: `import { init } from "consentry"` for bundler users.
 * Same engine as the loader; call `init()` once, as early as the page allows.
 */
import { api, start, Options } from './core';
import { validate } from './validate';
import * as consentMode from './consent-mode';

export { validate };

export type * from './types';
export type { Options };

/**
 * Starts Consentry. `assetBase` (where consentry-widget.js is served) defaults to
 * this package's dist/ folder; bundlers that copy assets may need to set it.
 */
export function init(opts: Partial<Omit<Options, 'validator'>> = {}) {
  const w = window as any;
  if (w.consentry) return w.consentry as typeof api;
  w.consentry = api;
  api.__consentMode = consentMode;
  start({ assetBase: new URL('../', import.meta.url).href, ...opts, validator: () => Promise.resolve(validate), checkConfig: true });
  return api;
}

export const { get, allowed, acceptAll, rejectAll, set, reset, show, on } = api;
