/**
 * Whether a cookie name belongs to a vendor's cookie rule (`exact`, `prefix`
 * or `regex`), and which regular expressions a rule may use at all.
 *
 * Rules run on the page's main thread at every withdrawal, on names that
 * tags chose, with a backtracking engine: `^(a+)+$` takes seconds on a name of
 * 25 "a"s and a "!". So a pattern keeps to a subset where the work grows at
 * most with the square of a name's length: no quantifier on a group (`(…)?`
 * is fine), at most two of `*`, `+`, `{…}`, at most six choice points
 * (`|`, `?`, `*`, `+`, `{`) in all, no back-references or look-arounds, and
 * LIMITS.pattern characters. Names longer than LIMITS.cookieName are never
 * tried. The checks read the pattern's raw text, so an escaped `\*` counts as
 * well: stricter than needed, never looser.
 */
import { LIMITS } from './limits';

export const safePattern = (p: string) =>
  p.length <= LIMITS.pattern && !/\\[1-9k]|\(\?[=!<]|\)[*+{]/.test(p) && p.split(/[*+{]/).length < 4 && p.split(/[|?*+{]/).length < 8;

/** A rule from a configuration that may not have been validated: anything odd matches nothing. */
export function matches(rule: { name: string; match?: string }, name: string): boolean {
  try {
    const p = rule.name;
    return rule.match == 'prefix' ? name.startsWith(p) : rule.match == 'regex' ? safePattern(p) && name.length <= LIMITS.cookieName && new RegExp(p).test(name) : name == p;
  } catch {
    return false;
  }
}
