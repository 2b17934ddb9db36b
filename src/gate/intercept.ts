/**
 * Dynamic auto-blocking: hooks the few places where a script, iframe or image
 * gets a URL, so a gated one never reaches the network. Hooking prototypes
 * (rather than watching the DOM) is what catches `new Image().src`, which
 * fetches without ever being inserted, and scripts, whose fetch starts on
 * insertion, before a MutationObserver hears of them.
 */

/** Whether to hold `el`'s `attr` = `url`; true means the gate keeps it. */
export type Hold = (el: any, attr: string, url: string) => boolean;
/** Rewrites an HTML string so that its gated elements arrive inert. */
export type Clean = (html: string) => string;

const def = Object.defineProperty;
const desc = (o: object, name: string) => Object.getOwnPropertyDescriptor(o, name)!;

/**
 * Installs the hooks. Returns the unhooked `setAttribute`, which the gate
 * releases with, and an unhooked parse of HTML into an inert template.
 */
export function intercept(hold: Hold, clean: Clean) {
  const E = Element.prototype;
  const setAttr = E.setAttribute;
  const inner = desc(E, 'innerHTML').set!;
  const url = (P: any, a: string) => {
    const d = desc(P, a);
    def(P, a, {
      ...d,
      // A held element answers with the URL it was given, as if nothing happened.
      get(this: any) {
        return (this._h && this.getAttribute('data-' + a)) || d.get!.call(this);
      },
      set(v) {
        hold(this, a, v) || d.set!.call(this, v);
      },
    });
  };
  url(HTMLScriptElement.prototype, 'src');
  url(HTMLIFrameElement.prototype, 'src');
  url(HTMLImageElement.prototype, 'src');
  url(HTMLImageElement.prototype, 'srcset');
  E.setAttribute = function (n: string, v: string) {
    hold(this, String(n).toLowerCase(), v) || setAttr.call(this, n, v);
  };

  // HTML strings. innerHTML's scripts never run but its images and iframes
  // load; createContextualFragment's and document.write's scripts run too.
  const html = (P: any, name: string, i = 0) => {
    const d = desc(P, name);
    if (d.set) def(P, name, { ...d, set(v) { d.set!.call(this, clean(v)); } }); // prettier-ignore
    else
      P[name] = function (this: any, ...a: any[]) {
        a[i] = clean(name[0] == 'w' ? a.splice(0).join('') : a[i]);
        return d.value.apply(this, a);
      };
  };
  html(E, 'innerHTML');
  html(E, 'outerHTML');
  html(ShadowRoot.prototype, 'innerHTML');
  html(E, 'insertAdjacentHTML', 1);
  html(Range.prototype, 'createContextualFragment');
  html(Document.prototype, 'write');
  html(Document.prototype, 'writeln');
  return {
    setAttr,
    parse(v: string) {
      const t = document.createElement('template');
      inner.call(t, v);
      return t;
    },
  };
}
