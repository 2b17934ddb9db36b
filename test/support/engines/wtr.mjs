// web-test-runner browser launchers for Firefox and WebKit, built on launch() (index.mjs).
// @web/test-runner-playwright covers Chromium only here (playwright's own Firefox and WebKit
// builds cannot be downloaded), and @web/test-runner-webdriver needs Node 22 or webdriverio.
//
// Each test file runs as a fresh visitor (its own user context in Firefox, its own WebDriver
// session in WebKit). A Firefox runs one test file at a time, so its page has focus (the widget's
// focus tests need it) and the colour scheme one file asks for cannot reach another file.
//
// `type` is 'playwright' because @web/test-runner-commands picks its code path by type:
// `getPage(id)` returns the part of a Playwright page those commands use (keyboard.press and
// keyboard.type for sendKeys, emulateMedia, setViewportSize), backed by our Page.
import { launch } from './index.mjs';
import { cookieOf } from './page.mjs';

const TITLES = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

/** What a test page may ask about the browser it runs in (see test/browser/engine.ts). */
export const engineInfoHtml = (info) => (testFramework) =>
  `<!doctype html><html><head><meta charset="utf-8"><script>window.__consentryEngine = ${JSON.stringify(info)};</script></head>` +
  `<body><script type="module" src="${testFramework}"></script></body></html>`;

class EngineLauncher {
  constructor(engine, { gpc = false, concurrency } = {}) {
    this.engine = engine;
    this.gpc = gpc;
    this.name = TITLES[engine] + (gpc ? ' (GPC)' : '');
    this.type = 'playwright';
    if (concurrency) this.concurrency = concurrency;
    this._pages = new Map();
    this._urls = new Map();
    // Firefox: idle browsers; WebKit: one launcher (its X display), a MiniBrowser per page.
    this._idle = [];
    this._all = new Set();
  }

  initialize(config) {
    this._config = config;
  }

  async _browser() {
    if (this.engine === 'webkit') {
      this._shared ||= launch('webkit');
      return this._shared;
    }
    const b = this._idle.pop() || (await launch(this.engine, { gpc: this.gpc }));
    this._all.add(b);
    return b;
  }

  async startSession(id, url) {
    const browser = await this._browser();
    let page;
    try {
      page = await browser.newPage({ width: 800, height: 600 });
    } catch (e) {
      // A browser that cannot open a page is not reused.
      if (this.engine !== 'webkit') await this._discard(browser);
      throw e;
    }
    this._pages.set(id, { browser, page });
    this._urls.set(id, url);
    await page.goto(url);
  }

  isActive(id) {
    return this._pages.has(id);
  }

  async getBrowserUrl(id) {
    const s = this._pages.get(id);
    return s ? s.page.url().catch(() => undefined) : undefined;
  }

  getPage(id) {
    const s = this._pages.get(id);
    if (!s) throw new Error(`${this.name}: no page for session ${id}`);
    const { page } = s;
    const unsupported = (what) => () => {
      throw new Error(`${this.name}: ${what} is not supported by this launcher`);
    };
    return {
      keyboard: { press: (k) => page.press(k), type: (t) => page.type(t), down: unsupported('sendKeys down'), up: unsupported('sendKeys up') },
      emulateMedia: (m) => page.emulateMedia(m),
      setViewportSize: ({ width, height }) => page.setViewport(width, height),
      url: () => this._urls.get(id),
      context: () => ({ cookies: () => page.cookies() }),
    };
  }

  async stopSession(id) {
    const s = this._pages.get(id);
    this._pages.delete(id);
    if (!s) return {};
    const { browser, page } = s;
    try {
      // Stop whatever the test page still runs before the next file starts.
      await page.goto('about:blank').catch(() => {});
      await page.close();
      if (this.engine !== 'webkit') this._idle.push(browser);
    } catch (e) {
      if (this.engine !== 'webkit') await this._discard(browser);
      throw e;
    }
    return {};
  }

  async _discard(browser) {
    this._all.delete(browser);
    await browser.close().catch(() => {});
  }

  startDebugSession() {
    throw new Error(`${this.name}: debug sessions are not supported; run the file in Chromium with --manual`);
  }

  async stop() {
    const all = [...this._all];
    this._all.clear();
    this._idle = [];
    await Promise.all(all.map((b) => b.close().catch(() => {})));
    if (this._shared) await (await this._shared).close().catch(() => {});
    this._shared = null;
  }
}

/** A web-test-runner BrowserLauncher for `engine` ('firefox' or 'webkit'). */
export const engineLauncher = (engine, options) => new EngineLauncher(engine, options);

/**
 * The `browser-cookies` command: the cookies the browser stored for this test page's visitor,
 * with every attribute (document.cookie shows none, and cookieStore only Chromium's).
 */
export function browserCookiesPlugin() {
  return {
    name: 'browser-cookies',
    async executeCommand({ command, session }) {
      if (command !== 'browser-cookies') return undefined;
      return (await session.browser.getPage(session.id).context().cookies()).map(cookieOf);
    },
  };
}
