/**
 * The preferences dialog's own CSS, added to the widget's shadow root when its chunk runs
 * (after the widget's, widget/styles.ts, whose colours, buttons and layouts it builds on).
 * The dialog's actions stay in view while its body scrolls (sticky), and its title and close
 * button too where the screen is not short; on very short screens (200% zoom, 256 px) both
 * scroll with it. Its sides' padding is its children's margin, so the sticky bars reach its
 * edges without a negative margin (which WebKit lets scroll sideways). One rule a line, as in
 * widget/styles.ts.
 */
export const css = `\
.dlg{outline:0;z-index:2;width:calc(100% - 2em);max-width:40em;border-radius:var(--consentry-radius,12px);display:grid;gap:1em;padding-inline:0}\
.dlg>*{margin-inline:1.25em}\
.x{flex:none;width:44px;height:44px;padding:10px;color:var(--fg);background:none;border:0;border-radius:8px;cursor:pointer}\
.x svg{stroke:currentColor;stroke-width:2.5}\
.cat{background:var(--surface);border-radius:8px;padding:1em;display:grid;gap:.5em}\
.meta,.v dl{color:var(--muted);font-size:.9em}\
summary{cursor:pointer;font-weight:600;min-height:24px}\
.v{list-style:none;border-top:1px solid var(--border);padding:.75em 0 0;margin-top:.75em;display:grid;gap:.25em}\
dt{font-weight:600;color:var(--fg)}\
dd{margin-bottom:.25em;overflow-wrap:anywhere}\
.sw{flex:none;position:relative;width:48px;height:28px;border-radius:14px;border:2px solid var(--border);background:var(--border);cursor:pointer;padding:0}\
.sw:after{content:"";position:absolute;top:2px;inset-inline-start:2px;width:20px;height:20px;border-radius:50%;background:var(--bg)}\
.sw[aria-checked=true]{background:var(--accent);border-color:var(--accent)}\
.sw[aria-checked=true]:after{inset-inline-start:22px;background:var(--accent-fg)}\
.sw:disabled{opacity:.6;cursor:default}\
@media(prefers-reduced-motion:no-preference){.sw:after{transition:inset-inline-start .15s}}\
.nw{white-space:nowrap}\
@media(min-height:20em){.dlg{padding-bottom:0}.dlg>.bs{position:sticky;bottom:0;margin:0;padding:1em 1.25em 1.25em;background:var(--bg);border-top:1px solid var(--border)}}\
@media(min-height:30em){.dlg{padding-top:0}.dlg>.hd{position:sticky;top:0;z-index:1;margin:0;padding:1em 1.25em .5em;background:var(--bg);border-bottom:1px solid var(--border)}}`;
