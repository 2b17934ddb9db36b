/**
 * What is allowed: the region's mode, the signals, the visitor's choices.
 * Pure functions of their arguments, so every rule is testable on its own.
 */
import type { Choice, Decision, Method, Mode, ResolvedCategory, ResolvedConfig, Signals } from './types';
import { expand } from './expand';

export type Allowed = Pick<Decision, 'categories' | 'vendors'>;

/** The most specific region rule wins: "US-CA", then "US", then the default. */
export function modeFor(config: ResolvedConfig, region: string): Mode {
  const r = config.mode.regions;
  const up = (region || '').toUpperCase();
  return r[up] || r[up.split('-')[0]] || config.mode.default;
}

export const deniedBySignal = (cat: ResolvedCategory, s: Signals) => cat.signals.some((k) => s[k]);

/** Before any choice: opt-in allows only required; opt-out allows all but what a signal denies. */
export const defaults = (config: ResolvedConfig, mode: Mode, s: Signals): Allowed =>
  expand(config, (c) => mode == 'opt-out' && !deniedBySignal(c, s));

/** "Accept all" respects the signals: a category they deny stays off. */
export const acceptAll = (config: ResolvedConfig, s: Signals): Allowed => expand(config, (c) => !deniedBySignal(c, s));

export const rejectAll = (config: ResolvedConfig): Allowed => expand(config, () => false);

/**
 * Applies a choice on top of the current state. A category named in the choice
 * takes its vendors with it unless the choice names them too; required stays on.
 */
export function apply(config: ResolvedConfig, base: Allowed, choice: Choice): Allowed {
  const cats = choice.categories || {};
  const vendors: Record<string, boolean> = {};
  for (const v of config.vendors) {
    const named = choice.vendors && choice.vendors[v.id];
    if (typeof named == 'boolean') vendors[v.id] = named;
    else if (typeof cats[v.category] != 'boolean' && base.vendors[v.id] !== base.categories[v.category]) vendors[v.id] = base.vendors[v.id];
  }
  return expand(config, (c) => (typeof cats[c.id] == 'boolean' ? cats[c.id] : !!base.categories[c.id]), vendors);
}

/** A random version-4 UUID; crypto.randomUUID is missing on plain-http pages, hence the fallback. */
export const newId = (): string =>
  crypto.randomUUID
    ? crypto.randomUUID()
    : '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) => (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+c / 4)))).toString(16));

export function decision(config: ResolvedConfig, a: Allowed, method: Method, s: Signals, id: string): Decision {
  return {
    id,
    ts: new Date().toISOString(),
    revision: config.revision,
    categories: a.categories,
    vendors: a.vendors,
    method,
    signals: { gpc: s.gpc, dnt: s.dnt },
  };
}

/**
 * A stored decision still applies when it is for this revision and not expired, and:
 * - a default (`opt-out-default`, `signal`) stands for no choice, so it holds only where the
 *   mode is opt-out still (the visitor is now in an opt-in region: ask);
 * - no signal sent now denies a category it allows, unless the visitor switched that on
 *   themselves (`custom`): a default, or "Accept all" (which respects the signals), from before
 *   the signal does not outlast it.
 */
export const current = (d: Decision | null, config: ResolvedConfig, mode: Mode, s: Signals, now = Date.now()): d is Decision =>
  !!d &&
  d.revision === config.revision &&
  now - Date.parse(d.ts) < config.cookie.expiresDays * 864e5 &&
  (d.method == 'custom' ||
    ((mode == 'opt-out' || !/^(signal|opt-out)/.test(d.method)) &&
      !config.categories.some((c) => d.categories[c.id] && !c.required && deniedBySignal(c, s))));
