// Flags for a headless Chromium that talks to nothing but the pages it is sent to (no updates,
// no sync, no background requests of its own, which a scan would otherwise record). The
// scanner and the test suites start Chromium with these.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
