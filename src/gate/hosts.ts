/**
 * Which vendors a URL belongs to, by its host. `*.example.com` covers example.com
 * and every subdomain; anything else is an exact host.
 */
import type { ResolvedConfig } from '../types';

const matches = (host: string, h: string) => h == host || (h[0] == '*' && (host == h.slice(2) || host.endsWith(h.slice(1))));

/**
 * The lookup for one configuration: the hosts are read once, and each host name's answer
 * is kept, since a page asks about the same few hosts for every tag it inserts.
 */
export function hostIndex(config: ResolvedConfig) {
  const table = config.vendors.flatMap((v) => (v.hosts || []).map((h) => [h.toLowerCase(), v.id]));
  const seen = new Map<string, string[]>();
  return {
    /** Ids of the vendors declaring this host. */
    _vendors(host: string) {
      let ids = seen.get(host);
      // Bounded: a page that asks about thousands of hosts keeps no more than this.
      if (seen.size > 999) seen.clear();
      if (!ids) seen.set(host, (ids = table.filter(([h]) => matches(host, h)).map(([, id]) => id)));
      return ids;
    },
    /** Whether a string mentions any declared host, in any case (a quick way out for HTML strings). */
    _named: (s: string) => ((s = s.toLowerCase()), table.some(([h]) => s.includes(h.replace('*.', '')))),
  };
}
