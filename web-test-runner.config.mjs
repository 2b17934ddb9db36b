// Browser tests in real Chromium. Files named *.gpc.test.ts run in a browser that
// sends Global Privacy Control; all others in one that does not.
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { executablePath, baseArgs, gpcArgs } from './test/support/chromium.mjs';
import { beaconEndpoint } from './test/support/beacon-endpoint.mjs';
import { testPages } from './test/support/test-pages.mjs';
import { vendorHosts } from './test/support/vendor-hosts.mjs';

const chromium = (args) => playwrightLauncher({ product: 'chromium', launchOptions: { executablePath, args } });

export default {
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  plugins: [esbuildPlugin({ ts: true, tsx: true, jsx: true, target: 'es2020', tsconfig: './tsconfig.json' })],
  middleware: [beaconEndpoint, testPages, vendorHosts],
  groups: [
    { name: 'chromium', files: ['test/browser/**/*.test.ts', '!test/browser/**/*.gpc.test.ts'], browsers: [chromium(baseArgs)] },
    { name: 'gpc', files: ['test/browser/**/*.gpc.test.ts'], browsers: [chromium(gpcArgs)] },
  ],
};
