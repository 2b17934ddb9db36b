// One place that says which Chromium the tests drive and how it is started.
// CHROMIUM_PATH (or CHROME_PATH) lets a developer point the tests at their own Chrome.
import { CHROMIUM_ARGS, enableFeatures } from '../../scanner/chromium-args.mjs';

export const executablePath = process.env.CHROMIUM_PATH || process.env.CHROME_PATH || '/usr/bin/chromium';

export const baseArgs = CHROMIUM_ARGS;

/** Chromium sends Sec-GPC: 1 and sets navigator.globalPrivacyControl with this feature forced on. */
export const gpcArgs = [...baseArgs, enableFeatures('GlobalPrivacyControlForce')];
