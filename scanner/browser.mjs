// The browser side of a scan: Chromium through playwright-core, and one pass over one page in
// a fresh context (no cookies, no storage, no cache), recording what the page asked for and
// what it left behind. playwright-core is an optional peer dependency of consentry: sites that
// only embed the loader never install it, so it is imported here, when a scan starts.
import { existsSync } from 'node:fs';
import { CHROMIUM_ARGS } from './chromium-args.mjs';


/** Where Chromium or Chrome usually is, when CHROMIUM_PATH does not say. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** A problem the user can fix; the CLI prints its message without a stack. */
export class ScanError extends Error {}

async function playwright() {
  try {
    return await import('playwright-core');
  } catch (e) {
    if (e && (e.code == 'ERR_MODULE_NOT_FOUND' || e.code == 'MODULE_NOT_FOUND'))
      throw new ScanError('consentry scan drives Chromium with playwright-core, which is not installed.\nInstall it next to consentry: npm install --save-dev playwright-core');
    throw e;
  }
}

function chromiumPath() {
  const given = process.env.CHROMIUM_PATH || process.env.CHROME_PATH;
  if (given) {
    if (!existsSync(given)) throw new ScanError(`CHROMIUM_PATH is ${given}, and there is no file there`);
    return given;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new ScanError('consentry scan needs Chromium or Chrome: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH to its executable');
  return found;
}

/** The proxy option of playwright from a URL; credentials in the URL become its username and password. */
function proxyOption(url) {
  if (!url) return undefined;
  const u = new URL(url);
  const server = `${u.protocol}//${u.host}`;
  return u.username ? { server, username: decodeURIComponent(u.username), password: decodeURIComponent(u.password) } : { server };
}

/** Starts Chromium for a scan. */
export async function openBrowser({ proxy } = {}) {
  const { chromium } = await playwright();
  const executablePath = chromiumPath();
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, proxy: proxyOption(proxy) });
  } catch (e) {
    throw new ScanError(`Chromium (${executablePath}) did not start: ${String(e.message).split('\n')[0]}`);
  }
}

/** The first script URL on an initiator's stack, else the document that asked (CDP Network.Initiator). */
function initiatorUrl(init) {
  for (let s = init && init.stack; s; s = s.parent) for (const f of s.callFrames || []) if (f.url) return f.url;
  return (init && init.url) || null;
}

/**
 * A Set-Cookie line as the cookie it would make, in the shape of playwright's cookies
 * (expires: seconds since 1970, -1 for a session cookie). `host` answered the request.
 */
export function parseSetCookie(line, host) {
  const [pair, ...attrs] = String(line).split(';');
  const eq = pair.indexOf('=');
  const c = { name: (eq < 0 ? '' : pair.slice(0, eq)).trim(), domain: host, path: '/', expires: -1, httpOnly: false, secure: false, sameSite: 'Lax' };
  let maxAge = null;
  for (const a of attrs) {
    const i = a.indexOf('=');
    const k = (i < 0 ? a : a.slice(0, i)).trim().toLowerCase();
    const v = i < 0 ? '' : a.slice(i + 1).trim();
    if (k == 'domain' && v) c.domain = '.' + v.replace(/^\./, '').toLowerCase();
    else if (k == 'path' && v.startsWith('/')) c.path = v;
    else if (k == 'max-age' && /^-?\d+$/.test(v)) maxAge = +v;
    else if (k == 'expires' && !isNaN(Date.parse(v))) c.expires = Date.parse(v) / 1000;
    else if (k == 'httponly') c.httpOnly = true;
    else if (k == 'secure') c.secure = true;
    else if (k == 'samesite') c.sameSite = v ? v[0].toUpperCase() + v.slice(1).toLowerCase() : 'Lax';
  }
  if (maxAge != null) c.expires = Date.now() / 1000 + maxAge; // Max-Age wins over Expires
  return c;
}

/**
 * Runs in every frame before the page's scripts: tells the scanner of each write to
 * localStorage, sessionStorage and document.cookie (when it happened, where, what), so a
 * choice pass sees a tag that writes the same value again. Writes by property assignment
 * (`localStorage.x = 1`) bypass it; the before/after comparison catches those.
 */
function writeHook() {
  const tell = (kind, what) => {
    try {
      window.__consentryScanWrite(kind, location.origin, location.hostname, String(what), Date.now());
    } catch {}
  };
  const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key) {
    let kind = 'sessionStorage';
    try {
      if (this === window.localStorage) kind = 'localStorage';
    } catch {}
    tell(kind, key);
    return set.apply(this, arguments);
  };
  const d = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (d && d.set)
    Object.defineProperty(Document.prototype, 'cookie', {
      ...d,
      set(v) {
        tell('cookie', v);
        return d.set.call(this, v);
      },
    });
}

/** Every frame's storage that the page may read: { origin, local: {key: value}, session }. */
async function readStorage(page) {
  const out = [];
  for (const frame of page.frames()) {
    const s = await frame
      .evaluate(() => {
        const read = (name) => {
          try {
            const st = window[name];
            const o = {};
            for (let i = 0; i < st.length; i++) {
              const k = st.key(i);
              o[k] = String(st.getItem(k)).slice(0, 200);
            }
            return o;
          } catch {
            return {}; // sandboxed or opaque origins have no storage to read
          }
        };
        return { origin: location.origin, local: read('localStorage'), session: read('sessionStorage') };
      })
      .catch(() => null);
    if (s && s.origin && s.origin != 'null') out.push(s);
  }
  return out;
}

/** A key per cookie or storage entry, to see what a choice changed. */
const cookieKey = (c) => `${c.name}\u0000${c.domain}\u0000${c.path}`;
const storageKey = (s) => `${s.kind}\u0000${s.origin}\u0000${s.key}`;
/** The storage entries of every frame, by storageKey. */
function storageEntries(frames) {
  const m = new Map();
  for (const f of frames)
    for (const kind of ['local', 'session'])
      for (const [key, value] of Object.entries(f[kind])) {
        const e = { kind: kind + 'Storage', origin: f.origin, key, value };
        m.set(storageKey(e), e);
      }
  return m;
}

/** What the page says about Consentry: whether its API is there, the loader's URL, beacon and config. */
function consentryProbe() {
  const api = window.consentry;
  const present = !!api && typeof api.acceptAll == 'function' && typeof api.rejectAll == 'function';
  const loader = [...document.scripts].find((s) => s.src && (s.hasAttribute('data-config') || /consentry[^/]*\.js(\?|$)/.test(s.src)));
  const decision = present && typeof api.get == 'function' ? api.get() : null;
  const inline = document.getElementById('consentry-config');
  return {
    inline: inline && inline.getAttribute('type') == 'application/json' ? inline.textContent.slice(0, 1e6) : null,
    present,
    loader: loader ? loader.src : null,
    beacon: loader && loader.getAttribute('data-beacon') ? new URL(loader.getAttribute('data-beacon'), location.href).href : null,
    config: loader && loader.getAttribute('data-config') ? new URL(loader.getAttribute('data-config'), location.href).href : null,
    method: decision ? decision.method : null,
  };
}

/** Links on the page, resolved, without fragments; what a visitor could click. */
function linkProbe() {
  return [...document.querySelectorAll('a[href], area[href]')].filter((a) => !a.hasAttribute('download')).map((a) => a.href);
}

/** The body at `url`, fetched once per scan (`configs` maps URLs to bodies): most pages of a site share one configuration. */
function fetchOnce(configs, context, url, opts) {
  if (!configs.has(url))
    configs.set(
      url,
      context.request
        .get(url, { timeout: opts.timeout })
        .then((r) => (r.ok() ? r.text() : null))
        .catch(() => null),
    );
  return configs.get(url);
}

/**
 * One pass over one page in a fresh context.
 * `pass` is "before" (load and watch), "reject" (load, "Reject all" through window.consentry,
 * then load the page again as the visitor's next view and watch it) or "accept" (load,
 * "Accept all", watch the tags it releases).
 * Only what happens after the choice counts for "reject" and "accept": the part before it
 * is what the "before" pass shows. `configs` caches the configurations pages run with, by URL.
 * @returns {Promise<object>} { pass, url, finalUrl, status, contentType, error, consentry, links, requests, cookies, storage };
 *   a cookie the browser refused carries `blocked` (the browser's reasons)
 */
export async function runPass(browser, url, pass, opts, configs = new Map()) {
  const context = await browser.newContext({ ignoreHTTPSErrors: !!opts.ignoreHttpsErrors, serviceWorkers: 'block' });
  context.setDefaultTimeout(opts.timeout);
  const out = { pass, url, finalUrl: url, status: null, contentType: null, error: null, consentry: null, links: [], requests: [], cookies: [], blockedCookies: [], storage: [] };
  const initiators = new Map();
  let counting = pass == 'before';
  /** Cookies and storage when the choice was made (reject and accept): what they wrote is what differs. */
  let atChoice = null;
  /** When the choice was made, and the cookies (name, domain) and storage keys written since. */
  let choiceAt = Infinity;
  const written = { cookies: new Set(), storage: new Set() };
  const wroteCookie = (c) => written.cookies.add(`${c.name}\u0000${c.domain}`);
  let inflight = 0;
  let lastRequest = Date.now();
  context.on('request', (r) => {
    inflight++;
    lastRequest = Date.now();
    const u = r.url();
    if (counting && /^https?:/.test(u)) out.requests.push({ url: u, type: r.resourceType() });
  });
  const done = () => inflight--;
  context.on('requestfinished', done);
  context.on('requestfailed', done);

  /** Waits until the page has been watched for `wait` ms and the network has been quiet for `quiet` ms, or 5 s more at most. */
  const settle = async (wait = opts.wait, quiet = 500) => {
    const start = Date.now();
    for (;;) {
      const now = Date.now();
      if (now - start >= wait + 5000) return;
      if (now - start >= wait && now - lastRequest >= quiet && inflight <= 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const load = async (page) => {
    const res = await page.goto(url, { waitUntil: 'load' });
    out.finalUrl = page.url();
    if (res) {
      out.status = res.status();
      out.contentType = res.headers()['content-type'] || '';
    }
  };

  try {
    if (pass != 'before') {
      await context.exposeBinding('__consentryScanWrite', (_source, kind, origin, hostname, what, at) => {
        if (at < choiceAt) return;
        if (kind == 'cookie') wroteCookie(parseSetCookie(what, hostname));
        else written.storage.add(storageKey({ kind, origin, key: what }));
      });
      await context.addInitScript(writeHook);
    }
    const page = await context.newPage();
    // WebSockets are no requests to playwright, but trackers and chat widgets open them.
    page.on('websocket', (ws) => counting && out.requests.push({ url: ws.url(), type: 'websocket' }));
    try {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      const urls = new Map();
      cdp.on('Network.requestWillBeSent', (e) => {
        urls.set(e.requestId, e.request.url);
        if (!initiators.has(e.request.url)) initiators.set(e.request.url, initiatorUrl(e.initiator));
      });
      // Cookies the browser refused to store (third-party cookies, which Chromium blocks in a
      // fresh profile): a visitor whose browser takes them gets them, so they count too.
      cdp.on('Network.responseReceivedExtraInfo', (e) => {
        if (!counting) return;
        let host = '';
        try {
          host = new URL(urls.get(e.requestId)).hostname;
        } catch {}
        // Cookies the servers set after the choice, stored or not.
        const header = Object.entries(e.headers || {}).find(([k]) => k.toLowerCase() == 'set-cookie');
        if (header) for (const line of String(header[1]).split('\n')) wroteCookie(parseSetCookie(line, host));
        for (const b of e.blockedCookies || []) {
          const c = parseSetCookie(b.cookieLine, host);
          if (c.name) out.blockedCookies.push({ ...c, blocked: (b.blockedReasons || []).join(', ') || 'blocked' });
        }
      });
    } catch {} // initiators and refused cookies are a bonus: without CDP the scan still sees every request
    await load(page);
    if (out.contentType && !/html/i.test(out.contentType)) return out;
    if (pass == 'before') {
      await settle();
      out.consentry = await page.evaluate(consentryProbe);
      out.links = await page.evaluate(linkProbe);
      // The configuration the page runs with, so its vendors classify this page without --config.
      const c = out.consentry;
      if (c.config && !opts.config) c.configText = await fetchOnce(configs, context, c.config, opts);
      else if (c.inline) c.configText = c.inline;
      delete c.inline;
    } else {
      out.consentry = await page.evaluate(consentryProbe);
      if (!out.consentry.present) throw new Error('window.consentry is not on this page');
      atChoice = {
        cookies: new Map((await context.cookies()).map((c) => [cookieKey(c), c.value + c.expires])),
        storage: storageEntries(await readStorage(page)),
      };
      counting = true;
      choiceAt = Date.now();
      const method = pass == 'reject' ? 'reject-all' : 'accept-all';
      await page.evaluate((m) => (m == 'reject-all' ? window.consentry.rejectAll() : window.consentry.acceptAll()), method);
      await page.waitForFunction((m) => window.consentry.get() && window.consentry.get().method == m, method, { timeout: 10000 });
      if (pass == 'reject') {
        // A short quiet spell for what the choice set off, then the visitor's next page view with
        // the refusal stored, watched in full: a tag that runs on every view regardless shows here.
        await settle(0, 300);
        await load(page);
        await settle();
        out.consentry = await page.evaluate(consentryProbe);
      } else {
        // The gate releases every allowed tag on the page where the choice is made, in order:
        // watching that page shows what consent lets run, without loading it again.
        await settle();
      }
    }
    out.cookies = await context.cookies();
    out.storage = [...storageEntries(await readStorage(page)).values()];
    if (atChoice) {
      // What the choice and the view after it wrote: new or changed entries, and entries
      // written again with the same value (seen by the write hook and the Set-Cookie headers).
      out.cookies = out.cookies.filter((c) => written.cookies.has(`${c.name}\u0000${c.domain}`) || atChoice.cookies.get(cookieKey(c)) !== c.value + c.expires);
      out.storage = out.storage.filter((e) => {
        const before = atChoice.storage.get(storageKey(e));
        return written.storage.has(storageKey(e)) || !before || before.value !== e.value;
      });
    }
  } catch (e) {
    out.error = String((e && e.message) || e).split('\n')[0];
  } finally {
    for (const r of out.requests) r.initiator = initiators.get(r.url) || null;
    // A refused cookie once per name and domain, unless the browser has it after all.
    const have = new Set(out.cookies.map(cookieKey));
    const blocked = new Map(out.blockedCookies.filter((c) => !have.has(cookieKey(c))).map((c) => [cookieKey(c), c]));
    out.cookies.push(...blocked.values());
    delete out.blockedCookies;
    await context.close().catch(() => {});
  }
  return out;
}
