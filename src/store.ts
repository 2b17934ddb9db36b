/**
 * The one first-party cookie. Its value is compact and checksummed:
 *   1.<id>.<time base36>.<revision>.<method+signals>.<categories>.<vendor overrides>.<checksum>
 * Categories lists the allowed ones; vendors lists only those that differ from
 * their category (`id` on, `!id` off), so the cookie stays far under 300 bytes.
 * The checksum catches edits and truncation, not a determined forger: nothing
 * in a first-party cookie can, and a forged cookie only changes its own
 * visitor's tags. The value never needs escaping, so plain document.cookie
 * reads and writes it: a cookie library would cost a tenth of the loader.
 */
import type { Decision, Method, ResolvedConfig } from './types';
import { LIMITS } from './limits';
import { sum } from './sum';

export { sum };

export const METHODS: Method[] = ['accept-all', 'reject-all', 'custom', 'signal', 'opt-out-default'];

export function encode(d: Decision, config: ResolvedConfig): string {
  const cats = config.categories.filter((c) => !c.required && d.categories[c.id]).map((c) => c.id);
  const over = config.vendors.filter((v) => d.vendors[v.id] !== d.categories[v.category]).map((v) => (d.vendors[v.id] ? '' : '!') + v.id);
  const body = [
    '1',
    d.id,
    Date.parse(d.ts).toString(36),
    d.revision,
    METHODS.indexOf(d.method) * 4 + +d.signals.gpc * 2 + +d.signals.dnt,
    cats.join('~'),
    over.join('~'),
  ].join('.');
  return body + '.' + sum(body);
}

/** Cookies are unreadable in a sandboxed document: there, nothing is stored. */
export function jar() {
  try {
    return document.cookie;
  } catch {
    return '';
  }
}

/**
 * The stored decision, or null for anything missing, malformed or tampered
 * with, or that the store cannot fully trust: the checksum catches edits, not
 * forgery, so each field is checked as well. A time before 2020 or in the
 * future (beyond ten minutes of clock skew), a revision out of range, an
 * unknown method or an id the configuration does not know: null, which means
 * "ask again". Nothing here throws.
 */
function decode(value: string | undefined, config: ResolvedConfig): Decision | null {
  const f = (value || '').split('.');
  const ts = parseInt(f[2], 36);
  // `/ 4 | 0`, not `>> 2`: a huge number must not wrap round to a method.
  const method = METHODS[((f[4] as any) / 4) | 0];
  if (
    f.length != 8 || f[0] != '1' || sum(f.slice(0, 7).join('.')) != f[7] || !/^[\da-f-]{36}$/.test(f[1]) ||
    !method || !(ts > 15778368e5 && ts < Date.now() + 6e5) || !((f[3] as any) <= LIMITS.revision)
  )
    return null;
  const allowed = f[5] ? f[5].split('~') : [];
  const over = f[6] ? f[6].split('~') : [];
  const categories: Record<string, boolean> = {};
  const vendors: Record<string, boolean> = {};
  for (const c of config.categories) categories[c.id] = c.required || allowed.indexOf(c.id) >= 0;
  for (const v of config.vendors) vendors[v.id] = over.indexOf(v.id) >= 0 || (categories[v.category] && over.indexOf('!' + v.id) < 0);
  // Ids the configuration does not know mean the cookie belongs to another configuration.
  // (Every value is a boolean, so `typeof` tells an own id from "constructor" and its kind.)
  if (allowed.some((id) => typeof categories[id] != 'boolean') || over.some((id) => typeof vendors[id.replace('!', '')] != 'boolean')) return null;
  return {
    id: f[1],
    ts: new Date(ts).toISOString(),
    revision: +f[3],
    categories,
    vendors,
    method,
    signals: { gpc: !!(+f[4] & 2), dnt: !!(+f[4] & 1) },
  };
}

export function read(config: ResolvedConfig): Decision | null {
  const name = config.cookie.name;
  // Our value never needs escaping (ids, digits, "." "~" "!" "-"), so a plain split reads it.
  const pair = jar()
    .split('; ')
    .find((c) => c.split('=')[0] == name);
  return decode(pair && pair.slice(name.length + 1), config);
}

export const write = (d: Decision, config: ResolvedConfig) => put(config, encode(d, config), config.cookie.expiresDays * 86400);

export const clear = (config: ResolvedConfig) => put(config, '', 0);

function put(config: ResolvedConfig, value: string, maxAge: number) {
  const domain = config.cookie.domain;
  try {
    document.cookie = `${config.cookie.name}=${value};Path=/;SameSite=Lax;Max-Age=${maxAge}${domain ? ';Domain=' + domain : ''}${location.protocol == 'https:' ? ';Secure' : ''}`;
  } catch {
    // A sandboxed document has no cookies: the choice lasts for this page only.
  }
}
