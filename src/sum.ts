/** The cookie's checksum (store.ts) and the configuration digest's (config.ts). */

/** FNV-1a: tiny and good enough to notice a changed character. */
export function sum(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
