/**
 * Vendors' consent APIs as a chunk of its own (dist/consentry-vendor-apis.js):
 * only configurations with a `consentApi` load it, before any tag is released;
 * `consentry bundle` appends it to the loader instead, so a baked site makes no
 * extra request.
 */
import { vendorDefaults, vendorUpdate } from './index';

export const vendorApis = { defaults: vendorDefaults, update: vendorUpdate };
(window as any).consentry.__vendorApis = vendorApis;
