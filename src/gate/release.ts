/**
 * Releases allowed tags the way the browser would have run them in place.
 * A static `type="text/plain"` tag runs itself: its type back, it is inserted
 * again (flipping `type` alone would not run it; the browser never started it).
 * One that innerHTML created has started and never runs: a fresh copy runs
 * instead (nor would a `src` given to it run it). A script other code inserted (or the parser, untagged) stays where
 * it is, for the code that holds it or looks for it, with its copy beside it:
 * the copy's load and error events are dispatched again on it, so its `onload`
 * and listeners run once.
 * Without `async`, copies go on the browser's in-order list (`async = false`)
 * and an inline one waits until every such script before it has loaded or
 * failed. The `async` attribute, not the property, says which for a tag in
 * the HTML: Chromium reports `.async === true` on an inert script.
 * The first in-order script a decision made on the page lets through, while
 * none is loading, loads alone: what follows it waits until it has
 * loaded or failed, LEAD_MS at most, then starts together. None of the others could run before it
 * anyway; started together, ten requests share the device's time for connections
 * and responses with it (on a 2-core machine, the first of ten ran after 33 ms
 * instead of 14, and the tenth no later). The cap bounds what the others can lose
 * on a slow network. Tags released while the page loads (a returning visitor's)
 * do not wait for one another: they share the network with the page's own
 * files there, and Lighthouse's estimate of a returning visit was better so
 * (LCP 1649/1753 ms against 1821/1910 ms, baked/data-config, medians of 3). Everything
 * else held (images, iframes, links, media) gets its URL back from
 * `data-src`/`data-srcset`/… on the same element, which then fires its own events.
 */
import { KINDS, plain, runs } from './intercept';

import { trust } from './trusted';

/** How long the tags after the first wait for it at most. */
const LEAD_MS = 100;

export function releaser(setAttr: (this: Element, n: string, v: string) => void, nonce: string) {
  const q: any[] = [];
  let pending = 0;
  // The first in-order script of a release, while it loads alone.
  let lead: any = 0;
  const done = (e: Event) => (--pending, e.target == lead && (lead = 0), pump());

  function run(old: any) {
    const h = old._h;
    // A static tag runs itself, inserted again: where Trusted Types are enforced, the browser runs
    // the text its HTML gave it, as it would have (see trusted.ts). One that innerHTML made has
    // started, as may a held one (and their clones): a new script runs instead, made by its
    // document (in a frame, it runs in that frame's window), its src the Trusted Types value the
    // page gave, or one the policy makes of it.
    const s = h || old._n ? old.ownerDocument.createElementNS(old.namespaceURI, 'script') : old;
    const type = old.getAttribute('data-type');
    if (s != old) {
      // The copy wears the tag's own attributes (a vendor's code reads them through
      // document.currentScript). The page's handlers stay on the element it holds: the copy's events reach them below.
      for (const { name: n, value: v } of old.attributes)
        if (!(h && /^on/.test(n)))
          try {
            setAttr.call(s, n, n != 'src' ? v : typeof old._t == 'object' && old._t == v ? old._t : trust(v, 'createScriptURL'));
          } catch (e) {}
      s.append(old.textContent);
    }
    // Not the gate's marks: the held type, an empty data-consent.
    for (const { name: n, value: v } of [...s.attributes]) if (/^(type|data-type)$/.test(n) || (!v && n == 'data-consent')) s.removeAttribute(n);
    if (type) s.type = type;
    // The nonce attribute reads back empty once connected (nonce hiding); the property keeps it.
    s.nonce = nonce || old.nonce;
    // What it document.write()s goes after it (see intercept).
    s._dw = 1;
    // One the browser does not run fires no load event: nothing waits for it. Nor does a
    // `nomodule` one, which a browser with modules skips (a polyfill bundle's usual tag).
    if (s.src && runs(s.type) && !s.noModule && (old._h && !old._p ? !old.async : !old.hasAttribute('async'))) {
      s.async = false;
      // One lead per decision (`_d`, set by the gate while it applies one): the rest then go together.
      if (!pending++ && rel._d) (rel._d = 0), (lead = s), setTimeout(() => lead == s && ((lead = 0), pump()), LEAD_MS);
      s.addEventListener('load', done);
      s.addEventListener('error', done);
    }
    // While an inline one runs, its document.write goes after it (intercept), in a shadow root too.
    const doc = old.ownerDocument;
    doc._rs = s;
    if (old._h) {
      for (const t of ['load', 'error']) s.addEventListener(t, () => old.dispatchEvent(new Event(t)));
      // Its id is the running copy's now: getElementById finds what currentScript is. And it is
      // no gated tag any more: written out and parsed again (innerHTML +=, a pjax restore), it stays inert.
      old.removeAttribute('id');
      old.removeAttribute('data-consent');
      old.after(s);
    } else old.replaceWith(s);
    doc._rs = 0;
    // Partytown runs its scripts itself, from a worker, and looks for new ones when told so.
    if (type == 'text/partytown') s.ownerDocument.defaultView.dispatchEvent(new CustomEvent('ptupdate'));
  }

  function pump() {
    while (q.length && !lead) {
      const el = q[0];
      if (plain(el) && !el.hasAttribute('src') && pending) return;
      // Off the queue first: an inline script runs inside run() and may release more.
      q.shift();
      if (el.localName == 'script') plain(el) && el.parentNode && run(el);
      else {
        for (const a of KINDS[el.localName]) {
          const v = el.getAttribute('data-' + a);
          // What the page gave for it (a Trusted Types value) where it is the same; a string a page
          // enforcing them refuses (a static data-srcdoc) leaves the element as it is.
          if (v != null)
            try {
              el.removeAttribute('data-' + a), setAttr.call(el, a, el._t == v ? el._t : v);
            } catch (e) {}
        }
        // A <link> preloading by imagesrcset alone reacts to no change: it is inserted again.
        if (el.localName == 'link' && !el.hasAttribute('href')) el.replaceWith(el);
        // A <source> given its URL late counts only when its media element loads again.
        if (el.localName == 'source' && el.parentNode && el.parentNode.load) el.parentNode.load();
      }
    }
  }

  const rel = Object.assign((el: Element) => (q.push(el), pump()), { _d: 0 });
  return rel;
}
