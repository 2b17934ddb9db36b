// Browser tests in real Chromium, Firefox and WebKit (CONSENTRY_ENGINES chooses; by default every
// engine installed: see test/support/engines). Files named *.gpc.test.ts run in a browser that
// sends Global Privacy Control; all others in one that does not. WebKit has no GPC: there the
// *.gpc.test.ts files run too, and assert what a visitor without the signal gets.
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { executablePath, baseArgs, gpcArgs } from './test/support/chromium.mjs';
import { ENGINES, hasGpc } from './test/support/engines/index.mjs';
import { browserCookiesPlugin, engineLauncher, engineInfoHtml } from './test/support/engines/wtr.mjs';
import { beaconEndpoint } from './test/support/beacon-endpoint.mjs';
import { testPages } from './test/support/test-pages.mjs';
import { vendorHosts } from './test/support/vendor-hosts.mjs';

const ALL = ['test/browser/**/*.test.ts'];
const PLAIN = [...ALL, '!test/browser/**/*.gpc.test.ts'];
const GPC = ['test/browser/**/*.gpc.test.ts'];

const browser = (engine, gpc) =>
  engine === 'chromium'
    ? Object.assign(playwrightLauncher({ product: 'chromium', launchOptions: { executablePath, args: gpc ? gpcArgs : baseArgs } }), { engine, gpc })
    : engineLauncher(engine, { gpc });
const group = (engine, gpc, files) => ({
  name: engine + (gpc ? '-gpc' : ''),
  files,
  browsers: [browser(engine, gpc)],
  // Tests read window.__consentryEngine (test/browser/engine.ts) to name what an engine cannot do.
  testRunnerHtml: engineInfoHtml({ engine, gpc }),
});

export default {
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  // Firefox and WebKit start slower than Chromium, more so on a busy machine.
  browserStartTimeout: 120000,
  testsStartTimeout: 120000,
  plugins: [esbuildPlugin({ ts: true, tsx: true, jsx: true, target: 'es2020', tsconfig: './tsconfig.json' }), browserCookiesPlugin()],
  middleware: [beaconEndpoint, testPages, vendorHosts],
  groups: ENGINES.flatMap((e) => (hasGpc(e) ? [group(e, false, PLAIN), group(e, true, GPC)] : [group(e, false, ALL)])),
};
