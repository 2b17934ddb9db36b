// The browser engines the tests run in: Chromium, Firefox and WebKit, behind one small interface.
//
//   ENGINES                      the engines to test in: CONSENTRY_ENGINES (comma list, e.g.
//                                "chromium,firefox"), or by default every engine installed here
//   launch(engine, { gpc, proxy, ignoreHTTPSErrors, hosts })
//                                → { engine, version, newPage(), close() }
//       gpc                      real Global Privacy Control (Chromium, Firefox; WebKit has none)
//       proxy                    'http://127.0.0.1:PORT': every request goes through it, except
//                                loopback (127.0.0.1, localhost, *.localhost), which stays direct
//       ignoreHTTPSErrors        accept the proxy's self-made certificates
//       hosts                    extra host names resolved to 127.0.0.1 (Chromium, Firefox)
//       itp                      WebKit only: Intelligent Tracking Prevention on, as in Safari
//   newPage()                    → Page: a fresh visitor (no cookies, no storage)
//   Page: goto(url), reload(), evaluate(fn, ...args), waitForFunction(fn, { timeout }, ...args),
//         click(selector), waitFor(selector, { state }), count(selector), attribute(selector, name),
//         press(key), type(text),
//         screenshot(path), url(), cookies(), emulateMedia({ colorScheme, reducedMotion }),
//         errors (uncaught page errors; null in WebKit, whose WebDriver does not report them),
//         addInitScript(fn) (runs fn before the page's scripts in every document; null in WebKit),
//         close()
//   Selectors are CSS, searched through open shadow roots and same-origin frames, with an
//   optional ` >> text=Name` (see in-page.mjs). Keys are named as in Playwright ("Tab",
//   "Shift+Tab", "Enter", "Space", "Escape").
import { existsSync } from 'node:fs';
import { binary as chromiumBinary, launchChromium } from './chromium.mjs';
import { binary as firefoxBinary, launchFirefox } from './firefox.mjs';
import { binary as webkitBinary, launchWebKit, miniBrowser } from './webkit.mjs';

const ALL = {
  chromium: { launch: launchChromium, needs: [[chromiumBinary, 'Debian: apt-get install chromium; or set CHROMIUM_PATH']] },
  firefox: { launch: launchFirefox, needs: [[firefoxBinary, 'Debian: apt-get install firefox-esr; or set FIREFOX_PATH']] },
  webkit: {
    launch: launchWebKit,
    needs: [
      [webkitBinary, 'Debian: apt-get install webkit2gtk-driver'],
      [miniBrowser, 'Debian: apt-get install webkit2gtk-driver'],
      ['/usr/bin/Xvfb', 'Debian: apt-get install xvfb'],
    ],
  },
};

export const ENGINE_NAMES = Object.keys(ALL);

/** Why `engine` cannot run here, or null when it can. */
export function missing(engine) {
  const lack = ALL[engine].needs.filter(([path]) => !existsSync(path));
  return lack.length ? lack.map(([path, how]) => `${path} not found (${how})`).join('; ') : null;
}

function choose() {
  const asked = process.env.CONSENTRY_ENGINES;
  if (asked) {
    const list = asked.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
    const unknown = list.filter((e) => !ALL[e]);
    if (unknown.length) throw new Error(`CONSENTRY_ENGINES: unknown engine ${unknown.join(', ')} (known: ${ENGINE_NAMES.join(', ')})`);
    // Asked for by name: a missing one is an error at launch, not skipped silently.
    return list;
  }
  return ENGINE_NAMES.filter((e) => {
    const why = missing(e);
    if (why) console.log(`[engines] skipping ${e}: ${why}. Set CONSENTRY_ENGINES to choose engines.`);
    return !why;
  });
}

export const ENGINES = choose();

export async function launch(engine, { gpc = false, proxy = null, ignoreHTTPSErrors = false, hosts = [], itp = false } = {}) {
  const e = ALL[engine];
  if (!e) throw new Error(`unknown engine "${engine}" (known: ${ENGINE_NAMES.join(', ')})`);
  const why = missing(engine);
  if (why) throw new Error(`${engine} cannot start: ${why}`);
  if (itp && engine !== 'webkit') throw new Error(`itp: only WebKit has Intelligent Tracking Prevention, not ${engine}`);
  return e.launch({ gpc, proxy, ignoreHTTPSErrors, hosts, ...(itp ? { itp } : {}) });
}

/** Whether `engine` can send Global Privacy Control (WebKit cannot). */
export const hasGpc = (engine) => engine !== 'webkit';
