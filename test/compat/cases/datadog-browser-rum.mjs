// @datadog/browser-rum (README usage, npm setup) is bundled into the site: init(), then a custom
// action. It loads no script; its batches go to the site's intake host with fetch (keepalive) or
// navigator.sendBeacon, flushed every 30 s, when a batch is full, or when the page hides.
import { byId, toConfigVendor } from '../../../catalogue/index.mjs';
import { noContent, routes } from '../standins/kit.mjs';

export default {
  name: '@datadog/browser-rum (fetch, sendBeacon)',
  vendors: [toConfigVendor(byId('datadog-rum'))],
  net: { 'browser-intake-datadoghq.com': routes({ '/api/v2/': noContent }) },
  app: `import { datadogRum } from '@datadog/browser-rum';

datadogRum.init({
  applicationId: '0c0a7000-0000-4000-8000-00000000c0a7',
  clientToken: 'pubc0mpat0000000000000000000000000',
  site: 'datadoghq.com',
  service: 'compat-shop',
  env: 'prod',
  version: '1.0.0',
  sessionSampleRate: 100,
  sessionReplaySampleRate: 0,
  trackResources: true,
  trackLongTasks: true,
  trackUserInteractions: true,
});
datadogRum.addAction('signup', { plan: 'pro' });`,
  // The first batch leaves within 30 s of init (the SDK's flush interval).
  hits: [{ url: /^browser-intake-datadoghq\.com\/api\/v2\/rum\?/, body: /"name":"signup"/ }],
  timeout: 45000,
};
