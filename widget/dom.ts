/**
 * The widget's renderer: JSX to DOM, patched in place on every change. It replaces Preact
 * (4.7 KB gzip), which the first-visit cap (loader + widget + decide under 17 KB) no longer had
 * room for once the gate grew. The widget needs only a part of what Preact does:
 * - components are plain functions of their props, called when the JSX is built (no hooks, no
 *   component state: widget/state.ts holds the one state object and re-renders on each change);
 * - elements get attributes (never properties, never HTML: text is always a text node) and
 *   `on*` listeners, and inside `<svg>` are made in the SVG namespace;
 * - a child keeps its DOM node across renders while it stays at the same place in the JSX:
 *   its key is its path through the nested children (`false`, `null` and arrays keep their
 *   places), so an element that shows or hides never makes a sibling lose its node, its focus or
 *   a `<details>` its open state. Nodes that stay are never moved.
 */

/** What JSX may put in a child's place. */
export type Child = VNode | string | number | boolean | null | undefined | Child[];

interface VNode {
  /** Tag name; '' for text. */
  t: string;
  p: Record<string, any>;
  /** Children as written (nested), or the text. */
  c: Child[] | string;
  /** Path key, set when the node is placed. */
  k?: string;
  d?: Node;
  /** Children as placed last time. */
  f?: VNode[];
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    type Element = Child;
    interface IntrinsicElements {
      [tag: string]: Record<string, unknown>;
    }
    interface ElementChildrenAttribute {
      children: unknown;
    }
  }
}

/** The JSX factory (tsconfig's jsxFactory). */
export function h(t: string | ((p: any) => Child), p: Record<string, any> | null, ...c: Child[]): Child {
  return typeof t == 'function' ? t({ ...p, children: c }) : { t, p: p || {}, c };
}

/** `<>…</>` (tsconfig's jsxFragmentFactory). */
export const Fragment = (p: { children: Child[] }) => p.children;

const flat = (c: Child, k: string, out: VNode[]): VNode[] => {
  if (Array.isArray(c)) c.forEach((x, i) => flat(x, k + '.' + i, out));
  else if (c != null && typeof c != 'boolean') {
    const v: VNode = typeof c == 'object' ? c : { t: '', p: {}, c: '' + c };
    v.k = k + v.t;
    out.push(v);
  }
  return out;
};

/** One listener per element and event; it calls whatever the latest render gave. */
function listen(this: any, e: Event) {
  const fn = this.__on[e.type];
  if (fn) fn(e);
}

function prop(el: any, name: string, value: any) {
  if (name[0] == 'o' && name[1] == 'n') {
    const type = name.slice(2).toLowerCase();
    const on = (el.__on ||= {});
    if (!(type in on)) el.addEventListener(type, listen);
    on[type] = value;
    return;
  }
  // aria-* and data-* say "true" and "false"; other attributes are there or not.
  const said = name[4] == '-';
  if (value == null || (value === false && !said)) el.removeAttribute(name);
  else el.setAttribute(name, value === true && !said ? '' : value);
}

function make(v: VNode, svg: boolean): Node {
  if (!v.t) return document.createTextNode(v.c as string);
  svg = svg || v.t == 'svg';
  const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', v.t) : document.createElement(v.t);
  for (const n in v.p) prop(el, n, v.p[n]);
  place(el, [], v, svg);
  return el;
}

/** Brings `v` to the DOM, reusing `old`'s node (same place, same tag). */
function update(old: VNode, v: VNode, svg: boolean) {
  const d = (v.d = old.d!) as any;
  if (!v.t) {
    if (d.data !== v.c) d.data = v.c;
    return;
  }
  for (const n in { ...old.p, ...v.p }) if (old.p[n] !== v.p[n]) prop(d, n, v.p[n]);
  place(d, old.f!, v, svg || v.t == 'svg');
}

function place(parent: Node, old: VNode[], v: VNode, svg: boolean) {
  const now = (v.f = flat(v.c as Child[], '', []));
  const was = new Map(old.map((o) => [o.k, o]));
  for (const n of now) {
    const o = was.get(n.k);
    if (o) {
      was.delete(n.k);
      update(o, n, svg);
    }
  }
  // What went goes first, so that what stays is already in its place and is never moved.
  was.forEach((o) => parent.removeChild(o.d!));
  now.forEach((n, i) => {
    const at = parent.childNodes[i] || null;
    n.d ||= make(n, svg);
    if (n.d != at) parent.insertBefore(n.d, at);
  });
}

const roots = new WeakMap<Node, VNode>();

/** Renders `c` as the content of `parent` (which holds nothing else), patching the last render. */
export function render(c: Child, parent: Node) {
  const v: VNode = { t: 'root', p: {}, c: [c] };
  place(parent, (roots.get(parent) || { f: [] }).f!, v, false);
  roots.set(parent, v);
}
