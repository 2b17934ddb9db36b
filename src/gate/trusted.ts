/**
 * Trusted Types (docs/gate.md). A page that enforces them (`require-trusted-types-for 'script'`)
 * refuses a plain string where a script gets its URL or text, or HTML becomes elements. Consentry
 * then hands the browser values made by its policy "consentry", which the page's CSP allows by
 * `trusted-types consentry`. The policy is made the first time it is needed (not at all in a
 * browser without Trusted Types), and it only ever vouches for what was trusted already: the URL
 * of one of Consentry's own chunks, the `src` of a held script (which the browser checked when it
 * was set), and a TrustedHTML the page gave, rewritten by the gate to make its vendor tags inert.
 * Never text from the configuration.
 */
let p: any;
/** The browser's Trusted Types factory, where it has one. */
// (globalThis: the ES module may be imported where there is no window, a server's render.)
const tt = (globalThis as any).trustedTypes;

/** Whether `v` is a Trusted Types value (its string is the browser's own, not the page's to change). */
export const trusted = (v: unknown) => !!tt && (tt.isHTML(v) || tt.isScriptURL(v) || tt.isScript(v));

/**
 * `s` as a Trusted Types value (`k`: 'createHTML' or 'createScriptURL') where the browser has them;
 * as it is where it has none or the page's CSP forbids the policy (said once on the console): a page
 * that enforces them then refuses it, so what needed it (a vendor's tag, a chunk) does not load,
 * and nothing else changes.
 */
export function trust(s: string, k: string) {
  if (p == null) {
    const id = (s: string) => s;
    try {
      p = 0;
      p = tt.createPolicy('consentry', { createHTML: id, createScriptURL: id });
    } catch (e) {
      tt && console.error('[consentry] add "trusted-types consentry" to the CSP (Trusted Types)');
    }
  }
  return p ? p[k](s) : s;
}

/** `s`, the gate's rewrite of `h`: a TrustedHTML where `h` is one (never for any other object whose string it is). */
export const html = (s: string, h: any) => (tt && tt.isHTML(h) ? trust(s, 'createHTML') : s);
