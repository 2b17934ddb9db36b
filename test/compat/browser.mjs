// All browser driving of the compatibility suite, so that an engine plugs in here and nowhere
// else. A slot is a browser whose traffic goes through one proxy (certificate errors ignored);
// it opens one session at a time, each a fresh visitor (own cookies and storage), so every
// request the proxy sees belongs to the run in progress:
//
//   const engine = await launchEngine('firefox');
//   const slot = await engine.slot({ proxy: net.proxy });
//   const s = await slot.open();
//   await s.goto('https://www.compat.test/');    // resolves after the load event
//   await s.evaluate('document.title');          // a JavaScript expression; JSON-able result
//   s.errors;                                    // uncaught page errors the engine reports ([] if none)
//   await s.close(); await slot.close(); await engine.close();
import { chromium } from 'playwright-core';
import { baseArgs, executablePath } from '../support/chromium.mjs';

/**
 * Chromium: one browser for every slot, a context per session with the slot's proxy. Certificate
 * errors are ignored by the browser too, not only per context: a service worker (Partytown's)
 * does not register over the proxy's self-made certificate otherwise.
 */
async function chromiumEngine() {
  const browser = await chromium.launch({ executablePath, args: [...baseArgs, '--ignore-certificate-errors'] });
  return {
    name: 'chromium',
    concurrency: 10,
    async slot({ proxy }) {
      return {
        async open() {
          const context = await browser.newContext({ proxy: { server: proxy }, ignoreHTTPSErrors: true });
          const page = await context.newPage();
          const errors = [];
          page.on('pageerror', (e) => errors.push(e.message));
          return {
            errors,
            goto: (url) => page.goto(url, { waitUntil: 'load', timeout: 60000 }),
            evaluate: (expression) => page.evaluate(expression),
            close: () => context.close(),
          };
        },
        close: async () => {},
      };
    },
    close: () => browser.close(),
  };
}

// Runs an expression in the page through an engine's evaluate(fn, ...args).
const expressionIn = (e) => (0, eval)(e);

/** Firefox and WebKit through test/support/engines: a browser (launch) per slot, since the proxy is per launch. */
function engine(name) {
  return {
    name,
    concurrency: 6,
    async slot({ proxy }) {
      const { launch } = await import('../support/engines/index.mjs');
      const b = await launch(name, { proxy, ignoreHTTPSErrors: true });
      return {
        async open() {
          const p = await b.newPage();
          return {
            errors: p.errors || [],
            goto: (url) => p.goto(url),
            evaluate: (expression) => p.evaluate(expressionIn, expression),
            close: () => p.close(),
          };
        },
        close: () => b.close(),
      };
    },
    close: async () => {},
  };
}

export async function launchEngine(name) {
  if (name == 'chromium') return chromiumEngine();
  if (name == 'firefox' || name == 'webkit') return engine(name);
  throw new Error(`compat: unknown engine "${name}" (chromium, firefox, webkit)`);
}

/** The engines to run, as every e2e suite chooses them: CONSENTRY_ENGINES, else every engine installed. */
export const engines = async () => (await import('../support/engines/index.mjs')).ENGINES;
