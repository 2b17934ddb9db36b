/**
 * What a blocked iframe shows inside its own box (so nothing shifts when it is
 * released): who it is from, their privacy policy, and a button that allows it.
 * It is written into the iframe's own empty document, which is same-origin and
 * costs no request. (Setting `srcdoc` instead starts a navigation, which
 * Chromium sometimes drops for an iframe inserted while the page is loading.)
 * It wears the widget's look: the same colour variables, light and dark, the same
 * button and focus ring (widget/styles.ts). Custom properties do not cross into
 * another document, so the site's `--consentry-*` values are read off the iframe
 * element and set on the inner document, and the theme (`auto` follows the page's
 * prefers-color-scheme) is decided here, in the page, as the widget decides it.
 * The inner document inherits the page's CSP: its styles are a constructable
 * stylesheet, or a `<style>` carrying the nonce where those are missing.
 * It ships as a chunk of its own (consentry-placeholder.js), fetched the first
 * time a page has an iframe to hold, so other pages do not pay for it.
 */
import type { ResolvedConfig } from '../types';
import { httpUrl } from '../url';
import { CATEGORY_NAMES } from '../i18n/en';
import { PLACEHOLDER } from './placeholder-texts';
import { button, dark, light, names, ring } from '../../widget/styles';

// A short box (the default iframe is 150 px tall) keeps the name, the button and the link.
// They stack in block flow, not in a grid: WebKit sometimes sized the grid's row for the button
// as if its 44 px minimum excluded padding and border, stretched the button to 63 px and
// overflowed the default box.
const css = `html{${light};color:var(--fg);background:var(--surface)}
.dark{${dark};color-scheme:dark}
body{margin:0;height:100vh;box-shadow:inset 0 0 0 1px var(--border);display:grid;place-items:center;text-align:center;font-family:var(--consentry-font);font-size:var(--consentry-font-size,15px);line-height:1.5}
div{padding:.75em 1em;max-width:30em}
p{margin:0 0 .5em}
.n{font-size:1.25em;font-weight:700}
.t{color:var(--muted)}
a{color:var(--accent);display:inline-block;margin-top:.5em}
button{${button};display:block;margin:auto}
button:hover{filter:brightness(1.12)}
:focus-visible{${ring}}
@media(max-height:13em){.t{display:none}}`;

/** The site's colours, font size and radius, as the iframe element inherits them. */
const props = names
  .concat(names.map((n) => n + '-dark'), 'font', 'font-size', 'radius')
  .map((n) => '--consentry-' + n);
const scheme = matchMedia('(prefers-color-scheme:dark)');
/** Iframes showing a placeholder: redrawn in the other theme when the system's changes. */
const held = new Set<any>();
scheme.addEventListener('change', () => held.forEach((f) => f.__r()));

// Expandos on the iframe start with `__`: the minifier renames `_x` per chunk, and the loader's
// renamed expandos on the same element could then collide with ours.

/** `id`: the vendor (or category, when no vendor claims the URL) that blocks `f`. */
export function placeholder(f: any, id: string, c: ResolvedConfig, lang: string, nonce: string, grant: (id: string) => void) {
  // An iframe the parser inserted may still replace its first empty document: draw again then.
  if (!f.__r) f.addEventListener('load', () => f.__r());
  held.add(f);
  f.__r = () => (f.hasAttribute('data-src') ? placeholder(f, id, c, lang, nonce, grant) : release(f));
  const d = f.contentDocument;
  const b = d && d.body;
  // Not connected yet, or sandboxed (no access).
  if (!b) return;
  theme(f, d, c.ui.theme, lang, nonce);
  // Already showing this.
  if (b.id == id) return;
  const v = c.vendors.find((x) => x.id == id);
  // A vendor's name is a string; a category's may be one or { en, de, … }.
  const n: any = (v || c.categories.find((x) => x.id == id) || {}).name;
  // A default category without a name of its own is called as the widget calls it.
  const own = c.texts[lang] || {};
  const name = (n && (n[lang] || n.en || n)) || own[`category.${id}.name`] || CATEGORY_NAMES[id] || id;
  const policy = httpUrl(v ? v.privacyPolicyUrl : c.policyUrl);
  const built = PLACEHOLDER[lang] || PLACEHOLDER[lang.split('-')[0]] || PLACEHOLDER.en;
  const t = (k: string, i: number) => (own['placeholder.' + k] || built[i]).replace(/\{vendor\}/g, () => name);
  // Elements given text, not an HTML string: a page enforcing Trusted Types refuses one (and the
  // configuration's texts are never HTML).
  const div = d.createElement('div');
  const add = (tag: string, text: string, cls?: string) => {
    const e = div.appendChild(d.createElement(tag));
    if (cls) e.className = cls;
    e.textContent = text;
    return e as any;
  };
  add('p', name, 'n');
  add('p', t('text', 0), 't');
  add('button', t('button', 1)).onclick = () => grant(id);
  // The link needs no vendor name for screen readers: the whole document is about this vendor.
  if (policy) Object.assign(add('a', t('link', 2)), { href: policy, target: '_blank' });
  b.id = id;
  b.replaceChildren(div);
}

function theme(f: any, d: Document, theme: string | undefined, lang: string, nonce: string) {
  const r = d.documentElement;
  if (!d.querySelector('style') && !d.adoptedStyleSheets.length)
    try {
      // A sheet belongs to the document whose window made it.
      const s = new (d.defaultView as any).CSSStyleSheet();
      s.replaceSync(css);
      d.adoptedStyleSheets = [s];
    } catch {
      const s = d.createElement('style');
      s.nonce = nonce;
      s.textContent = css;
      d.head.appendChild(s);
    }
  const cs = getComputedStyle(f);
  // An empty value removes the property: a site that drops one gets the default back.
  for (const p of props) r.style.setProperty(p, cs.getPropertyValue(p));
  // The site's font, which --consentry-font overrides as in the widget.
  r.style.fontFamily = cs.fontFamily;
  r.lang = lang;
  r.className = theme == 'dark' || (theme != 'light' && scheme.matches) ? 'dark' : '';
  // The browser's own inset frame reads as a sunken form field: the same width (nothing moves),
  // flat and in the placeholder's colour, until the iframe is released.
  if (!f.__b && cs.borderTopStyle == 'inset') {
    f.__b = [f.style.borderStyle, f.style.borderColor];
    f.style.borderStyle = 'solid';
  }
  if (f.__b) f.style.borderColor = getComputedStyle(r).getPropertyValue('--surface');
}

/** Released: the iframe's frame as the site had it. */
function release(f: any) {
  held.delete(f);
  if (f.__b) [f.style.borderStyle, f.style.borderColor] = f.__b;
  f.__b = 0;
}

(window as any).consentry.__placeholder = placeholder;
