/**
 * What a blocked iframe shows inside its own box (so nothing shifts when it is
 * released): who it is from, their privacy policy, and a button that allows it.
 * It is written into the iframe's own empty document, which is same-origin and
 * costs no request. (Setting `srcdoc` instead starts a navigation, which
 * Chromium sometimes drops for an iframe inserted while the page is loading.)
 * The style carries the nonce because the empty document inherits the page's CSP.
 * It ships as a chunk of its own (consentry-placeholder.js), fetched the first
 * time a page has an iframe to hold, so other pages do not pay for it.
 */
import type { ResolvedConfig } from '../types';
import { httpUrl } from '../url';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => '&#' + c.charCodeAt(0) + ';');

/** `id`: the vendor (or category, when no vendor claims the URL) that blocks `f`. */
export function placeholder(f: any, id: string, c: ResolvedConfig, lang: string, nonce: string, grant: (id: string) => void) {
  // An iframe the parser inserted may still replace its first empty document: draw again then.
  if (!f._r) f.addEventListener('load', () => f._r());
  f._r = () => f.hasAttribute('data-src') && placeholder(f, id, c, lang, nonce, grant);
  const d = f.contentDocument;
  const b = d && d.body;
  // Not connected yet, sandboxed (no access), or already showing this.
  if (!b || b.id == id) return;
  const v = c.vendors.find((x) => x.id == id);
  // A vendor's name is a string; a category's may be one or { en, de, … }.
  const n: any = (v || c.categories.find((x) => x.id == id) || {}).name;
  const name = (n && (n[lang] || n.en || n)) || id;
  const policy = httpUrl(v ? v.privacyPolicyUrl : c.policyUrl);
  const t = (k: string, def: string) => esc(((c.texts[lang] || {})['placeholder.' + k] || def).replace(/\{vendor\}/g, name));
  b.id = id;
  b.innerHTML =
    `<style${nonce ? ` nonce="${esc(nonce)}"` : ''}>body{display:grid;place-content:center;height:90vh;text-align:center;font:14px sans-serif}</style>` +
    `<p>${t('text', '{vendor} content is blocked until you allow it.')}` +
    (policy ? `<p><a href="${esc(policy)}" target=_blank>${t('link', 'Privacy policy')}</a>` : '') +
    `<p><button>${t('button', 'Allow {vendor}')}</button>`;
  b.querySelector('button')!.onclick = () => grant(id);
}

(window as any).consentry.__placeholder = placeholder;
