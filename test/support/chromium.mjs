// One place that says which Chromium the tests drive and how it is started.
// CHROMIUM_PATH (or CHROME_PATH) lets a developer point the tests at their own Chrome.
export const executablePath = process.env.CHROMIUM_PATH || process.env.CHROME_PATH || '/usr/bin/chromium';

export const baseArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium sends Sec-GPC: 1 and sets navigator.globalPrivacyControl with this feature forced on. */
export const gpcArgs = [...baseArgs, '--enable-features=GlobalPrivacyControlForce'];
