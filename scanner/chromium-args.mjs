// Flags for a headless Chromium that talks to nothing but the pages it is sent to (no updates,
// no sync, no background requests of its own, which a scan would otherwise record). The
// scanner and the test suites start Chromium with these, through Playwright.
//
// Chromium honours only the last --disable-features (and --enable-features) on its command
// line: a second one replaces the first whole. Playwright passes its own lists, and ours come
// after them, so ours repeat Playwright 1.65's and add to them (test/e2e/chromium-args.test.mjs
// fails when an upgraded Playwright passes a feature these lists lack).

/** Playwright 1.65's --disable-features, as it passes them. */
const PLAYWRIGHT_DISABLED = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/** Playwright 1.65's --enable-features. */
const PLAYWRIGHT_ENABLED = ['CDPScreenshotNewSurface', 'SkipListAccountsWithoutGaiaCookies'];

/**
 * Ours: Chromium 156 preloads the address bar's popup as a page of its own (a renderer process
 * for chrome://omnibox-popup.top-chrome/) in every window, which headless never shows; a
 * browser context is a window, and each of those renderers cost about 1.5 s of CPU.
 */
const DISABLED = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/** One --enable-features switch: Playwright's list and `features`. */
export const enableFeatures = (...features) => `--enable-features=${[...new Set([...PLAYWRIGHT_ENABLED, ...features])].join(',')}`;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  `--disable-features=${[...PLAYWRIGHT_DISABLED, ...DISABLED].join(',')}`,
];
