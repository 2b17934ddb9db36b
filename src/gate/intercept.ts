/**
 * Dynamic auto-blocking: hooks every place where an element gets a URL, an HTML
 * string becomes elements, or the page talks to a host, so a gated one never
 * reaches the network. Hooking prototypes (rather than watching the DOM) is
 * what catches `new Image().src`, which fetches without ever being inserted,
 * and scripts, whose fetch starts on insertion, before a MutationObserver
 * hears of them.
 */
import { trusted } from './trusted';

/** Whether to hold `el`'s `attr` = `url`; true means the gate keeps it (and the browser never sees it). */
export type Hold = (el: any, attr: string, url: string) => boolean;
/** Rewrites an HTML string so that its gated elements arrive inert; `runs`: its scripts would run. */
export type Clean = (html: string, runs?: boolean, svg?: boolean) => string;
/**
 * Whether a request towards `url` may go now. If not, `later` runs once it may, or `fail` once
 * the visitor's decision denies it; without `later` (a socket or a synchronous XHR, which cannot
 * wait) the answer is true until the rules are known, unless the unchecked configuration names the host.
 */
export type Net = (url: string, later?: () => void, fail?: () => void) => boolean;

const def = Object.defineProperty;
const desc = (o: object, name: string) => Object.getOwnPropertyDescriptor(o, name);
// globalThis, not window: the ES module may be imported where there is none (a server's render).
const W = globalThis as any;
const here = (W.location || {}).origin;
/**
 * What the page gave, read once. An object other than a Trusted Types value (whose string is the
 * browser's own) is read as its string here, and the gate and the browser both get that string: an
 * object may answer a harmless URL to the gate and a vendor's to the browser.
 */
export const once = (v: any) => (Object(v) === v && !trusted(v) ? String(v) : v);
const rq = desc(Request.prototype, 'url')!.get!;
/** A Request's URL, which fetch and fetchLater read; undefined for anything else (they read its string: see callers). */
const urlOf = (i: any): string | undefined => {
  try {
    return rq.call(i);
  } catch (e) {}
};

/**
 * The attributes that make each kind of element request a URL, `srcset` before
 * `src` (the order a release restores them in). A map without a prototype: an
 * element named `constructor` or `__proto__` is no kind.
 */
export const KINDS: Record<string, string[]> = Object.assign(Object.create(null), {
  // An SVG <script>, <image> and <feImage> load their href (or xlink:href).
  script: ['src', 'href', 'xlink:href'],
  image: ['href', 'xlink:href'],
  feImage: ['href', 'xlink:href'],
  iframe: ['src', 'srcdoc'],
  frame: ['src'],
  img: ['srcset', 'src'],
  source: ['srcset', 'src'],
  link: ['imagesrcset', 'href'],
  input: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  // The old presentational image attribute still loads.
  body: ['background'],
  table: ['background'],
  td: ['background'],
  th: ['background'],
});

/** Every kind of element that requests a URL, as a selector. */
export const SELECTOR = Object.keys(KINDS).join();

/** Elements whose content a string sets as text (raw text and RCDATA), and the namespaces that matter. */
const RAW = /^(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)$/;
const XHTML = 'http://www.w3.org/1999/xhtml';
const SVG = 'http://www.w3.org/2000/svg';

/** A held or static tag's script: it waits as `type="text/plain"`. */
export const plain = (el: Element) => el.getAttribute('type') == 'text/plain';
/** Whether the browser runs a script of this type (`text/partytown` and the like are a library's to run). */
export const runs = (type: string) => /^\s*$|script|module/i.test(type);

/**
 * Installs the hooks in this window, and in every same-origin frame's window (its own
 * prototypes) as soon as the page can reach it: when the frame is inserted (an empty
 * frame's `load` fires then, synchronously, in every engine), and on `contentWindow` and
 * `contentDocument`; nested frames likewise. `seen` hears of each frame's window.
 * Returns the unhooked `setAttribute`, which the gate releases with, an unhooked parse of
 * HTML into an inert template, and `_reach` (for an iframe the observer saw inserted).
 */
export function intercept(hold: Hold, clean: Clean, net: Net, frame: (f: HTMLIFrameElement, w: any, d?: any) => any, seen: (root: any) => void) {
  const setAttr = (Element.prototype as any).setAttribute;
  const inner = desc(Element.prototype, 'innerHTML')!.set!;
  let inert: Document;
  const cw = desc(HTMLIFrameElement.prototype, 'contentWindow')!.get!;
  const done = new WeakSet();
  /** A same-origin frame's window (not one running its own Consentry) gets the hooks once per realm. */
  const reach = (f: any, w = cw.call(f)) => {
    try {
      // Its document may be a new one in the same realm (a srcdoc, an about:blank that replaced the first).
      if (w && !w.consentry) done.has(w.Node) || install(w), seen(w.document);
    } catch (e) {}
    return w;
  };
  const reach1 = (f: any) => reach(f);
  const loaded = (e: Event) => (e.target as any).localName == 'iframe' && reach(e.target);
  const listen = (d: Document) => d.addEventListener('load', loaded, true);
  const hook = (P: any, a: string, get?: (this: any, d: PropertyDescriptor) => any, set?: (this: any, v: any, d: PropertyDescriptor) => void) => {
    const d = P && desc(P, a);
    if (d) def(P, a, { ...d, get: get ? function (this: any) { return get.call(this, d); } : d.get, set: set ? function (this: any, v: any) { set.call(this, v, d); } : d.set }); // prettier-ignore
  };
  const wrap = (P: any, name: string, fn: (f: Function) => Function) => P && P[name] && (P[name] = fn(P[name]));
  /** Attribute maps and SVG hrefs, by the element they belong to. */
  const own = new WeakMap();
  /** No namespace (HTML's) or XLink's (an SVG xlink:href). */
  const xl = (ns: string | null) => !ns || /xlink/.test(ns);
  /**
   * A clone (cloneNode, importNode: a <template>'s content, a copied subtree) gets its URLs through
   * the gate too. A clone of a held element is held, as it answers the same; a clone of a held script
   * the page has inserted has started, as a clone of a started script has, and never runs.
   */
  const cloned = (o: any, c: any) => {
    if (c.querySelectorAll)
      for (const e of [c, ...c.querySelectorAll(SELECTOR)]) {
        // A static gated script in the page counts as started too (it runs once, released): its clone never runs.
        if (e.localName == 'script' && o.isConnected && plain(e) && e.hasAttribute('data-consent')) e._q = 1;
        if (e.getAttribute && e.getAttribute('data-consent') == '') e._h = 1;
        else if (e.getAttribute && !plain(e))
          for (const a of KINDS[e.localName] || []) {
            const v = e.getAttribute(a);
            v != null && hold(e, a, v) && e.localName != 'script' && e.removeAttribute(a);
          }
      }
    return c;
  };

  function install(W: any) {
    done.add(W.Node);
    const E = W.Element.prototype;
    const D = W.Document.prototype;
    // URL properties. A held element answers with the URL it was given, as if nothing happened.
    for (const [k, attrs] of 'Script:src IFrame:src,srcdoc Frame:src Image:src,srcset Source:src,srcset Link:href,imageSrcset Input:src Media:src Video:poster Track:src Embed:src Object:data Body:background'.split(' ').map((x) => x.split(':')))
      for (const p of attrs.split(',')) {
        const a = p.toLowerCase();
        hook(
          (W['HTML' + k + 'Element'] || {}).prototype,
          p,
          function (d) {
            return (this._h && this.getAttribute('data-' + a)) || d.get!.call(this);
          },
          function (v, d) {
            hold(this, a, (v = once(v))) || d.set!.call(this, v);
          },
        );
      }
    // `new Audio(url)` gives the element its URL without the setter: through it, then. A proxy
    // keeps it the browser's constructor (a subclass's instances, its name, a call without `new`).
    wrap(W, 'Audio', (C) =>
      new Proxy(C, {
        construct(t, a, nt) {
          const x = Reflect.construct(t, [], nt);
          if (a[0] !== undefined) x.src = a[0];
          return x;
        },
      }),
    );
    // A held script's real type waits in data-type: the page may set it after the URL.
    hook(
      W.HTMLScriptElement.prototype,
      'type',
      function (d) {
        return this._h ? this.getAttribute('data-type') || '' : d.get!.call(this);
      },
      function (v, d) {
        hold(this, 'type', v) || d.set!.call(this, v);
      },
    );

    // Attributes, by name, by namespace (no namespace is the HTML one) and as Attr nodes.
    E.setAttribute = function (n: string, v: string) {
      hold(this, (n = String(n)).toLowerCase(), (v = once(v))) || setAttr.call(this, n, v);
    };
    wrap(E, 'setAttributeNS', (f) => function (this: any, ns: string | null, n: string, v: string) {
      (xl(ns) && hold(this, (n = String(n)).toLowerCase(), (v = once(v)))) || f.call(this, ns, n, v); // prettier-ignore
    });
    // Removing a held script's type would make it runnable: the real type goes instead.
    wrap(E, 'removeAttribute', (f) => function (this: any, n: string) {
      f.call(this, this._h && String(n).toLowerCase() == 'type' ? 'data-type' : n); // prettier-ignore
    });
    // An attribute node's value, nodeValue or textContent; a node given by setAttributeNode or through
    // el.attributes.setNamedItem (the map's element is remembered when the page asks for the map).
    const attr = function (this: any, v: any, d: PropertyDescriptor) {
      (this.nodeType == 2 && this.ownerElement && xl(this.namespaceURI) && hold(this.ownerElement, this.name, (v = once(v)))) || d.set!.call(this, v);
    };
    hook(W.Attr.prototype, 'value', undefined, attr);
    hook(W.Node.prototype, 'nodeValue', undefined, attr);
    hook(W.Node.prototype, 'textContent', undefined, attr);
    const node = (P: any, m: string, el: (o: any) => any) =>
      wrap(P, m, (f) => function (this: any, at: Attr) {
        const o = el(this);
        return at && o && xl(at.namespaceURI) && hold(o, at.name, at.value) ? null : f.call(this, at); // prettier-ignore
      });
    for (const m of ['setAttributeNode', 'setAttributeNodeNS']) node(E, m, (o) => o);
    for (const m of ['setNamedItem', 'setNamedItemNS']) node(W.NamedNodeMap.prototype, m, (o) => own.get(o));
    // SVG: el.href.baseVal = url goes through the element's href (an SVGAnimatedString), remembered likewise.
    for (const k of ['Element', 'SVGScriptElement', 'SVGImageElement', 'SVGFEImageElement'])
      hook((W[k] || {}).prototype, k[1] == 'l' ? 'attributes' : 'href', function (d) {
        const m = d.get!.call(this);
        return own.set(m, this), m; // prettier-ignore
      });
    hook(W.SVGAnimatedString && W.SVGAnimatedString.prototype, 'baseVal', undefined, function (v, d) {
      const o = own.get(this);
      (o && hold(o, 'href', (v = once(v)))) || d.set!.call(this, v);
    });
    wrap(W.Node.prototype, 'cloneNode', (f) => function (this: any, deep?: boolean) {
      return cloned(this, f.call(this, deep)); // prettier-ignore
    });
    wrap(D, 'importNode', (f) => function (this: any, n: any, deep?: boolean) {
      return cloned(n, f.call(this, n, deep)); // prettier-ignore
    });

    // HTML strings. innerHTML's (and setHTMLUnsafe's) scripts never run, so they are left as they
    // are, marked `_n` for the observer; their images, iframes and links load.
    // createContextualFragment's, document.write's and a parsed document's scripts may run.
    const html = (P: any, name: string, runs: boolean, i = 0) => {
      const d = P && desc(P, name);
      // outerHTML and insertAdjacentHTML may put the new nodes beside the element.
      const root = (el: any) => (/^(o|ins)/.test(name) && el.parentNode) || el;
      // Only the new ones: a static tag beside them still runs when inserted again (see release.ts).
      const all = (el: any, v: unknown) => !runs && /<script/i.test(v as string) && [...el.querySelectorAll('script')];
      const mark = (el: any, old: any) => old && (all(el, '<script') as any[]).forEach((s: any) => old.includes(s) || (s._n = 1));
      if (!d) return;
      // Held tags that a string puts into a shadow root (or a declarative one) are watched there.
      const shade = (r: any, v: unknown, c: unknown) => {
        if (c != v && r.getRootNode) for (let e of [r, ...(/shadowroot/i.test(c as string) ? r.querySelectorAll('*') : [])]) (e = e.shadowRoot || e.getRootNode()).host && seen(e); // prettier-ignore
      };
      /**
       * What a string becomes depends on where it is parsed: in a <script>, <style> or <textarea>
       * it is text, never markup (so it stays as it is: rewritten as HTML, `&&` became `&amp;&amp;`),
       * and in an <svg> an <image> is SVG's, not the <img> HTML makes of it.
       */
      const tidy = (el: any, v: unknown, where?: string) => {
        const c = name[0] == 'o' || /^(beforebegin|afterend)$/i.test(where || '') ? el.parentNode : el;
        return c && RAW.test(c.localName) && c.namespaceURI == XHTML ? v : clean(v as string, runs, !!c && c.namespaceURI == SVG && c.localName != 'foreignObject');
      };
      if (d.set) hook(P, name, undefined, function (v, d) { v = once(v); const r = root(this); const o = all(r, v); const c = tidy(this, v); d.set!.call(this, c); mark(r, o); shade(r, v, c); }); // prettier-ignore
      else
        P[name] = function (this: any, ...a: any[]) {
          // One argument stays as it is: a TrustedHTML (see trusted.ts).
          const s = name[0] == 'w' && a.length != 1 ? a.splice(0).join('') : (a[i] = once(a[i]));
          const v = (a[i] = name[0] == 'p' && a[1] != 'text/html' && P != W.Document ? s : i ? tidy(this, s, a[0]) : clean(s, runs));
          const r = root(this);
          // A script the gate released writes where it stands, as it would have from the parser (a
          // legacy ad tag): the browser's own write would replace the whole page (an inserted
          // script has no place in the parser's input) or, from an external one, be dropped.
          // (An inline one in a shadow root has no currentScript: the release says which runs, `_rs`.)
          const cs = P == D && (this.currentScript || this._rs);
          if (cs && cs._dw) {
            const f = this.createRange().createContextualFragment(name[5] && typeof v == 'string' ? v + '\n' : v);
            // Its scripts run one after the other, as written, and write after themselves in turn.
            f.querySelectorAll('script').forEach((s: any) => ((s.async = false), (s._dw = 1)));
            // One place per script, right after it: each write goes there, in order.
            if (!cs._dm || !cs._dm.parentNode) cs.after((cs._dm = this.createTextNode('')));
            cs._dm.before(f);
            return;
          }
          const o = all(r, v);
          const out = d.value.apply(this, a);
          // A parsed document's scripts never run in Firefox, inserted or not: a gated one runs as a copy.
          if (out && out.nodeType == 9) out.querySelectorAll('script').forEach((s: any) => (s._n = 1));
          mark(r, o);
          shade(r, s, v);
          // document.write's implicit open() dropped the listener that hooks frames: it comes back,
          // and the frames it wrote are hooked now (the page may reach them by window[i] at once).
          if (P == D) listen(this), /<iframe/i.test(v) && this.querySelectorAll('iframe').forEach(reach1);
          return out;
        };
    };
    const SR = W.ShadowRoot.prototype;
    html(E, 'innerHTML', false);
    html(E, 'outerHTML', false);
    html(SR, 'innerHTML', false);
    html(E, 'setHTMLUnsafe', false);
    html(SR, 'setHTMLUnsafe', false);
    html(E, 'insertAdjacentHTML', false, 1);
    html(W.Range.prototype, 'createContextualFragment', true);
    html(D, 'write', true);
    html(D, 'writeln', true);
    html(W.Document, 'parseHTMLUnsafe', true);
    html(W.DOMParser && W.DOMParser.prototype, 'parseFromString', true);

    // A frame's window and document: a same-origin frame gets these hooks too. An about:blank
    // frame's window: lazysizes navigates it with location.replace, which touches neither src
    // nor setAttribute. Its location goes through the gate.
    const F = W.HTMLIFrameElement.prototype;
    hook(F, 'contentWindow', function (d) {
      return frame(this, reach(this, d.get!.call(this)));
    });
    hook(F, 'contentDocument', function (d) {
      const doc = d.get!.call(this);
      return doc && frame(this, reach(this), doc);
    });

    // Requests: held while the vendor is not allowed, sent once it is. Once the visitor's decision
    // denies it, each fails as a network error would, so code awaiting it goes on: a fetch rejects
    // with a TypeError, an XHR ends with an `error` event (readyState 4, status 0), a beacon is dropped.
    const R = W.XMLHttpRequest.prototype;
    const { open, send, abort } = R;
    // A held fetch whose signal aborts rejects with its reason at once, as a fetch does, and is never sent.
    // It keeps its `this`: a removed frame's fetch bound to the page (Sentry's) fetches for the page.
    wrap(W, 'fetch', (f) => function (this: any, i: any, o?: any) {
      let later: (v: any) => void, no!: (e: Error) => void;
      const p = new Promise((r, j) => ((later = r), (no = j)));
      const s = (o && o.signal) || (i && i.signal);
      // Anything but a Request is read as its string once, and that string goes on.
      const u = urlOf(i) || (i = String(i));
      if (net(u, () => (s && s.aborted) || later(f.call(this, i, o)), () => no(new W.TypeError('[consentry] no consent for ' + u)))) return f.call(this, i, o);
      s && (s.aborted ? no(s.reason) : s.addEventListener('abort', () => no(s.reason)));
      return p;
    });
    R.open = function (this: any, ...a: any[]) {
      this._u = String(a[1]);
      if (a.length > 1) a[1] = this._u;
      this._a = a.length < 3 || a[2];
      this._w = 0;
      return open.apply(this, a);
    };
    // `_w` is the send that waits: an abort or a new open() forgets it, so it never goes out.
    const fail = (x: any) => (open.call(x, 'GET', 'blob:' + here + '/0', x._a), send.call(x));
    R.send = function (this: any, b?: any) {
      const k = (this._w = {});
      const go = (f: () => void) => () => this._w == k && ((this._w = 0), f());
      // The browser's own network error: a blob URL that was never made, requested the same way.
      const no = go(() => fail(this));
      // Sent later, it cannot throw into the gate's update (a page's own XHR code may have broken it meanwhile).
      if (net(this._u, this._a && go(() => { try { send.call(this, b); } catch (e) {} }), no)) // prettier-ignore
        (this._w = 0), send.call(this, b);
      // A synchronous one cannot wait: it fails.
      else this._a || no();
    };
    // Aborting a held XHR ends it as an abort during a request does (readystatechange, abort, loadend; then readyState 0).
    R.abort = function (this: any) {
      if (this._w) (this._w = 0), fail(this);
      abort.call(this);
    };
    // On the prototype: Navigator.prototype.sendBeacon.call(navigator, …) goes through it too.
    wrap(W.Navigator.prototype, 'sendBeacon', (f) => function (this: any, u: any, b?: any) {
      return net((u = String(u)), () => f.call(this, u, b), () => 0) ? f.call(this, u, b) : true; // prettier-ignore
    });
    // fetchLater (Chromium: a beacon the browser sends when the page goes, or after activateAfter)
    // waits as a beacon does. The page gets a FetchLaterResult whose `activated` is the real one's
    // once sent; one whose signal aborted meanwhile is never sent, and one aborted already throws
    // as the browser's does.
    wrap(W, 'fetchLater', (f) => function (this: any, i: any, o?: any) {
      const s = (o && o.signal) || (i && i.signal);
      const u = urlOf(i) || (i = String(i));
      let r: any;
      // Sent later, what the browser refuses then (its quota) cannot throw into the gate's update.
      const go = () => {
        try {
          (s && s.aborted) || (r = f.call(this, i, o));
        } catch (e) {}
      };
      if (net(u, go, () => 0)) return f.call(this, i, o);
      if (s && s.aborted) throw s.reason;
      return Object.create((W.FetchLaterResult || Object).prototype, { activated: { get: () => !!r && r.activated } });
    });
    // A socket or an event stream towards a vendor that is not allowed waits too: the page gets one
    // that stays CONNECTING, and the real one opens when the vendor is allowed, with the handlers,
    // listeners and properties the page set meanwhile. Once the decision denies the vendor it never
    // opens, as a connection nobody answers.
    for (const k of ['WebSocket', 'EventSource'])
      wrap(W, k, (C: any) => {
        const P = new Proxy(C, {
          construct(t, a, nt) {
            let s: any;
            let z = 0;
            let l: any[] = [];
            const d: any = {};
            // The page's handlers and listeners for `e`, called as the browser calls them.
            const fire = (e: Event) => [d['on' + e.type], ...l.filter((b) => b[0] == e.type).map((b) => b[1])].forEach((f) => f && (f.call ? f.call(p, e) : f.handleEvent(e)));
            // Opened during the gate's update: what the browser refuses (a URL it cannot parse, a
            // property it cannot set) must not stop the release of the rest.
            const open = () => {
              if (z) return;
              try {
                s = Reflect.construct(t, a, nt);
              } catch (e) {
                return;
              }
              l.forEach((b) => s.addEventListener(...b));
              for (const k in d)
                try {
                  s[k] = d[k];
                } catch (e) {}
            };
            // As a connecting one does: send() throws, dispatchEvent() reaches the page's listeners.
            const D: any = {
              send() {
                if (!z) throw new DOMException('Still in CONNECTING state.', 'InvalidStateError');
              },
              dispatchEvent: (e: Event) => (fire(e), !e.defaultPrevented),
            };
            const p: any = new Proxy(Object.create(nt.prototype), {
              get(o, k: any, r) {
                if (s) return typeof (o = s[k]) == 'function' ? o.bind(s) : o;
                if (k == 'readyState') return z;
                if (k == 'url') return a[0];
                if (k == 'constructor') return P;
                // A WebSocket closed while connecting fails: error, then close (1006), as the browser's does.
                if (k == 'close') return () => z || ((z = C.CLOSED), z > 2 && setTimeout(() => (fire(new Event('error')), fire(new CloseEvent('close', { code: 1006 })))));
                if (k == 'addEventListener') return (...b: any[]) => l.push(b);
                if (k == 'removeEventListener') return (y: any, f: any) => (l = l.filter((b) => b[0] != y || b[1] != f));
                if (k in d) return d[k];
                if (k in D && k in o) return D[k];
                // The constants, a subclass's own methods, toString: as the prototype has them. The
                // browser's getters (onopen before it is set) refuse an object it did not make.
                try {
                  return Reflect.get(o, k, r);
                } catch (e) {
                  return null;
                }
              },
              set: (o, k, v) => (((s || d) as any)[k] = v, true), // prettier-ignore
              // A subclass's fields are defined, not set: kept the same, for the real one too.
              defineProperty: (o, k, v) => (((s || d) as any)[k] = v.value, true), // prettier-ignore
            });
            return net((a[0] = String(a[0])), open, () => 0) ? Reflect.construct(t, a, nt) : p;
          },
        });
        // Another made from a socket's constructor (`new ws.constructor(url)`) is held the same.
        C.prototype.constructor = P;
        return P;
      });
    // open() drops the document's listeners too.
    wrap(D, 'open', (f) => function (this: any, ...a: any[]) {
      const r = f.apply(this, a);
      return listen(this), r; // prettier-ignore
    });
    listen(W.document);
  }
  install(W);

  return {
    _setAttr: setAttr,
    _reach: reach1,
    /** `v` parsed where it goes: in a <template>, or in an <svg> of a document that loads nothing. */
    _parse(v: string, svg?: boolean) {
      const t = svg ? (inert ||= document.implementation.createHTMLDocument('')).createElementNS(SVG, 'svg') : document.createElement('template');
      inner.call(t, v);
      return t;
    },
  };
}
