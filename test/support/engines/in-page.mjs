// Functions that run inside the page (each is sent as source, so each stands alone).
// The selector language of Page.click and friends: a CSS selector, matched in the document,
// in every open shadow root and in every same-origin frame, optionally followed by
// ` >> text=Accept all`: then only elements whose accessible text (aria-label or
// aria-labelledby, or the text content, whitespace collapsed) is exactly that match; with
// ` >> text*=Accept` it is enough that their text content contains it.

/** Splits `css >> text=…` (or `text*=…`) into [css, text or null, whether a part is enough]. */
export function parseSelector(selector) {
  const m = /^(.*?)\s*>>\s*text(\*?)=(.*)$/.exec(selector);
  if (!m) return [selector, null, false];
  return [m[1], m[3].replace(/^"(.*)"$/, '$1'), m[2] == '*'];
}

/**
 * In the page: the matching elements, each with where its centre is in the top window's
 * viewport (after scrolling it into view when `scroll`), whether it is visible and whether a
 * pointer there would reach it, and the value of its attribute `attr`.
 */
export function locateInPage(css, text, part, scroll, attr) {
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const named = (el) => {
    if (text == null) return true;
    if (part) return norm(el.textContent).includes(text);
    const by = el.getAttribute('aria-labelledby');
    const root = el.getRootNode();
    const label = el.getAttribute('aria-label') || (by && root.getElementById && root.getElementById(by) ? root.getElementById(by).textContent : null);
    return norm(label) === text || norm(el.textContent) === text;
  };
  const found = [];
  const visit = (root, frames) => {
    for (const el of root.querySelectorAll(css)) if (named(el)) found.push([el, frames]);
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) visit(el.shadowRoot, frames);
      if (el.localName === 'iframe' || el.localName === 'frame') {
        let d = null;
        try {
          d = el.contentDocument;
        } catch (e) {}
        if (d) visit(d, [...frames, el]);
      }
    }
  };
  visit(document, []);
  return found.map(([el, frames]) => {
    const win = el.ownerDocument.defaultView;
    const style = win.getComputedStyle(el);
    if (scroll) el.scrollIntoView({ block: 'center', inline: 'center' });
    const r = el.getBoundingClientRect();
    const visible = r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    // Does a pointer at the centre reach this element (or something inside it)?
    const root = el.getRootNode();
    const hit = visible && root.elementFromPoint ? root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) : null;
    const reachable = !!hit && (hit === el || el.contains(hit));
    let x = r.left + r.width / 2;
    let y = r.top + r.height / 2;
    for (let i = frames.length - 1; i >= 0; i--) {
      const f = frames[i];
      const fr = f.getBoundingClientRect();
      const fs = f.ownerDocument.defaultView.getComputedStyle(f);
      x += fr.left + f.clientLeft + parseFloat(fs.paddingLeft);
      y += fr.top + f.clientTop + parseFloat(fs.paddingTop);
    }
    return { x, y, visible, reachable, attr: attr ? el.getAttribute(attr) : null, what: el.outerHTML.slice(0, 120), hit: hit ? hit.outerHTML.slice(0, 120) : null };
  });
}
