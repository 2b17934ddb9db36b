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
   * Where the widget and its other files (`dist/consentry-*.js`) are served, absolute or relative
   * to the page (`/static/consentry/`). Without it they are looked for beside this module: the
   * package's dist/ when it is served as published, else the folder of the bundle that took it in.
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
  // Without assetBase the chunks are beside this module: dist/ when it is dist/esm/index.js, else the
  // bundle's own folder. A bundle with no import.meta (an IIFE) is known by its script, or the page.
  const me = (import.meta as any).url || (document.currentScript as HTMLScriptElement | null)?.src || document.baseURI;
  let assetBase = new URL(/\/dist\/esm\/[^/]*$/.test(me) ? '../' : './', me).href;
  // A relative assetBase ('/static/consentry/') is the page's, as a script's src would be. One that is
  // no URL at all would stop the start before the gate is in place: the default serves.
  try {
    if (opts.assetBase) assetBase = new URL(opts.assetBase, document.baseURI).href;
  } catch {
    console.error(`[consentry] assetBase: "${opts.assetBase}" is not a URL; using ${assetBase}`);
  }
  start({ ...opts, assetBase, validator: () => Promise.resolve(validate), checkConfig: true });
  return api;
}

export const { get, allowed, acceptAll, rejectAll, set, reset, show, on }: ConsentryApi = api;
