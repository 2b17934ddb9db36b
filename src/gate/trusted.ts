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

/**
 * `s` as a Trusted `k` ('HTML' or 'ScriptURL') where the browser has Trusted Types; as it is where
 * it has none or the page's CSP forbids the policy (said once on the console): a page that enforces
 * them then refuses it, so what needed it (a vendor tag, a chunk) does not load, and nothing else changes.
 */
export function trust(s: string, k: string) {
  if (p === undefined) {
    p = 0;
    const tt = (window as any).trustedTypes;
    const id = (s: string) => s;
    try {
      if (tt) p = tt.createPolicy('consentry', { createHTML: id, createScriptURL: id });
    } catch (e) {
      console.error('[consentry] add "trusted-types consentry" to the CSP: without it, Trusted Types refuse Consentry\'s scripts and HTML with vendor tags');
    }
  }
  return p ? p['create' + k](s) : s;
}
