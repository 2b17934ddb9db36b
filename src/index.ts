/**
 * The ES module: `import { init } from "consentry"` for bundler users.
 * Same engine as the loader; call `init()` once, as early as the page allows.
 */
import type { Config, ConsentryApi } from './types';
import { api, start } from './core';
import { validate } from './validate';
import * as consentMode from './consent-mode';

export { validate };

export type * from './types';

/** What `init()` takes; every field is optional. */
export interface InitOptions {
  /** The configuration itself. Without it, the inline `#consentry-config` element or `configUrl` is read. */
  config?: Config;
  /** URL of the JSON configuration. */
  configUrl?: string | null;
  /** Forces the banner's language. */
  lang?: string | null;
  /** The visitor's region (`US-CA`, `DE`), which selects the region rule. */
  region?: string | null;
  /** Overrides `beacon.url`. */
  beaconUrl?: string | null;
  /** Propagated to every script and style Consentry creates (strict CSP). */
  nonce?: string;
  /**
   * Where the widget and its other files are served, absolute or relative to the page
   * (`/static/consentry/`). Defaults to this package's dist/ folder; bundlers that copy
   * assets may need to set it.
   */
  assetBase?: string;
}

/** Starts Consentry (once: later calls return the same API). */
export function init(opts: InitOptions = {}): ConsentryApi {
  const w = window as any;
  // An element with id or name "consentry" is window.consentry too, until we set it.
  if (w.consentry && w.consentry.acceptAll) return w.consentry;
  w.consentry = api;
  api.__consentMode = consentMode;
  // A relative assetBase ('/static/consentry/') is the page's, as a script's src would be. One that is
  // no URL at all would stop the start before the gate is in place: the package's own files serve.
  let assetBase = new URL('../', import.meta.url).href;
  try {
    if (opts.assetBase) assetBase = new URL(opts.assetBase, document.baseURI).href;
  } catch {
    console.error(`[consentry] assetBase: "${opts.assetBase}" is not a URL; using ${assetBase}`);
  }
  start({ ...opts, assetBase, validator: () => Promise.resolve(validate), checkConfig: true });
  return api;
}

export const { get, allowed, acceptAll, rejectAll, set, reset, show, on }: ConsentryApi = api;
