// Firefox ESR through puppeteer-core over WebDriver BiDi (Debian's /usr/bin/firefox-esr).
import puppeteer from 'puppeteer-core';
import { cookieOf, makePage } from './page.mjs';

export const binary = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** Real Global Privacy Control: navigator.globalPrivacyControl and the Sec-GPC header. */
const GPC_PREFS = { 'privacy.globalprivacycontrol.enabled': true, 'privacy.globalprivacycontrol.functionality.enabled': true };

function proxyPrefs(proxy) {
  const { hostname, port } = new URL(proxy);
  return {
    'network.proxy.type': 1,
    'network.proxy.http': hostname,
    'network.proxy.http_port': +port,
    'network.proxy.ssl': hostname,
    'network.proxy.ssl_port': +port,
    // Loopback (localhost, 127.0.0.1, *.localhost) stays direct; this is Firefox's default, said out loud.
    'network.proxy.allow_hijacking_localhost': false,
    'network.proxy.no_proxies_on': '',
  };
}

// Puppeteer's key names, plus "Shift+Tab"-style combinations.
async function pressCombo(keyboard, combo) {
  const keys = combo === '+' ? ['+'] : combo.split('+').map((k) => (k === 'Space' ? ' ' : k));
  for (const k of keys.slice(0, -1)) await keyboard.down(k);
  await keyboard.press(keys[keys.length - 1]);
  for (const k of keys.slice(0, -1).reverse()) await keyboard.up(k);
}

export async function launchFirefox({ gpc = false, proxy = null, ignoreHTTPSErrors = false, hosts = [] } = {}) {
  const prefs = {
    ...(gpc ? GPC_PREFS : {}),
    ...(proxy ? proxyPrefs(proxy) : {}),
    // Host names a test gives its own server (like a real domain with parents) resolve to loopback.
    ...(hosts.length ? { 'network.dns.localDomains': hosts.join(',') } : {}),
    // Smooth scrolling would move an element after we measured where to click it.
    'general.smoothScroll': false,
  };
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: binary,
    headless: true,
    acceptInsecureCerts: ignoreHTTPSErrors,
    extraPrefsFirefox: prefs,
    // Lets us set preferences while running (the colour scheme and reduced motion a visitor's
    // system asks for), through a privileged script in the browser's own window.
    args: ['--remote-allow-system-access'],
  });
  const version = await browser.version();

  /** Runs `expression` in Firefox's own (chrome) window. */
  async function chrome(expression) {
    const tree = await browser.connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const r = await browser.connection.send('script.evaluate', { expression, target: { context: tree.result.contexts[0].context }, awaitPromise: false });
    if (r.result.type === 'exception') throw new Error(`firefox: ${expression}: ${r.result.exceptionDetails.text}`);
  }

  // The media preferences a page set (emulateMedia), cleared for the next page.
  let mediaSet = false;
  return {
    engine: 'firefox',
    version,
    /** A fresh visitor: its own user context (no cookies, no storage), 1280×800. */
    async newPage({ width = 1280, height = 800 } = {}) {
      if (mediaSet) {
        await chrome(`Services.prefs.clearUserPref('layout.css.prefers-color-scheme.content-override'); Services.prefs.clearUserPref('ui.prefersReducedMotion')`);
        mediaSet = false;
      }
      const context = await browser.createBrowserContext();
      const pp = await context.newPage();
      await pp.setViewport({ width, height });
      const errors = [];
      pp.on('pageerror', (e) => errors.push(e.message));
      return makePage({
        engine: 'firefox',
        errors,
        raw: pp,
        goto: async (url) => void (await pp.goto(url)),
        reload: async () => void (await pp.reload()),
        addInitScript: async (fn) => void (await pp.evaluateOnNewDocument(fn)),
        evaluate: (fn, args) => pp.evaluate(fn, ...args),
        clickAt: (x, y) => pp.mouse.click(x, y),
        press: (key) => pressCombo(pp.keyboard, key),
        type: (text) => pp.keyboard.type(text),
        screenshot: (path) => pp.screenshot({ path }),
        url: async () => pp.url(),
        cookies: async () => (await context.cookies()).map(cookieOf),
        /**
         * The visitor's system settings, as Firefox's preferences (they apply to the whole
         * browser, so to every page of this launch): colour scheme and reduced motion.
         */
        async emulateMedia({ colorScheme, reducedMotion } = {}) {
          const set = [];
          if (colorScheme) set.push(`Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${colorScheme === 'dark' ? 0 : 1})`);
          if (reducedMotion) set.push(`Services.prefs.setIntPref('ui.prefersReducedMotion', ${reducedMotion === 'reduce' ? 1 : 0})`);
          if (set.length) await chrome(set.join(';'));
          mediaSet ||= set.length > 0;
        },
        setViewport: (w, h) => pp.setViewport({ width: w, height: h }),
        close: () => context.close(),
      });
    },
    close: () => browser.close(),
  };
}
