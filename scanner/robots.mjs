// robots.txt as RFC 9309 reads it: the group for our product token (else "*"), the longest
// matching rule wins, Allow wins a tie, `*` matches any run of characters and `$` ends a rule.

/** The product token the scanner answers to in robots.txt ("User-agent: consentry"). */
export const TOKEN = 'consentry';
/** RFC 9309 lets a crawler stop reading after 500 KiB. */
const MAX = 500 * 1024;

/** Rules from robots.txt text: [{ allow, pattern }] of the group that applies to TOKEN. */
export function parseRobots(text) {
  const groups = [];
  let group = null;
  let lastWasAgent = false;
  for (const raw of String(text).slice(0, MAX).split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const value = m[2].trim();
    if (key == 'user-agent') {
      // Consecutive user-agent lines share one group.
      if (!lastWasAgent) groups.push((group = { agents: [], rules: [] }));
      group.agents.push(value.toLowerCase());
      lastWasAgent = true;
    } else {
      lastWasAgent = false;
      if (group && (key == 'allow' || key == 'disallow') && value) group.rules.push({ allow: key == 'allow', pattern: value });
    }
  }
  const ours = groups.filter((g) => g.agents.some((a) => a == TOKEN));
  const chosen = ours.length ? ours : groups.filter((g) => g.agents.includes('*'));
  return chosen.flatMap((g) => g.rules);
}

/** Percent-encodes what a rule or a path may spell either way, so both compare alike. */
const normal = (s) =>
  s.replace(/%[0-9a-f]{2}/gi, (e) => e.toUpperCase()).replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));

function matcher(pattern) {
  const p = normal(pattern);
  const anchored = p.endsWith('$');
  const body = (anchored ? p.slice(0, -1) : p)
    .split('*')
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp('^' + body + (anchored ? '$' : ''));
}

/** Whether `rules` (from parseRobots) let a crawler fetch `url`. */
export function allowed(rules, url) {
  const u = new URL(url);
  const path = normal(u.pathname + u.search);
  if (path == '/robots.txt') return true;
  let best = null;
  for (const r of rules) {
    if (!matcher(r.pattern).test(path)) continue;
    const len = r.pattern.length;
    if (!best || len > best.len || (len == best.len && r.allow && !best.allow)) best = { len, allow: r.allow };
  }
  return !best || best.allow;
}

/**
 * What robots.txt says for an origin, given how fetching it went:
 * 2xx → its rules; 4xx → no rules (everything allowed); 5xx or no answer → everything
 * disallowed until it answers, as RFC 9309 asks (a server in trouble is not crawled).
 */
export function robotsFromResponse(status, text) {
  if (status >= 200 && status < 300) return { rules: parseRobots(text), note: null };
  if (status >= 400 && status < 500) return { rules: [], note: null };
  return { rules: [{ allow: false, pattern: '/' }], note: status ? `robots.txt answered ${status}` : 'robots.txt could not be fetched' };
}
