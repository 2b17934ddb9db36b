/**
 * The widget's CSS, inside its shadow root so neither the site's rules nor ours leak.
 * Colours come from `--consentry-*` custom properties (they inherit into the shadow
 * root); each has a `-dark` twin for the dark theme. See docs/widget.md.
 */
export const names = ['bg', 'fg', 'muted', 'accent', 'accent-fg', 'border', 'surface'];
const vars = (suffix: string, defaults: string) =>
  defaults
    .split(' ')
    .map((d, i) => `--${names[i]}:var(--consentry-${names[i]}${suffix},${d})`)
    .join(';');
// Every text pair stays ≥ 4.5:1 and every control edge ≥ 3:1 against its background.
// The cookie declaration (src/declaration/) takes the same colours.
export const light = vars('', '#fff #1b1b1f #4b5563 #1d4ed8 #fff #6b7280 #f3f4f6');
export const dark = vars('-dark', '#1b1b1f #f3f4f6 #c9cdd4 #9db8ff #0b1020 #9ca3af #2a2a30');

// A button and a focus ring as the widget draws them; the iframe placeholder draws the same.
// A word longer than the button is (a German one in a narrow column) breaks rather than spills.
export const button =
  'min-height:44px;padding:.5em 1em;overflow-wrap:anywhere;font:inherit;font-weight:600;color:var(--accent-fg);background:var(--accent);border:2px solid var(--accent);border-radius:var(--consentry-radius,8px);cursor:pointer';
export const ring = 'outline:3px solid var(--fg);outline-offset:2px';

// The three buttons (.bs) sit in three equal columns or in one, never two and a lone third:
// 26em of container is where three stop fitting (a phone-width media query does the same where
// container queries are missing). The opt-out notice's (.oo) are one above the other wherever
// they are: its first is a sentence, which three equal columns would fold into a tall box.
// The preferences dialog's own rules are in its chunk
// (widget/prefs/styles.ts).
// The host is out of the page's flow (fixed, like everything it shows): appended to <body> as
// an inline box, it made the browser lay out the whole page again before the banner's first frame.
// Fixed, with the highest z-index, it is the stacking context: inside it, 1 and 2 order enough.
// One rule a line, each ending in `\` (a line continuation): the text itself has no line breaks.
export const css = `\
:host{all:initial!important;font:inherit!important;position:fixed!important;top:0!important;left:0!important;z-index:2147483647!important}\
.r{${light};font-family:var(--consentry-font);font-size:var(--consentry-font-size,15px);line-height:1.5;color:var(--fg)}\
.dark{${dark}}\
@media(prefers-color-scheme:dark){.auto{${dark}}}\
*{box-sizing:border-box}\
h2,h3,h4,p,ul,dl,dd{margin:0;padding:0}\
h2{font-size:1.2em}h3,h4{font-size:1em}\
a{color:var(--accent)}\
:focus-visible{${ring}}\
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}\
.bn,.dlg,.ro{position:fixed;z-index:1;background:var(--bg);color:var(--fg);box-shadow:0 2px 16px #0006}\
.bn,.dlg{padding:1.25em;max-height:100%;overflow:auto;border:1px solid var(--border)}\
.bar{left:0;right:0;bottom:0;border-width:1px 0 0}\
.bar.top{top:0;bottom:auto;border-width:0 0 1px}\
.in{max-width:72em;margin:auto;display:flex;flex-wrap:wrap;gap:1em;align-items:center}\
.in,.dlg{container-type:inline-size}\
.tx{flex:1 1 24em;display:grid;gap:.5em}\
.box,.modal{border-radius:var(--consentry-radius,12px);width:calc(100% - 2em);max-width:28em}\
.box{bottom:1em;inset-inline-end:1em}\
.box.top{top:1em;bottom:auto}\
.box.bottom-left{inset-inline:1em auto}\
.modal,.dlg{top:50%;left:50%;transform:translate(-50%,-50%);max-height:calc(100% - 2em)}\
.bn:focus{outline:0}\
.back{position:fixed;inset:0;z-index:1;background:var(--consentry-backdrop,#0009)}\
.bs{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));grid-auto-rows:1fr;gap:.5em;flex:1 1 26em}\
@container (max-width:26em){.bs{grid-template-columns:1fr}}\
.bs.oo{grid-template-columns:1fr;flex-basis:20em}\
.b{${button}}\
.b:hover{filter:brightness(1.12)}\
.hd,.row{display:flex;gap:1em;align-items:center;justify-content:space-between}\
.row{flex-wrap:wrap}\
.note{font-weight:600}\
[hidden]{display:none}\
.ro{bottom:1em;inset-inline-start:1em;width:44px;height:44px;border-radius:50%;border:2px solid var(--border);color:var(--accent);cursor:pointer;padding:10px}\
svg{display:block}.ro svg{fill:currentColor}\
@media(prefers-reduced-motion:no-preference){.bn,.dlg{animation:in .2s ease-out}}\
@keyframes in{from{opacity:.4}}\
@media(max-width:30em){.bar,.box,.modal{padding:1em}.bs{grid-template-columns:1fr}}`;

/**
 * Adds `text` to the shadow root's styles, after what it has. Constructable stylesheets need no
 * nonce; where they are missing, a `<style>` carries the loader's nonce.
 */
export function adopt(root: ShadowRoot, text: string, nonce: string) {
  try {
    const s = new CSSStyleSheet();
    s.replaceSync(text);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, s];
  } catch {
    const el = document.createElement('style');
    el.nonce = nonce;
    el.textContent = text;
    root.appendChild(el);
  }
}
