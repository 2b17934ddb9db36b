// The Page every engine returns. Each engine supplies a few primitives (navigate, run script,
// a pointer click at a point, key presses, a screenshot); what is built from them (waiting,
// clicking an element by selector) is written once here, so it behaves the same everywhere.
import { locateInPage, parseSelector } from './in-page.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * `p`: { engine, goto(url), evaluate(fn, args), clickAt(x, y), press(key), type(text),
 *        screenshot(path), url(), close(), ...extras }
 */
export function makePage(p) {
  const page = {
    ...p,
    /** Runs `fn(...args)` in the page; a returned promise is awaited; the result comes back as JSON. */
    evaluate: (fn, ...args) => p.evaluate(fn, args),
    /** Resolves with `fn(...args)`'s first truthy value, polling every 50 ms; throws after `timeout`. */
    async waitForFunction(fn, { timeout = 5000 } = {}, ...args) {
      const end = Date.now() + timeout;
      let last;
      for (;;) {
        try {
          const v = await p.evaluate(fn, args);
          if (v) return v;
        } catch (e) {
          // A navigation in progress destroys the context the script ran in: try again.
          last = e;
        }
        if (Date.now() > end) throw new Error(`${p.engine}: timed out after ${timeout} ms waiting for ${String(fn).slice(0, 160)}${last ? ` (last error: ${last.message})` : ''}`);
        await sleep(50);
      }
    },
    /** The elements `selector` matches (see in-page.mjs), each with its centre and visibility. */
    locate(selector, scroll = false, attr = null) {
      const [css, text, part] = parseSelector(selector);
      return p.evaluate(locateInPage, [css, text, part, scroll, attr]);
    },
    /** The attribute `name` of the first element `selector` matches (null if none or unset). */
    async attribute(selector, name) {
      const [first] = await page.locate(selector, false, name);
      return first ? first.attr : null;
    },
    /** How many elements `selector` matches, visible or not. */
    async count(selector) {
      return (await page.locate(selector)).length;
    },
    /** Waits until `selector` matches a visible element (`state: 'visible'`) or none (`'hidden'`). */
    async waitFor(selector, { state = 'visible', timeout = 5000 } = {}) {
      const want = state === 'visible';
      const end = Date.now() + timeout;
      for (;;) {
        let n = -1;
        try {
          n = (await page.locate(selector)).filter((e) => e.visible).length;
        } catch {}
        if (n >= 0 && n > 0 === want) return;
        if (Date.now() > end) throw new Error(`${p.engine}: "${selector}" did not become ${state} within ${timeout} ms`);
        await sleep(50);
      }
    },
    /**
     * A real mouse click (pointer down and up from the browser's input system, not a script
     * event) at the centre of the first visible element `selector` matches, once a pointer
     * there would reach it (nothing covers it).
     */
    async click(selector, { timeout = 5000 } = {}) {
      const end = Date.now() + timeout;
      let why = 'no element matches';
      for (;;) {
        let target = null;
        try {
          const all = await page.locate(selector, true);
          const visible = all.filter((e) => e.visible);
          target = visible.find((e) => e.reachable);
          if (!target && visible.length) why = `it is covered by ${visible[0].hit}`;
          else if (!target && all.length) why = 'it is not visible';
        } catch (e) {
          why = e.message;
        }
        if (target) return p.clickAt(target.x, target.y);
        if (Date.now() > end) throw new Error(`${p.engine}: cannot click "${selector}": ${why}`);
        await sleep(50);
      }
    },
  };
  return page;
}

/**
 * A cookie as the browser stored it, the same shape in every engine: `expires` in seconds since
 * the epoch (-1 for a session cookie), `sameSite` 'Strict' | 'Lax' | 'None' (or '' when unset).
 */
export function cookieOf(c) {
  const expires = c.expires ?? c.expiry;
  return {
    name: c.name,
    value: c.value,
    domain: c.domain,
    path: c.path,
    httpOnly: !!c.httpOnly,
    secure: !!c.secure,
    sameSite: c.sameSite || '',
    expires: expires == null || expires < 0 ? -1 : expires,
  };
}

/**
 * The source of `fn` called with `args`, for engines that take a script as text. The result is
 * wrapped so `undefined` survives JSON (WebDriver turns it into null).
 */
export function callSource(fn, args) {
  return `return (async () => { const v = await (${fn})(...${JSON.stringify(args)}); return v === undefined ? { u: 1 } : { v }; })()`;
}
