/**
 * Releases allowed tags the way the browser would have run them in place.
 * A static `type="text/plain"` script is replaced by a fresh copy (flipping
 * `type` back would not run it); without `async`, copies go on the browser's
 * in-order list (`async = false`) and an inline one waits until every such
 * script before it has loaded or failed. The `async` attribute, not the
 * property, says which: Chromium reports `.async === true` on an inert script.
 * Everything else held (images, iframes, scripts other code inserted) gets its
 * URL back from `data-src`/`data-srcset` on the same element.
 */
export function releaser(setAttr: (this: Element, n: string, v: string) => void, nonce: string) {
  const q: any[] = [];
  let pending = 0;
  const done = () => --pending || pump();
  const plain = (el: Element) => el.getAttribute('type') == 'text/plain';

  function run(old: any) {
    const s = document.createElement('script');
    for (const a of old.attributes) if (a.name != 'type' && a.name != 'data-type') setAttr.call(s, a.name, a.value);
    const type = old.getAttribute('data-type');
    if (type) s.type = type;
    s.text = old.text;
    // The nonce attribute reads back empty once connected (nonce hiding); the property keeps it.
    s.nonce = nonce || old.nonce;
    if (s.src && !old.hasAttribute('async')) {
      s.async = false;
      pending++;
      s.addEventListener('load', done);
      s.addEventListener('error', done);
    }
    old.replaceWith(s);
  }

  function pump() {
    while (q.length) {
      const el = q[0];
      if (plain(el) && !el.hasAttribute('src') && pending) return;
      // Off the queue first: an inline script runs inside run() and may release more.
      q.shift();
      if (plain(el)) el.parentNode && run(el);
      else
        for (const a of ['srcset', 'src']) {
          const v = el.getAttribute('data-' + a);
          if (v != null) el.removeAttribute('data-' + a), setAttr.call(el, a, v);
        }
    }
  }

  return (el: Element) => (q.push(el), pump());
}
