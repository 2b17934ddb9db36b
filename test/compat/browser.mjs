// All browser driving of the compatibility suite, so another engine plugs in here and nowhere
// else. An engine opens sessions; each session is a fresh profile (own cookies and storage)
// whose traffic goes through the given proxy, with certificate errors ignored:
//
//   const engine = await launchEngine('chromium');
//   const s = await engine.open({ proxy: net.proxy });
//   await s.goto('https://www.compat.test/');    // resolves after the load event
//   await s.evaluate('document.title');          // a JavaScript expression; JSON-able result
//   s.errors;                                    // uncaught page errors the engine reported
//   await s.close(); await engine.close();
import { chromium } from 'playwright-core';
import { baseArgs, executablePath } from '../support/chromium.mjs';

/** Chromium through playwright-core: one browser, one context per session with its own proxy. */
async function launchChromium() {
  const browser = await chromium.launch({ executablePath, args: baseArgs });
  return {
    name: 'chromium',
    async open({ proxy }) {
      const context = await browser.newContext({ proxy: { server: proxy }, ignoreHTTPSErrors: true });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      return {
        errors,
        goto: (url) => page.goto(url, { waitUntil: 'load', timeout: 30000 }),
        evaluate: (expression) => page.evaluate(expression),
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

const LAUNCHERS = { chromium: launchChromium };

export async function launchEngine(name) {
  const launch = LAUNCHERS[name];
  if (!launch) throw new Error(`compat: no launcher for engine "${name}" (have: ${Object.keys(LAUNCHERS).join(', ')})`);
  return launch();
}

/** The engines to run: CONSENTRY_ENGINES=chromium,firefox,webkit (default chromium). */
export const engines = () => (process.env.CONSENTRY_ENGINES || 'chromium').split(',').map((s) => s.trim()).filter(Boolean);
