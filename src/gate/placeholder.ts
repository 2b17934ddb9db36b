/**
 * What a blocked iframe shows inside its own box (so nothing shifts when it is
 * released): who it is from, their privacy policy, and a button that allows it.
 * It is the iframe's `srcdoc`: same-origin, no request, nothing to position over
 * the page. The button is wired from here, through `contentDocument`, because the
 * page's CSP (which srcdoc inherits) may forbid inline handlers; the style
 * carries the nonce for the same reason.
 */
import type { ResolvedConfig } from '../types';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => '&#' + c.charCodeAt(0) + ';');

/** `id`: the vendor (or category, when no vendor claims the URL) that blocks `f`. */
export function placeholder(f: any, id: string, c: ResolvedConfig, lang: string, nonce: string, grant: (id: string) => void) {
  if (f._p == id) return;
  const v = c.vendors.find((x) => x.id == id);
  // A vendor's name is a string; a category's may be one or { en, de, … }.
  const n: any = (v || c.categories.find((x) => x.id == id) || {}).name;
  const name = (n && (n[lang] || n.en || n)) || id;
  const policy = v ? v.privacyPolicyUrl : c.policyUrl;
  const t = (k: string, d: string) => esc(((c.texts[lang] || {})['placeholder.' + k] || d).replace(/\{vendor\}/g, name));
  if (!f._p)
    f.addEventListener('load', () => {
      const d = f.contentDocument;
      const b = d && f._p && d.querySelector('button');
      if (b) b.onclick = () => grant(f._p);
    });
  f._p = id;
  f.srcdoc =
    `<style${nonce ? ` nonce="${esc(nonce)}"` : ''}>body{display:grid;place-content:center;height:90vh;text-align:center;font:14px sans-serif}</style>` +
    `<p>${t('text', '{vendor} content is blocked until you allow it.')}` +
    (policy ? `<p><a href="${esc(policy)}" target=_blank>${t('link', 'Privacy policy')}</a>` : '') +
    `<p><button>${t('button', 'Allow {vendor}')}</button>`;
}
