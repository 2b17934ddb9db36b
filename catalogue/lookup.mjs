// Lookups over a list of catalogue entries, with no Node or browser API: the CLI and the scanner use
// them through index.mjs, the demo playground imports this file directly beside the fetched JSON.

/** The fields a configuration's vendor may have (SPEC in src/validate.ts; a test keeps them equal). */
export const CONFIG_FIELDS = ['id', 'name', 'category', 'purpose', 'hosts', 'cookies', 'dataCollected', 'retention', 'privacyPolicyUrl', 'optOutUrl', 'consentApi'];
const COOKIE_FIELDS = ['name', 'match', 'duration'];

/** A lowercase host from a host, `host:port` or URL; '' when there is none. */
export function hostOf(input) {
  let s = String(input ?? '').trim().toLowerCase();
  if (s.includes('/')) {
    try {
      s = new URL(s.startsWith('//') ? 'https:' + s : s).hostname;
    } catch {
      return '';
    }
  }
  return s.replace(/:\d+$/, '').replace(/\.$/, '');
}

/** Whether a host pattern (`cdn.example.com`, `*.example.com`) covers `host`; as the loader's gate matches. */
export const hostMatches = (pattern, host) =>
  pattern === host || (pattern.startsWith('*.') && (host === pattern.slice(2) || host.endsWith(pattern.slice(1))));

/** Whether a vendor's cookie rule names the cookie `name`; as the loader's cleanup matches. */
export function cookieMatches(rule, name) {
  if (rule.match === 'prefix') return name.startsWith(rule.name);
  if (rule.match === 'regex') {
    try {
      return new RegExp(rule.name).test(name);
    } catch {
      return false;
    }
  }
  return name === rule.name;
}

/** Edit distance, for "did you mean" suggestions. */
function distance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

const fold = (s) => String(s ?? '').toLowerCase();

/** The lookups over `list` (catalogue entries). */
export function lookups(list) {
  const ids = new Map(list.map((v) => [v.id, v]));
  const exactHosts = new Map();
  const wildcards = [];
  for (const v of list)
    for (const h of v.hosts || []) {
      if (h.startsWith('*.')) wildcards.push([h, v]);
      else exactHosts.set(h, v);
    }
  // The most specific wildcard first, so `*.ads.example.com` beats `*.example.com`.
  wildcards.sort((a, b) => b[0].length - a[0].length);

  const byId = (id) => ids.get(fold(id).trim()) || null;

  /** Entries whose id, name, kind or a host contains `query` (all when it is empty), best match first. */
  function search(query) {
    const q = fold(query).trim();
    if (!q) return list.slice();
    const score = (v) => {
      const id = v.id;
      const name = fold(v.name);
      if (id === q || name === q) return 0;
      if (id.startsWith(q) || name.startsWith(q)) return 1;
      if (id.includes(q) || name.includes(q)) return 2;
      if (v.kind === q) return 3;
      if ((v.hosts || []).some((h) => h.includes(q))) return 4;
      if (v.kind.includes(q)) return 5;
      return -1;
    };
    return list
      .map((v, i) => [score(v), i, v])
      .filter(([s]) => s >= 0)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map(([, , v]) => v);
  }

  /** The entry that claims this host (exact first, then the most specific wildcard), or null. */
  function vendorForHost(input) {
    const host = hostOf(input);
    if (!host) return null;
    if (exactHosts.has(host)) return exactHosts.get(host);
    const w = wildcards.find(([p]) => hostMatches(p, host));
    return w ? w[1] : null;
  }

  /**
   * The entry and cookie rule that name this cookie, or null: an exact name first, then the
   * longest matching prefix, then a regular expression.
   */
  function vendorForCookie(name) {
    const n = String(name ?? '');
    if (!n) return null;
    let best = null;
    let rank = Infinity;
    for (const vendor of list)
      for (const cookie of vendor.cookies || []) {
        if (!cookieMatches(cookie, n)) continue;
        // Lower is better: exact 0, a prefix by how much of the name it leaves unmatched, regex last.
        const r = cookie.match === 'prefix' ? 1 + n.length - cookie.name.length : cookie.match === 'regex' ? 1e6 : 0;
        if (r < rank) [best, rank] = [{ vendor, cookie }, r];
      }
    return best;
  }

  /** Up to `n` ids close to an unknown one (typos, a missing word, another spelling). */
  function suggest(query, n = 3) {
    const q = fold(query).trim();
    if (!q) return [];
    const near = list
      .map((v) => [Math.min(...[v.id, fold(v.name), ...fold(v.name).split(/[^a-z0-9]+/).filter(Boolean)].map((w) => distance(q, w))), v.id])
      .filter(([d, id]) => d <= Math.max(2, Math.floor(q.length / 3)) || id.includes(q) || q.includes(id))
      .sort((a, b) => a[0] - b[0]);
    const ids = near.map(([, id]) => id);
    for (const v of search(q)) if (!ids.includes(v.id)) ids.push(v.id);
    return ids.slice(0, n);
  }

  return { vendors: list, byId, search, vendorForHost, vendorForCookie, suggest };
}

/** A configuration's vendor from a catalogue entry: a deep copy without the catalogue's own fields. */
export function toConfigVendor(entry) {
  const out = {};
  for (const k of CONFIG_FIELDS) if (entry[k] !== undefined) out[k] = JSON.parse(JSON.stringify(entry[k]));
  if (out.cookies) out.cookies = out.cookies.map((c) => Object.fromEntries(COOKIE_FIELDS.filter((k) => c[k] !== undefined).map((k) => [k, c[k]])));
  return out;
}
