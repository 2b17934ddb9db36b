// A small W3C WebDriver client over fetch: only the commands our tests need (sessions,
// navigation, script, actions, screenshots, window size). webdriverio is not an option here:
// its peer range conflicts with puppeteer-core 25, which drives Firefox.
// https://www.w3.org/TR/webdriver2/

/** The WebDriver error, with the command that failed and the driver's own message. */
export class WebDriverError extends Error {
  constructor(method, path, status, value) {
    super(`WebDriver ${method} ${path}: ${value?.error || 'HTTP ' + status}${value?.message ? ': ' + value.message.split('\n')[0] : ''}`);
    this.code = value?.error;
  }
}

/** `base` is the driver's URL, e.g. http://127.0.0.1:4444. */
export function driver(base) {
  async function command(method, path, body) {
    const res = await fetch(base + path, {
      method,
      headers: body ? { 'content-type': 'application/json; charset=utf-8' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      throw new WebDriverError(method, path, res.status, { error: 'bad answer', message: text.slice(0, 200) });
    }
    if (!res.ok || (json.value && json.value.error)) throw new WebDriverError(method, path, res.status, json.value);
    return json.value;
  }
  return {
    command,
    /** Answers once the driver accepts connections (or throws after `ms`). */
    async ready(ms = 10000) {
      const end = Date.now() + ms;
      for (;;) {
        try {
          const v = await command('GET', '/status');
          if (v && v.ready !== false) return v;
        } catch (e) {
          if (Date.now() > end) throw new Error(`WebDriver at ${base} did not start: ${e.message}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async session(capabilities) {
      const v = await command('POST', '/session', { capabilities: { alwaysMatch: capabilities } });
      return session(command, v.sessionId, v.capabilities);
    },
  };
}

// The W3C key codes of the keys our tests press (https://www.w3.org/TR/webdriver2/#keyboard-actions).
const KEYS = {
  Backspace: '\uE003', Tab: '\uE004', Enter: '\uE007', Shift: '\uE008', Control: '\uE009', Alt: '\uE00A',
  Escape: '\uE00C', Space: ' ', PageUp: '\uE00E', PageDown: '\uE00F', End: '\uE010', Home: '\uE011',
  ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015', Delete: '\uE017', Meta: '\uE03D',
};

/** A key as WebDriver wants it: a named key's code point, or the character itself. */
export function keyValue(name) {
  if (KEYS[name]) return KEYS[name];
  if ([...name].length === 1) return name;
  throw new Error(`unknown key "${name}" (known: ${Object.keys(KEYS).join(', ')}, or one character)`);
}

function session(command, id, capabilities) {
  const s = (method, path, body) => command(method, `/session/${id}${path}`, body);
  return {
    id,
    capabilities,
    goto: (url) => s('POST', '/url', { url }),
    url: () => s('GET', '/url'),
    refresh: () => s('POST', '/refresh', {}),
    /** The cookies the current document's URL would send (HttpOnly ones included). */
    cookies: () => s('GET', '/cookie'),
    /** Runs `script` (a function body; `arguments` are `args`); a returned promise is awaited. */
    execute: (script, args = []) => s('POST', '/execute/sync', { script, args }),
    /** Key presses: `combo` like "Shift+Tab" holds the first keys while pressing the last. */
    async press(combo) {
      const keys = combo === '+' ? ['+'] : combo.split('+').map(keyValue);
      const actions = [...keys.map((value) => ({ type: 'keyDown', value })), ...keys.reverse().map((value) => ({ type: 'keyUp', value }))];
      await s('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    },
    async type(text) {
      const actions = [...text].flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]);
      await s('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    },
    /** A mouse click at viewport coordinates. */
    async click(x, y) {
      await s('POST', '/actions', {
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              { type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ],
      });
      await s('DELETE', '/actions');
    },
    screenshot: () => s('GET', '/screenshot'),
    setWindowRect: (rect) => s('POST', '/window/rect', rect),
    timeouts: (t) => s('POST', '/timeouts', t),
    close: () => s('DELETE', ''),
  };
}
