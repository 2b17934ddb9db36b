/**
 * The declaration's CSS. It sits in the site's own page (a notice page is the
 * site's content: its fonts, and its rules if it wants to restyle the table),
 * scoped under `.consentry-declaration`, coloured by the widget's `--consentry-*`
 * variables. Below 40em of its own width each row becomes a stacked card,
 * labelled by its column header, so it reads at 320 px.
 */
import { dark, light } from '../../widget/styles';

const R = '.consentry-declaration';
const hide = 'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap';

export const css = `
${R}{${light};container-type:inline-size;color:var(--fg);background:var(--bg);line-height:1.5}
${R}.cd-dark{${dark}}
@media(prefers-color-scheme:dark){${R}.cd-auto{${dark}}}
${R} .cd-t{width:100%;border-collapse:collapse;margin:0 0 1.5em;font:inherit;color:inherit}
${R} caption{text-align:start;padding:.5em 0}
${R} .cd-n{font-weight:700;font-size:1.1em}
${R} .cd-on{margin-inline-start:.5em;padding:0 .6em;border:1px solid var(--border);border-radius:1em;font-size:.85em;white-space:nowrap}
${R} .cd-d{display:block;color:var(--muted)}
${R} th,${R} td{text-align:start;vertical-align:top;padding:.5em .6em;border:1px solid var(--border);overflow-wrap:break-word;white-space:normal}
${R} thead th,${R} tbody th{background:var(--surface)}
${R} ul{margin:0;padding:0;list-style:none}
${R} code{font-size:.9em}
${R} a{color:var(--accent);display:inline-block;margin-inline-end:.75em}
${R} .cd-sr{${hide}}
@container (max-width:40em){
${R} thead{${hide}}
${R} .cd-t,${R} caption,${R} tbody,${R} tr,${R} th,${R} td{display:block}
${R} tr{border:1px solid var(--border);margin-bottom:.75em}
${R} th,${R} td{border:0}
${R} .cd-x{display:none}
${R} td[data-label]:before{content:attr(data-label);content:attr(data-label) / "";display:block;font-weight:600;font-size:.85em;color:var(--muted)}
}
`;
