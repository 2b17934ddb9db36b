/**
 * The one first-party cookie. Its value is compact and checksummed:
 *   1.<id>.<time base36>.<revision>.<method+signals>.<categories>.<vendor overrides>.<checksum>
 * Categories lists the allowed ones; vendors lists only those that differ from
 * their category (`id` on, `!id` off). A list longer than LIST characters (many
 * vendors switched one by one, long ids) is written as `*<checksum of the
 * configuration's ids and vendors' categories>*<hex bitmap over them>` instead,
 * so the cookie stays under 300 bytes whatever the configuration (a cookie over
 * 4 KB is dropped by the browser, and the choice with it); a changed id list, or
 * a vendor moved to another category, then asks again.
 * The checksum catches edits and truncation, not a determined forger: nothing
 * in a first-party cookie can, and a forged cookie only changes its own
 * visitor's tags. The value never needs escaping, so plain document.cookie
 * reads and writes it: a cookie library would cost a tenth of the loader.
 */
import type { Decision, Method, ResolvedConfig } from './types';
import { LIMITS } from './limits';
import { sum } from './sum';

export const METHODS: Method[] = ['accept-all', 'reject-all', 'custom', 'signal', 'opt-out-default'];

/** Longest id list the cookie holds as ids; 256 vendors as a bitmap take 73. */
const LIST = 64;
type Item = { id: string; category?: string };

/**
 * What a bitmap is over: the ids, and each vendor's category, so that a vendor moved to another
 * category (a bitmap bit says only "differs from its category") asks again rather than flipping.
 * (An array's text joins its items with commas.)
 */
const key = (all: Item[]) => sum(all.map((x) => x.id + (x.category ? '>' + x.category : '')) + '');

/** The items `on` picks, as ids (`show`), or as a bitmap when that list is long. */
function pack(all: Item[], on: (x: any) => boolean, show: (x: any) => string): string {
  const list = all.filter(on).map(show).join('~');
  if (list.length <= LIST) return list;
  let hex = '*' + key(all) + '*';
  for (let i = 0; i < all.length; i += 4) hex += all.slice(i, i + 4).reduce((n, x, j) => n | (+on(x) << j), 0).toString(16);
  return hex;
}

export function encode(d: Decision, config: ResolvedConfig): string {
  const differs = (v: Item) => d.vendors[v.id] !== d.categories[v.category!];
  const body = [
    '1',
    d.id,
    Date.parse(d.ts).toString(36),
    d.revision,
    METHODS.indexOf(d.method) * 4 + +d.signals.gpc * 2 + +d.signals.dnt,
    pack(config.categories, (c) => !c.required && d.categories[c.id], (c) => c.id),
    pack(config.vendors, differs, (v) => (d.vendors[v.id] ? '' : '!') + v.id),
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
/**
 * How item `i` of `all` is in a list as pack() wrote it: 1 listed (a category allowed, a vendor
 * on), -1 a vendor listed off (`!id`), 2 set in a bitmap (a vendor that differs from its
 * category), 0 not there. False instead of a test when the list names an id the configuration
 * does not know (the cookie belongs to another configuration) or is a bitmap over other ids.
 */
function unpack(s: string, all: Item[]) {
  const [l, h, hex] = s.split('*');
  const ids = all.map((x) => x.id);
  const list = l ? l.split('~') : [];
  return (
    (hex ? h == key(all) : list.every((id) => ids.includes(id.replace('!', '')))) &&
    ((i: number) => (hex ? ((parseInt(hex[i >> 2], 16) >> (i & 3)) & 1) * 2 : list.includes(ids[i]) ? 1 : -list.includes('!' + ids[i])))
  );
}

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
  const categories: Record<string, boolean> = {};
  const vendors: Record<string, boolean> = {};
  const allowed = unpack(f[5], config.categories);
  const over = unpack(f[6], config.vendors);
  if (!allowed || !over) return null;
  config.categories.forEach((c, i) => (categories[c.id] = c.required || allowed(i) > 0));
  // A vendor listed is on or off as listed, even if it has since moved to another category
  // (read as "differs", the visitor's "off" would turn into "on"); one set in a bitmap differs
  // from its category; the rest follow it.
  config.vendors.forEach((v, i) => {
    const o = over(i);
    vendors[v.id] = o == 2 ? !categories[v.category] : o ? o > 0 : categories[v.category];
  });
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
  // Two of the name (another path or domain: an older version, a changed cookie.domain) come in
  // the browser's order, not by age: the newest decision wins, or an old "accept all" would undo
  // a withdrawal on every page.
  let d: Decision | null = null;
  for (const c of jar().split('; '))
    if (c.split('=')[0] == name) {
      const x = decode(c.slice(name.length + 1), config);
      if (x && (!d || x.ts > d.ts)) d = x;
    }
  return d;
}

export const write = (d: Decision, config: ResolvedConfig) => put(config, encode(d, config), config.cookie.expiresDays * 86400);

export const clear = (config: ResolvedConfig) => put(config, '', 0);

function put(config: ResolvedConfig, value: string, maxAge: number) {
  const { name, domain } = config.cookie;
  const set = (d: string) => {
    try {
      document.cookie = `${name}=${value};Path=/;SameSite=Lax;Max-Age=${maxAge}${d ? ';Domain=' + d : ''}${location.protocol == 'https:' ? ';Secure' : ''}`;
    } catch {
      // A sandboxed document has no cookies: the choice lasts for this page only.
    }
  };
  set(domain);
  // The browser refuses a cookie.domain that does not cover this page's host (a staging or local
  // copy of the site): the choice would be lost on every page, so it is kept for this host instead.
  // (Deleting clears both.)
  if (domain && (!value || jar().indexOf(name + '=' + value) < 0)) {
    if (value) console.error(`[consentry] cookie.domain: "${domain}" does not cover this host; stored for the host alone`);
    set('');
  }
}
