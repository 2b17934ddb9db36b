/**
 * The tag gate: holds every gated tag until `host.allowed(target)` says yes.
 * Static tags name their target in `data-consent`; a tag other code gives a
 * URL is matched to vendors by the URL's host. Either way a held element keeps
 * its URL in `data-src`/`data-srcset` and carries `data-consent` (empty: "by
 * host"), so one path releases both. See docs/gate.md.
 */
import type { ResolvedConfig } from '../types';
import { intercept } from './intercept';
import { vendorsFor } from './hosts';
import { releaser } from './release';

export interface GateHost {
  /** Whether a category or vendor id is released for tags now. */
  allowed(target: string): boolean;
  /** Shows what a blocked iframe waits for: the vendor (or category) `id` (see placeholder.ts). */
  placeholder(frame: HTMLIFrameElement, id: string): void;
}

export interface Gate {
  /** Installs the interception; called synchronously by the loader, before any config is known. */
  start(nonce: string): void;
  /** The configuration is known: vendors' hosts, required categories, autoBlock. */
  rules(config: ResolvedConfig): void;
  /** Re-evaluates every held element against `host.allowed` and releases what is allowed. */
  update(): void;
  /** Whether a tag of this vendor (or category) ran on this page. */
  ran(id: string): boolean;
}

/** Elements whose URLs the gate watches; 2 also has `srcset`. */
const KINDS: Record<string, number> = { script: 1, iframe: 1, img: 2 };

export function startGate(host: GateHost): Gate {
  let cfg: ResolvedConfig | null = null;
  let nonce = '';
  /** The loader's own origin is no third party: its chunks load before the rules are known. */
  let own = '';
  // Read once: `location` is slow to ask, and an origin never changes in a document's life.
  const { origin: here, protocol } = location;
  let setAttr: (this: Element, n: string, v: string) => void;
  let parse: (html: string) => HTMLTemplateElement;
  let release: (el: Element) => void;
  /** Elements held by the hooks, in the order they were given URLs; some are never inserted. */
  let held: any[] = [];
  const ran = new Set<string>();
  const warned = new Set<string>();

  const warn = (key: string, msg: string) => warned.has(key) || (warned.add(key), console.warn('[consentry] ' + msg));
  const known = (id: string) => cfg!.categories.some((c) => c.id == id) || cfg!.vendors.some((v) => v.id == id);
  const ok = (t: string[]) => !!cfg && t.every((id) => (known(id) ? host.allowed(id) : (id && warn(id, 'unknown data-consent id: ' + id), false)));
  /**
   * [origin, host name] of an absolute or scheme-relative http(s) URL, else null: a
   * relative URL is same-origin, and data:, blob: and javascript: fetch nothing.
   * A regular expression, because `new URL()` is most of the cost per inserted node.
   */
  const split = (u: string) => {
    const m = /^\s*(https?:)?[/\\]{2}(?:[^@/?#\\]*@)?([^/?#\\]+)/i.exec(u);
    return m && [(m[1] || protocol).toLowerCase() + '//' + m[2].toLowerCase(), m[2].toLowerCase().replace(/:\d*$/, '')];
  };

  /**
   * Who must allow a URL (or a srcset's URLs): null when nobody; [] while the
   * rules are unknown (every third party waits); else vendor ids, where ''
   * stands for an undeclared host under `unknownHosts: "block"`: nothing releases it.
   */
  function targets(v: string) {
    let all: string[] | null = null;
    for (const part of v.split(',')) {
      const url = split(part.trim());
      if (!url) continue;
      const third = url[0] != here && url[0] != own;
      let t = cfg ? vendorsFor(cfg, url[1]) : third ? [] : null;
      if (cfg && !t!.length) t = third && cfg.autoBlock.unknownHosts == 'block' ? (warn(url[1], 'no vendor declares ' + url[1]), ['']) : null;
      if (t) all = (all || t).concat(t);
    }
    return all;
  }

  /** A held element's targets: its `data-consent` ids, or when there are none, its URL's. */
  function idsOf(el: Element) {
    const u = el.getAttribute('src') || el.getAttribute('data-src') || el.getAttribute('data-srcset') || '';
    const ids = (el.getAttribute('data-consent') || '').split(/\s+/).filter(Boolean);
    if (!ids.length) return targets(u);
    // A category on a URL that one of its vendors declares is that vendor's to allow: a visitor
    // who denied the vendor keeps it blocked, and the placeholder can allow just that vendor.
    const url = split(u);
    const vs = url ? vendorsFor(cfg!, url[1]) : [];
    return ids.map((id) => (cfg!.vendors.find((v) => v.category == id && vs.includes(v.id)) || { id }).id);
  }

  const inert = (el: Element) =>
    KINDS[el.localName] && (el.hasAttribute('data-src') || el.hasAttribute('data-srcset') || el.getAttribute('type') == 'text/plain');

  /** Moves a URL aside: the element stays, makes no request, and waits like a static tag. */
  function hide(el: any, a: string, v: string) {
    el._h = 1;
    el._q = 0;
    setAttr.call(el, 'data-' + a, v);
    if (!el.hasAttribute('data-consent')) setAttr.call(el, 'data-consent', '');
  }

  function hold(el: any, a: string, v: string) {
    const k = KINDS[el.localName];
    if (!(a == 'src' ? k : a == 'srcset' && k == 2)) return false;
    const t = targets((v = String(v)));
    if (el._h) el.removeAttribute('data-' + a); // a new URL replaces the held one
    if (!t || ok(t)) return t && t.forEach((id) => ran.add(id)), false;
    hide(el, a, v);
    held.push(el);
    return true;
  }

  /** Gated URLs in an HTML string move aside before the browser parses it for real. */
  function clean(v: string) {
    // Cheap ways out first: most strings have no tag with a URL, or no gated host in them.
    if (typeof v != 'string' || v.indexOf('<') < 0 || !/src/i.test(v) || (cfg && cfg.autoBlock.unknownHosts != 'block' && !cfg.vendors.some((x) => (x.hosts || []).some((h) => v.includes(h.replace('*.', '')))))) return v;
    const tpl = parse(v);
    let changed = 0;
    tpl.content.querySelectorAll('script,iframe,img').forEach((el) => {
      if (el.getAttribute('type') != 'text/plain')
        for (const a of ['srcset', 'src']) {
          const u = el.getAttribute(a);
          const t = u != null && targets(u);
          if (t && !ok(t)) el.removeAttribute(a), hide(el, a, u!), (changed = 1);
        }
    });
    return changed ? tpl.innerHTML : v;
  }

  /** Releases one held element if its targets allow it, else shows a blocked iframe's placeholder. */
  function check(el: any) {
    // An inline script the parser may still be filling in (nothing after it yet) would run cut
    // short: DOMContentLoaded looks at it again.
    if (el._q || !inert(el) || (!el.nextSibling && !el.src && document.readyState == 'loading')) return;
    const t = idsOf(el);
    if (!t || ok(t)) {
      el._q = 1;
      if (t) t.forEach((id) => ran.add(id));
      release(el);
    } else if (el.localName == 'iframe') {
      const id = t.find((x) => !ok([x]));
      if (id) host.placeholder(el, id);
    }
  }

  function update() {
    if (!cfg) return;
    [...held, ...document.querySelectorAll('[data-consent]')].forEach(check);
    held = held.filter((el) => !el._q);
  }

  /**
   * Sees held and static tags when they are inserted, and (best effort)
   * parser-inserted scripts from a vendor's host: the observer runs before the
   * parser starts such a script, so moving its `src` aside stops it. The preload
   * scanner may have fetched it already: static tags should be written inert.
   */
  function added(recs: MutationRecord[]) {
    // Only what was added: re-checking every held element per insertion would grow with the page.
    if (cfg)
      for (const r of recs)
        r.addedNodes.forEach((n: any) => {
          if (n.nodeType != 1) return;
          if (n.localName == 'script' && !n.hasAttribute('data-consent')) {
            const u = n.getAttribute('src');
            const t = u && targets(u);
            if (t && !ok(t)) n.removeAttribute('src'), hide(n, 'src', u);
          }
          if (n.hasAttribute('data-consent')) check(n);
          if (n.firstElementChild) n.querySelectorAll('[data-consent]').forEach(check);
        });
  }

  return {
    start(n) {
      nonce = n;
      const me = document.currentScript as HTMLScriptElement | null;
      own = me && me.src ? new URL(me.src).origin : here;
      ({ setAttr, parse } = intercept(hold, clean));
      release = releaser(setAttr, nonce);
      new MutationObserver(added).observe(document, { childList: true, subtree: true });
      document.addEventListener('DOMContentLoaded', update);
    },
    rules(config) {
      cfg = config;
      update();
    },
    update,
    ran: (id) => ran.has(id),
  };
}
