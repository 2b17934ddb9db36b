/**
 * The tag gate: holds every gated tag until `host._allowed(target)` says yes.
 * Static tags name their target in `data-consent`; a tag other code gives a
 * URL is matched to vendors by the URL's host. Either way a held element
 * carries `data-consent` (empty: "by host"), so one path releases both. A held
 * script keeps its `src` (libraries look for it) and waits as `type="text/plain"`
 * with its real type in `data-type`, like a static tag; other elements keep
 * their URL in `data-src` (`data-srcset`, `data-href`, …). See docs/gate.md.
 */
import type { ResolvedConfig } from '../types';
import { intercept, KINDS, once, plain, SELECTOR } from './intercept';
import { hostIndex } from './hosts';
import { releaser } from './release';
import { html } from './trusted';

export interface GateHost {
  /** Whether a category or vendor id is released for tags now. */
  _allowed(target: string): boolean;
  /** Shows what a blocked iframe waits for: the vendor (or category) `id` (see placeholder.ts). */
  _placeholder(frame: HTMLIFrameElement, id: string): void;
  /** Whether what `_allowed` denies now stays denied: the visitor decided (see `net`). */
  _final(): boolean;
}

export interface Gate {
  /** Installs the interception; called synchronously by the loader, before any config is known. `own`: the loader's, configuration's and ledger's URLs (their origins are no third party). */
  _start(nonce: string, own: (string | null | undefined)[]): void;
  /** The configuration is known: vendors' hosts, required categories, autoBlock. */
  _rules(config: ResolvedConfig): void;
  /** Re-evaluates every held element and request against `host._allowed` and releases what is allowed. */
  _update(): void;
  /** Whether a tag of this vendor (or category) ran on this page. */
  _ran(id: string): boolean;
}

/** A host that the quick look at an HTML string cannot read (see `split`): character references, percent-encoding, IDN, tabs. */
const ODD = /[/\\]{2}[^/?#"'<> ]*[%&\t\n\r\u0080-\uffff]/;

/** The baked configuration, as the loader found it (see `preview`). */
let baked: any;
/**
 * The configuration as the loader first reads it (baked, or inline, which the gate reads
 * itself), before it is checked: the validator may still be on its way while the parser
 * reaches the page's plain tags. Its hosts can only hold a tag; only the checked rules release.
 */
export const preview = (c: any) => (baked = c);

export function startGate(host: GateHost): Gate {
  let cfg: ResolvedConfig | null = null;
  let hosts: ReturnType<typeof hostIndex>;
  /** The hosts of the configuration not checked yet (see `preview`). */
  let pre: ReturnType<typeof hostIndex> | undefined;
  // Read once: `location` is slow to ask, and an origin never changes in a document's life.
  const { origin: here, protocol } = location;
  /** Origins that are no third party: the page's, the loader's, its configuration's and its ledger's. */
  const mine = [here];
  let setAttr: (this: Element, n: string, v: string) => void;
  let parse: (html: string, svg?: boolean) => HTMLTemplateElement | SVGSVGElement;
  let release: ReturnType<typeof releaser>;
  let reach: (f: any) => void;
  let mo: MutationObserver;
  /**
   * The page's document, its same-origin frames' (see intercept) and the shadow roots that HTML
   * strings put held tags into: held tags may be in any, and the observer watches them all.
   */
  const docs = new Set<any>();
  /** Elements held by the hooks, in the order they were given URLs; some are never inserted. */
  let held: any[] = [];
  /** Whether the parsed page's open shadow roots were looked for (see update). */
  let shadowed = 0;
  const shadows = (r: ParentNode) => r.querySelectorAll('*').forEach((e) => e.shadowRoot && (see(e.shadowRoot), shadows(e.shadowRoot)));
  let see: (d: any) => void;
  /** Requests waiting for their vendor: [url, send, fail]. */
  let waits: [string, () => void, () => void][] = [];
  /** The inline script check() last skipped as perhaps still being parsed. */
  let unfinished: any = 0;
  /**
   * That script is complete once the parser has put anything after it in the document (the last
   * one in a <head> or a <div> never gets a next sibling): it is released then, before `el`, in
   * document order, not at DOMContentLoaded.
   */
  const past = (el: Node) => {
    const u = unfinished;
    if (u && u != el && u.compareDocumentPosition(el) & 4) (unfinished = 0), (u._f = 1), check(u);
  };
  /** The proxies of about:blank frames' windows and documents (see `frame`), and the other way. */
  const frames = new WeakMap<object, any>();
  const real = new WeakMap<object, any>();
  const ran = new Set<string>();
  const warned = new Set<string>();

  const warn = (key: string, msg: string) => warned.has(key) || (warned.add(key), console.warn('[consentry] ' + msg));
  const known = (id: string) => cfg!.categories.some((c) => c.id == id) || cfg!.vendors.some((v) => v.id == id);
  // `required` always names what needs no choice, whatever the configuration calls its required category.
  const ok = (t: string[]) => !!cfg && t.every((id) => (known(id) ? host._allowed(id) : id == 'required' || (id && warn(id, 'unknown data-consent id: ' + id), false)));
  const originOf = (u: string | null | undefined) => {
    try {
      u && mine.push(new URL(u, location.href).origin);
    } catch (e) {}
  };
  /**
   * [origin, host name] of an absolute or scheme-relative http(s) or ws(s) URL, else null: a
   * relative URL is same-origin, and data:, blob: and javascript: fetch nothing. The host name
   * is the one the browser connects to: lower case, without a trailing dot. A regular
   * expression for a plain host (`new URL()` is most of the cost per inserted node); the URL
   * parser for any other spelling (percent-encoding, IDN, full-width dots, tabs and newlines,
   * `https:host` without slashes), which it resolves as the browser does.
   */
  const split = (u: string): string[] | null => {
    // The parser drops tabs and newlines anywhere in a URL.
    u = u.replace(/[\t\n\r]/g, '');
    const m = /^[\0- ]*((?:http|ws)s?:)?[/\\]{2}(?:[^@/?#\\]*@)?([\w.-]+(:\d*)?)([/?#\\]|$)/i.exec(u);
    if (m) return [(m[1] || protocol).toLowerCase().replace('ws', 'http') + '//' + m[2].toLowerCase(), m[2].toLowerCase().replace(/:\d*$/, '').replace(/\.+$/, '')];
    if (!/^[\0- ]*((http|ws)s?:|[/\\]{2})/i.test(u)) return null;
    try {
      const url = new URL(u, location.href);
      return /^(http|ws)s?:$/.test(url.protocol) ? [url.protocol.replace('ws', 'http') + '//' + url.host, url.hostname.replace(/\.+$/, '')] : null;
    } catch (e) {
      return null;
    }
  };

  /**
   * Who must allow these URLs: null when nobody; [] while the
   * rules are unknown (every third party waits); else vendor ids, where ''
   * stands for an undeclared host under `unknownHosts: "block"`: nothing releases it.
   */
  function targets(v: string[]) {
    let all: string[] | null = null;
    for (const part of v) {
      const url = split(part.trim());
      if (!url) continue;
      const third = mine.indexOf(url[0]) < 0;
      let t = cfg ? hosts._vendors(url[1]) : third ? [] : null;
      if (cfg && !t!.length) t = third && cfg.autoBlock.unknownHosts == 'block' ? (warn(url[1], 'no vendor declares ' + url[1]), ['']) : null;
      if (t) all = (all || t).concat(t);
    }
    return all;
  }
  /**
   * The same for an attribute: an iframe's srcdoc is a document (so is a javascript: or an HTML
   * data: URL's text), and every absolute URL in it counts (any attribute, srcset, a style's url(), a script's string).
   */
  const targetsOf = (a: string, v: string) =>
    targets(
      a == 'srcdoc' || /^[\0- ]*(javascript:|data:[^,]*html)/i.test(v)
        ? v.match(/(\b[a-z]+:)?[/\\]{2}[^\s"'<>()`,]+/gi) || []
        : // A srcset's URLs: its words, and their pieces between commas (a URL may hold a comma, in its user info too).
          /srcset/.test(a) ? v.split(/\s+/).concat(v.split(/[\s,]+/)) : [v],
    );

  /** The URL attribute an element requests with: the held one (data-src…) first. */
  function urlOf(el: Element): [string, string] {
    for (const a of KINDS[el.localName] || []) {
      const u = el.getAttribute('data-' + a) || el.getAttribute(a);
      if (u) return [a, u];
    }
    return ['', ''];
  }

  /** A held element's targets: its `data-consent` ids, or when there are none, its URL's. */
  function idsOf(el: Element) {
    const [a, u] = urlOf(el);
    const ids = (el.getAttribute('data-consent') || '').split(/\s+/).filter(Boolean);
    if (!ids.length) return targetsOf(a, u);
    // A category on a URL that one of its vendors declares is that vendor's to allow: a visitor
    // who denied the vendor keeps it blocked, and the placeholder can allow just that vendor.
    const url = a != 'srcdoc' && split(u);
    const vs = url ? hosts._vendors(url[1]) : [];
    return ids.map((id) => (cfg!.vendors.find((v) => v.category == id && vs.includes(v.id)) || { id }).id);
  }

  const inert = (el: Element) => KINDS[el.localName] && (plain(el) || KINDS[el.localName].some((a) => el.hasAttribute('data-' + a)));

  /**
   * Holds an element's URL: a script keeps it (libraries look for their script by `src`) and
   * turns `type="text/plain"`, its real type kept in data-type; anything else moves it to
   * data-<attribute>. The element stays, makes no request, and waits like a static tag.
   */
  function hide(el: any, a: string, v: any) {
    a = a.replace('xlink:', '');
    el._h = 1;
    el._q = 0;
    // What the page gave (a Trusted Types value, see trusted.ts), for the release.
    el._t = v;
    if (el.localName == 'script') {
      // A text/plain one that is no gated tag (another consent manager's, a template) stays one.
      if (!plain(el) || !el.hasAttribute('data-consent')) {
        const type = el.getAttribute('type');
        if (type != null) setAttr.call(el, 'data-type', type);
        setAttr.call(el, 'type', 'text/plain');
      }
      // Not set again when it has it (a string is refused where Trusted Types are enforced).
      if (el.getAttribute(a) != v) setAttr.call(el, a, v);
    } else setAttr.call(el, 'data-' + a, v);
    if (!el.hasAttribute('data-consent')) setAttr.call(el, 'data-consent', '');
  }

  function hold(el: any, a: string, v: any) {
    // A held script's type is kept for its release.
    if (a == 'type') return el._h && el.localName == 'script' && (setAttr.call(el, 'data-type', v), true);
    const k = KINDS[el.localName];
    if (!k || k.indexOf(a) < 0) return false;
    // A Trusted Types value is read as its string, and held as it is.
    const t = targetsOf(a, String(v));
    if (el._h && el.localName != 'script') el.removeAttribute('data-' + a); // a new URL replaces the held one
    if (!t || ok(t)) return t && t.forEach((id) => ran.add(id)), false;
    hide(el, a, v);
    held.push(el);
    return true;
  }

  /**
   * Gated URLs in an HTML string move aside before the browser parses it for real. A TrustedHTML
   * is read as its string; rewritten, it is handed back as one made by the policy (trusted.ts).
   */
  function clean(h: any, runs?: boolean, svg?: boolean) {
    const v = h ? String(h) : h;
    // Cheap ways out first: most strings have no tag with a URL, or no gated host in them.
    if (typeof v != 'string' || v.indexOf('<') < 0 || !/src|href|data|poster|background/i.test(v) || (cfg && cfg.autoBlock.unknownHosts != 'block' && !hosts._named(v) && !ODD.test(v))) return h;
    // In an <svg> the string is parsed as SVG: inside one here too.
    const tpl: any = parse(h, svg);
    let changed = 0;
    // A <template>'s content too: a declarative shadow root (setHTMLUnsafe) is live at once, and a clone of one (see intercept) is.
    const scan = (r: ParentNode) =>
      r.querySelectorAll(SELECTOR + ',template').forEach((el: any) => {
        if (el.content) scan(el.content);
        // A script from innerHTML never runs (nor loads): left as it is, for the library that reads its src.
        else if (!plain(el) && (runs || el.localName != 'script'))
          for (const a of KINDS[el.localName]) {
            const u = el.getAttribute(a);
            const t = u != null && targetsOf(a, u);
            if (t && !ok(t)) el.localName == 'script' || el.removeAttribute(a), hide(el, a, u!), (changed = 1);
          }
      });
    scan(tpl.content || tpl);
    return changed ? html(tpl.innerHTML, h) : h;
  }

  /**
   * Whether a request towards `u` may go now; else `later` waits for its vendor, and `fail` runs
   * instead once the visitor's decision denies it (at once when it already does), or when more
   * than 500 wait (the oldest). See intercept's Net.
   */
  function net(u: string, later?: () => void, fail?: () => void) {
    const t = targets([u]);
    if (!t || ok(t)) return true;
    if (later) cfg && host._final() ? fail!() : waits.push([u, later, fail!]) > 500 && waits.shift()![2]();
    // What cannot wait goes before the rules are known, unless the unchecked configuration names its host.
    const url = !cfg && pre && split(u);
    return !later && !cfg && !(url && pre!._vendors(url[1]).length);
  }

  /**
   * An about:blank frame's window (or, with `d`, its document), whose `location` asks the gate
   * first: a navigation towards a vendor that is not allowed is held as the frame's data-src,
   * like its src. Any other window or document (a frame that has navigated, cross-origin) is
   * returned as it is.
   */
  function frame(f: HTMLIFrameElement, w: any, d?: any) {
    try {
      if (!w || w.location.href != 'about:blank') return d || w;
    } catch (e) {
      return d || w;
    }
    const o = d || w;
    let p = frames.get(o);
    if (!p) {
      const nav = (u: any, how: string) => (hold(f, 'src', (u = once(u))) ? cfg && check(f) : w.location[how](u));
      // Methods run on the real objects (or on the `this` they are given, as the frame's fetch bound
      // to the page by Sentry), with the real window and document for these proxies as arguments;
      // constructors (capitalised: Image, XMLHttpRequest) are left as they are.
      // A wrapper of this page, not the frame's bind: WebKit takes a bound function's realm as
      // the caller, so the page's postMessage would reach the frame with the frame as its source.
      const get = (o: any, k: PropertyKey) => {
        const v = o[k];
        return typeof v == 'function' && typeof k == 'string' && k > '[' ? function (this: any, ...a: any[]) { return Reflect.apply(v, (this != null && real.get(this)) || this || o, a.map((x) => real.get(x) || x)); } : v; // prettier-ignore
      };
      const loc = new Proxy(
        {},
        {
          get: (_, k) => (k == 'replace' || k == 'assign' ? (u: any) => nav(u, k) : get(w.location, k)),
          set: (_, k, v) => (k == 'href' ? nav(v, 'assign') : (w.location[k] = v), true),
        },
      );
      p = new Proxy(o, {
        // The window's document is the proxy of its document.
        get: (t, k) => (k == 'location' ? loc : k == 'document' && !d ? frame(f, w, t.document) : get(t, k)),
        set: (t, k, v) => (k == 'location' ? nav(v, 'assign') : (t[k] = v), true),
      });
      frames.set(o, p);
      real.set(p, o);
    }
    return p;
  }

  /** Releases one held element if its targets allow it, else shows a blocked iframe's placeholder. */
  function check(el: any) {
    past(el);
    // A script runs once it is in the document. An inline one the parser may still be filling in
    // (nothing after it yet) would run cut short, and a defer or module one held from the parser
    // runs once the page is parsed, as the browser runs it: DOMContentLoaded looks at them again.
    if (el._q || !inert(el) || (el.localName == 'script' && (!el.isConnected || (document.readyState == 'loading' && (el.hasAttribute('src') ? el._p && !el.hasAttribute('async') && (el.defer || el.type == 'module') : !el.nextSibling && !el._f && (unfinished = el)))))) return; // prettier-ignore
    const t = idsOf(el);
    if (!t || ok(t)) {
      el._q = 1;
      if (t) t.forEach((id) => ran.add(id));
      release(el);
    } else if (el.localName == 'iframe') {
      const id = t.find((x) => !ok([x]));
      if (id) host._placeholder(el, id);
    }
  }

  function update() {
    if (!cfg) return;
    // Shadow roots the page's own HTML declares (<template shadowrootmode>, server-rendered web
    // components) hold static tags too: watched once the page is parsed.
    if (!shadowed && document.readyState != 'loading') (shadowed = 1), shadows(document);
    docs.forEach((d) => d.defaultView || d.host || docs.delete(d));
    // In the browser's order: the static tags in the document's, then the ones other code inserted
    // (held), in the order it gave them URLs.
    const later = new Set(held);
    [...[...docs].flatMap((d) => [...d.querySelectorAll('[data-consent]')].filter((el) => !later.has(el))), ...held].forEach(check);
    held = held.filter((el) => !el._q);
    const fin = host._final();
    // Each goes once: sent (or failed) and off the list, whatever its callback returns.
    waits = waits.filter(([u, send, fail]) => !(net(u) ? (send(), 1) : fin && (fail(), 1)));
  }

  /**
   * A script written plainly in the page, not tagged: held like one that other code
   * inserts (see docs/gate.md for what this cannot stop). Before the rules are known
   * it waits when its host is a vendor's in the configuration not checked yet, or when
   * holding it holds nothing up: it is async or defer (Plausible's, Cloudflare's), a
   * module, or of a type the browser does not run (`text/partytown`: a library fetches
   * and runs it, from a worker no hook reaches). A plain classic one may be what the
   * inline scripts after it use. Returns whether it is held.
   */
  function parsed(n: any) {
    if (n._n || n._h || n.hasAttribute('data-consent')) return false;
    const u = n.getAttribute('src');
    const t = u && targets([u]);
    const url = u && split(u);
    if (!t || ok(t) || !(cfg || n.hasAttribute('async') || n.hasAttribute('defer') || !/^\s*$|script/i.test(n.type) || (pre && url && pre._vendors(url[1]).length))) return false;
    hide(n, 'src', u);
    return (n._p = true);
  }

  /**
   * Sees held and static tags when they are inserted, and scripts the parser inserts:
   * in Chromium, Firefox and WebKit the observer runs before the parser starts such a
   * script, so its type is changed in time. (Firefox ESR fires no beforescriptexecute.)
   */
  function added(recs: MutationRecord[]) {
    // Only what was added: re-checking every held element per insertion would grow with the page.
    for (const r of recs)
      r.addedNodes.forEach((n: any) => {
        if (n.nodeType != 1) return;
        if (cfg) past(n);
        if (n.localName == 'script') parsed(n);
        // A frame inserted where its load event does not reach the hooks (a shadow root).
        (n.localName == 'iframe' ? [n] : n.firstElementChild ? n.querySelectorAll('iframe') : []).forEach(reach);
        if (!cfg) return;
        if (n.hasAttribute('data-consent')) check(n);
        if (n.firstElementChild) n.querySelectorAll('[data-consent]').forEach(check);
      });
  }

  return {
    _start(nonce, own) {
      own.forEach(originOf);
      try {
        const raw = baked || JSON.parse(document.getElementById('consentry-config')!.textContent!);
        // Only what it takes to match a host; anything odd is left for the check to name.
        pre = hostIndex({ vendors: raw.vendors.map((v: any) => ({ id: String(v.id), hosts: (v.hosts || []).filter((h: unknown) => typeof h == 'string') })) } as any);
      } catch (e) {}
      mo = new MutationObserver(added);
      see = (d: any) => docs.has(d) || (docs.add(d), mo.observe(d, { childList: true, subtree: true }));
      ({ _setAttr: setAttr, _parse: parse, _reach: reach } = intercept(hold, clean, net, frame, see));
      release = releaser(setAttr, nonce);
      see(document);
      document.addEventListener('DOMContentLoaded', update);
    },
    _rules(config) {
      cfg = config;
      hosts = hostIndex(config);
      originOf(config.beacon.url);
      update();
    },
    // A decision made on the page: its first in-order script loads alone (release.ts).
    _update: () => ((release._d = 1), update(), (release._d = 0)),
    _ran: (id) => ran.has(id),
  };
}
