/**
 * The preferences dialog's own CSS, added to the widget's shadow root when its chunk runs
 * (after the widget's, widget/styles.ts, whose colours, buttons and layouts it builds on).
 * The dialog's actions stay in view while its body scrolls (sticky), except on very short
 * screens (200% zoom), where they scroll with it. One rule a line, as in widget/styles.ts.
 */
export const css = `\
.dlg{outline:0;z-index:2;width:calc(100% - 2em);max-width:40em;border-radius:var(--consentry-radius,12px);display:grid;gap:1em}\
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
@media(min-height:30em){.dlg{padding-bottom:0}.dlg>.bs{position:sticky;bottom:0;margin:0 -1.25em;padding:1em 1.25em 1.25em;background:var(--bg);border-top:1px solid var(--border)}}`;
