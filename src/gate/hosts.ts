/**
 * Which vendors a URL belongs to, by its host. `*.example.com` covers example.com
 * and every subdomain; anything else is an exact host.
 */
import type { ResolvedConfig } from '../types';

const matches = (host: string, h: string) => h == host || (h[0] == '*' && (host == h.slice(2) || host.endsWith(h.slice(1))));

/** Ids of the vendors declaring this host. */
export const vendorsFor = (config: ResolvedConfig, host: string) =>
  config.vendors.filter((v) => (v.hosts || []).some((h) => matches(host, h.toLowerCase()))).map((v) => v.id);
