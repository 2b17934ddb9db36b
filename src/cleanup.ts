/**
 * Cookie cleanup on withdrawal. A page can only delete the cookies it can see:
 * not HttpOnly ones, not other sites' (third-party) ones, and a partitioned
 * cookie only where it was set. A cookie goes by writing it again, expired,
 * with the domain and path it was set with; those cannot be read, so every
 * plausible pair is tried: host-only and each parent domain, `/` and each
 * prefix of the current path. Tags that already run keep running (and may set
 * the cookie again) until the page reloads, which the widget offers.
 */
import type { Vendor } from './types';
import { jar } from './store';
import { matches } from './cookie-rule';

/**
 * Deletes the first-party cookies that these (now denied) vendors declare, except `keep` (the
 * consent cookie: a rule such as `.*` matches it too, and the withdrawal would be forgotten).
 */
export function deleteCookies(vendors: Vendor[], keep?: string) {
  const L = location;
  const labels = L.hostname.split('.');
  const paths = ['/'];
  let path = '';
  for (const seg of L.pathname.split('/').filter(Boolean)) paths.push((path += '/' + seg), path + '/');
  for (const c of jar().split(';')) {
    const name = c.split('=')[0].trim();
    if (name != keep && vendors.some((v) => Array.isArray(v.cookies) && v.cookies.some((k) => matches(k, name))))
      // i = 0: host-only; then Domain= the host and each parent, down to two labels.
      for (let i = 0; i < labels.length; i++)
        for (const p of paths) document.cookie = `${name}=;Max-Age=0;Path=${p}${i ? ';Domain=' + labels.slice(i - 1).join('.') : ''}${L.protocol == 'https:' ? ';Secure' : ''}`;
  }
}
