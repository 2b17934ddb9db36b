// WebKit (Safari's engine) through WebKitWebDriver and the engine's MiniBrowser, on a virtual
// X display that this launcher starts and stops. Each page is a WebDriver session of its own
// (a MiniBrowser of its own, with ephemeral storage), so every visitor starts fresh, on a display
// of its own, so that pages open at the same time do not take keyboard focus from each other.
// WebKit has no Global Privacy Control, and WebDriver classic has no way to emulate media
// features: pages report the settings this launcher starts them with (reduced motion, light).
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { driver } from './webdriver.mjs';
import { startXvfb } from './xvfb.mjs';
import { callSource, cookieOf, makePage } from './page.mjs';

export const binary = process.env.WEBKIT_WEBDRIVER_PATH || '/usr/bin/WebKitWebDriver';
export const miniBrowser = process.env.WEBKIT_MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** What every WebKit page starts with (GTK's settings; see emulateMedia). */
export const WEBKIT_MEDIA = { reducedMotion: 'reduce', colorScheme: 'light' };

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Starts WebKitWebDriver on a free port (retrying if another process took the port meanwhile). */
async function startDriver(env) {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const proc = spawn(binary, [`--port=${port}`, '--host=local'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    proc.stderr.on('data', (d) => (err += d));
    const exited = new Promise((r) => proc.once('exit', r));
    const wd = driver(`http://127.0.0.1:${port}`);
    try {
      await Promise.race([wd.ready(10000), exited.then(() => Promise.reject(new Error(`WebKitWebDriver exited: ${err.trim()}`)))]);
      return { wd, proc, exited };
    } catch (e) {
      proc.kill();
      if (attempt >= 2) throw e;
    }
  }
}

export async function launchWebKit({ gpc = false, proxy = null, ignoreHTTPSErrors = false, hosts = [], itp = false } = {}) {
  if (gpc) throw new Error('webkit: WebKit has no Global Privacy Control (navigator.globalPrivacyControl is undefined, no Sec-GPC header)');
  if (hosts.length) throw new Error(`webkit: cannot map host names to this machine (${hosts.join(', ')}); use names under .localhost`);
  // GTK's settings are the visitor's system settings for WebKit: no animations = reduced motion.
  const config = mkdtempSync(join(tmpdir(), 'consentry-webkit-'));
  mkdirSync(join(config, 'gtk-3.0'));
  writeFileSync(join(config, 'gtk-3.0', 'settings.ini'), `[Settings]\ngtk-enable-animations=${WEBKIT_MEDIA.reducedMotion === 'reduce' ? 0 : 1}\n`);
  // WebKitWebDriver serves one session at a time: each page gets a driver (and display) of its own.
  const pages = new Set();
  const capabilities = {
    // --enable-itp: Intelligent Tracking Prevention, as Safari ships it (caps script-written cookies at 7 days).
    'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation', ...(itp ? ['--enable-itp'] : [])] },
    ...(ignoreHTTPSErrors ? { acceptInsecureCerts: true } : {}),
    ...(proxy
      ? {
          proxy: {
            proxyType: 'manual',
            httpProxy: new URL(proxy).host,
            sslProxy: new URL(proxy).host,
            // Loopback stays direct.
            noProxy: ['127.0.0.1', 'localhost', '*.localhost', '[::1]'],
          },
        }
      : {}),
  };
  let version = null;
  return {
    engine: 'webkit',
    get version() {
      return version;
    },
    /** A fresh visitor: a session (and MiniBrowser) of its own, 1280×800. */
    async newPage({ width = 1280, height = 800 } = {}) {
      const x = await startXvfb();
      let d, s;
      try {
        d = await startDriver({ ...process.env, DISPLAY: x.display, XDG_CONFIG_HOME: config, GDK_BACKEND: 'x11' });
        s = await d.wd.session(capabilities);
      } catch (e) {
        d?.proc.kill();
        await x.stop();
        throw e;
      }
      const stop = async () => {
        pages.delete(stop);
        await s.close().catch(() => {});
        d.proc.kill();
        await d.exited;
        await x.stop();
      };
      pages.add(stop);
      version = `${s.capabilities.browserName} ${s.capabilities.browserVersion}`;
      await s.timeouts({ script: 30000, pageLoad: 30000 });
      await s.setWindowRect({ width, height }).catch(() => {});
      return makePage({
        engine: 'webkit',
        // WebDriver classic reports no page errors: tests that read them say so.
        errors: null,
        raw: s,
        goto: (url) => s.goto(url),
        reload: () => s.refresh(),
        // WebDriver classic cannot run a script before the page's own.
        addInitScript: null,
        async evaluate(fn, args) {
          const r = await s.execute(callSource(fn, args));
          return r && r.u ? undefined : r && r.v;
        },
        clickAt: (x, y) => s.click(x, y),
        press: (key) => s.press(key),
        type: (text) => s.type(text),
        screenshot: async (path) => writeFile(path, Buffer.from(await s.screenshot(), 'base64')),
        url: () => s.url(),
        cookies: async () => (await s.cookies()).map(cookieOf),
        async emulateMedia(m = {}) {
          for (const [k, v] of Object.entries(m))
            if (v != null && WEBKIT_MEDIA[k] !== v) throw new Error(`webkit: WebDriver cannot emulate ${k}: ${v} (WebKit pages run with ${JSON.stringify(WEBKIT_MEDIA)})`);
        },
        setViewport: (w, h) => s.setWindowRect({ width: w, height: h }),
        close: stop,
      });
    },
    async close() {
      await Promise.all([...pages].map((stop) => stop()));
      rmSync(config, { recursive: true, force: true });
    },
  };
}
