/**
 * The cookie declaration chunk (dist/consentry-declaration.js). The loader fetches it
 * only for a page with a `<div data-consentry-declaration>`, and it renders the site's
 * table into each such element in the visitor's language. It reads the configuration
 * and the texts the way the widget does (widget/core.ts, widget/texts.ts), so no core
 * code ships twice and a configuration's `texts` override the built-in labels here too.
 */
import { prefs } from '../i18n/en';
import enDeclaration from '../i18n/en-declaration';
import { core } from '../../widget/core';
import { catText, dir, en, lang, loc, t, textsReady } from '../../widget/texts';
import { declaration, Node } from './render';
import { css } from './styles';

const d = document;
// This chunk's own copy of the English texts gets the dialog's keys (categories, vendor facts)
// and the declaration's (the widget's has neither).
Object.assign(en, prefs, enDeclaration);

/** The tree as DOM nodes: text stays text, so nothing in the configuration is parsed as markup. */
function dom(n: Node): globalThis.Node {
  if (typeof n == 'string') return d.createTextNode(n);
  const [tag, attrs, ...kids] = n;
  const el = d.createElement(tag);
  for (const k in attrs) el.setAttribute(k, attrs[k]);
  for (const k of kids) el.appendChild(dom(k));
  return el;
}

/** Constructable stylesheets need no nonce under a strict CSP; elsewhere a `<style>` carries the loader's. */
function style() {
  try {
    const s = new CSSStyleSheet();
    s.replaceSync(css);
    d.adoptedStyleSheets = [...d.adoptedStyleSheets, s];
  } catch {
    const el = d.createElement('style');
    el.nonce = core.nonce;
    el.textContent = css;
    d.head.appendChild(el);
  }
}

/**
 * The declaration is the page's content, not a layer over it: with `ui.theme` "auto" it turns
 * dark with the system only on a page that has a dark look itself (its `color-scheme`, as a
 * property or a meta tag, names dark); a light-only page keeps it light.
 */
function theme() {
  const t = core.config.ui.theme;
  const meta = d.querySelector('meta[name=color-scheme]');
  return t == 'auto' && !/dark/.test(getComputedStyle(d.documentElement).colorScheme + ' ' + (meta && meta.getAttribute('content'))) ? 'light' : t;
}

textsReady.then(() => {
  style();
  const tree = declaration(core.config, { t, loc, cat: catText }, lang, dir, theme());
  d.querySelectorAll('[data-consentry-declaration]').forEach((el) => el.replaceChildren(dom(tree)));
});
