/**
 * Google Consent Mode as a chunk of its own (dist/consentry-consent-mode.js):
 * only sites that turn it on load it. `consentry bundle` appends it to the
 * loader when the configuration enables it, so a baked site makes no extra
 * request; with data-config the loader fetches it before releasing any tag.
 */
import { consentDefault, consentUpdate } from './consent-mode';

(window as any).consentry.__consentMode = { consentDefault, consentUpdate };
