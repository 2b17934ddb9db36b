/**
 * Which vendors a URL belongs to, by its host. `*.example.com` covers example.com
 * and every subdomain; anything else is an exact host.
 */
import type { ResolvedConfig } from '../types';

const matches = (host: string, h: string) => h == host || (h[0] == '*' && (host == h.slice(2) || host.endsWith(h.slice(1))));

/** Ids of the vendors declaring this host. */
export const vendorsFor = (config: ResolvedConfig, host: string) =>
  config.vendors.filter((v) => (v.hosts || []).some((h) => matches(host, h.toLowerCase()))).map((v) => v.id);

/**
 * A cheap test for "this HTML string may mention a gated host", so that most
 * strings skip the parse-and-rewrite path. False positives only cost a parse.
 */
export const mentions = (config: ResolvedConfig) => {
  const hosts = config.vendors.flatMap((v) => v.hosts || []).map((h) => h.replace(/^\*\./, '').replace(/\W/g, '\\$&'));
  return hosts.length ? new RegExp(hosts.join('|'), 'i') : null;
};
