import { executeServerCommand } from '@web/test-runner-commands';

/**
 * The engine this test page runs in, as web-test-runner.config.mjs launched it, so a test can
 * name what an engine cannot do instead of passing quietly.
 */
export type Engine = 'chromium' | 'firefox' | 'webkit';

export const engine: { engine: Engine; gpc: boolean } = (window as any).__consentryEngine || { engine: 'chromium', gpc: false };

/**
 * `it`, except in the engines `cannot` names: there the test is skipped, and its title says
 * the engine and why, e.g. itUnless({ webkit: 'WebDriver cannot emulate a dark colour scheme' }, …).
 */
export function itUnless(cannot: Partial<Record<Engine, string>>, title: string, fn: Mocha.Func | Mocha.AsyncFunc) {
  const why = cannot[engine.engine];
  return why ? it.skip(`${title} [skipped in ${engine.engine}: ${why}]`, fn) : it(title, fn);
}

export interface BrowserCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'Strict' | 'Lax' | 'None' | '';
  /** Seconds since the epoch; -1 for a session cookie. */
  expires: number;
}

/** The cookies the browser stored for this visitor, with their attributes (every engine). */
export const browserCookies = () => executeServerCommand<BrowserCookie[], undefined>('browser-cookies');
