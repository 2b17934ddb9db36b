/**
 * The cookie declaration, written once: a category-by-category table of the
 * configuration's vendors (purpose, cookies and how long they last, data
 * collected, retention, policy and opt-out links), the way the 2017 cookie
 * notices list them. Pure: the browser chunk turns the tree into DOM nodes,
 * `consentry declaration` into HTML or Markdown text for static pages.
 * Tolerant of a configuration that failed validation: it shows what it can read.
 */
import type { Localized, ResolvedCategory, ResolvedConfig, Vendor } from '../types';

/** A text, or `[tag, attributes, ...children]`. */
export type Node = string | [string, Record<string, string> | null, ...Node[]];

export interface Texts {
  /** A built-in or configured text by key; `{n}` becomes `n`. */
  t(key: string, n?: number): string;
  loc(v: Localized | undefined): string | undefined;
  cat(c: ResolvedCategory, what: 'name' | 'description'): string | undefined;
}

/**
 * Only `https:`, `http:` and relative URLs are ever rendered (contract §10): a
 * `javascript:` or `data:` link from a configuration would run in the site's page.
 * Parsing the URL, as the browser will, sees through case, whitespace and control characters.
 */
export function safeUrl(u: unknown): string | undefined {
  if (typeof u != 'string' || !u) return;
  try {
    if (/^https?:$/.test(new URL(u, 'https://x.invalid/').protocol)) return u;
  } catch {}
}

const str = (v: unknown) => (typeof v == 'string' ? v : '');
const list = (v: unknown): any[] => (Array.isArray(v) ? v : []);
const COLS = ['declaration.vendor', 'vendor.purpose', 'vendor.cookies', 'vendor.data', 'vendor.retention', 'declaration.links'];

/** What one table row says, as plain values. */
export interface Row {
  name: string;
  purpose: string;
  cookies: { name: string; match: string; duration: string }[];
  data: string[];
  retention: string;
  links: { label: string; url: string }[];
}

export interface Section {
  id: string;
  name: string;
  description: string;
  required: boolean;
  rows: Row[];
}

/** The declaration as data: one section per category, the consent cookie itself among the required ones. */
export function sections(config: ResolvedConfig, x: Texts): Section[] {
  const row = (v: Vendor): Row => ({
    name: str(v.name) || str(v.id),
    purpose: str(x.loc(v.purpose)),
    cookies: list(v.cookies)
      .filter((k) => k && str(k.name))
      .map((k) => ({ name: k.name, match: str(k.match) || 'exact', duration: str(k.duration) })),
    data: list(v.dataCollected).filter((d) => str(d)),
    retention: str(v.retention),
    links: [
      ['vendor.privacy', v.privacyPolicyUrl],
      ['vendor.optout', v.optOutUrl],
    ]
      .map(([k, u]) => ({ label: x.t(k as string), url: safeUrl(u)! }))
      .filter((l) => l.url),
  });
  const self = config.categories.find((c) => c.required);
  return config.categories.map((c) => ({
    id: c.id,
    name: str(x.cat(c, 'name')) || c.id,
    description: str(x.cat(c, 'description')),
    required: c.required,
    rows: [
      // The consent choice is a cookie too, and strictly necessary.
      ...(c == self
        ? [
            {
              name: x.t('declaration.self'),
              purpose: x.t('declaration.self.purpose'),
              cookies: [{ name: config.cookie.name, match: 'exact', duration: x.t('declaration.days', config.cookie.expiresDays) }],
              data: [],
              retention: '',
              links: [],
            },
          ]
        : []),
      ...config.vendors.filter((v) => v.category == c.id).map(row),
    ],
  }));
}

const cookieText = (k: Row['cookies'][0]) => k.name + (k.match == 'prefix' ? '*' : '');

/** The declaration as a tree: a `<table>` per category with a caption, column and row headers. */
export function declaration(config: ResolvedConfig, x: Texts, lang: string, dir: string, theme: string): Node {
  const heads = COLS.map((k) => x.t(k));
    // An empty cell says so, rather than being read as a missing one.
  const dash = (kids: Node[]): Node[] => (kids.length ? kids : ['—']);
  const txt = (s: string): Node[] => (s ? [s] : []);
  const table = (s: Section): Node => [
    'table',
    { class: 'cd-t' },
    [
      'caption',
      null,
      ['span', { class: 'cd-n' }, s.name],
      ...(s.required ? [' ', ['span', { class: 'cd-on' }, x.t('prefs.always')] as Node] : []),
      ...(s.description ? [['span', { class: 'cd-d' }, s.description] as Node] : []),
    ],
    ['thead', null, ['tr', null, ...heads.map((h): Node => ['th', { scope: 'col' }, h])]],
    [
      'tbody',
      null,
      ...(s.rows.length
        ? s.rows.map((r): Node => {
            // On a narrow screen an empty cell's card line is left out (class cd-x).
            const cell = (i: number, ...kids: Node[]): Node =>
              kids[0] == '—' ? ['td', { 'data-label': heads[i], class: 'cd-x' }, ...kids] : ['td', { 'data-label': heads[i] }, ...kids];
            return [
              'tr',
              null,
              ['th', { scope: 'row' }, r.name],
              cell(1, ...dash(txt(r.purpose))),
              cell(
                2,
                ...dash(
                  r.cookies.length
                    ? [['ul', null, ...r.cookies.map((k): Node => ['li', null, ['code', null, cookieText(k)], ...(k.duration ? [` (${k.duration})`] : [])])] as Node]
                    : [],
                ),
              ),
              cell(3, ...dash(txt(r.data.join(', ')))),
              cell(4, ...dash(txt(r.retention))),
              cell(
                5,
                ...dash(
                  r.links.map((l): Node => [
                    'a',
                    { href: l.url, target: '_blank', rel: 'noopener noreferrer' },
                    l.label,
                    ['span', { class: 'cd-sr' }, ` (${r.name})`],
                  ]),
                ),
              ),
            ];
          })
        : [['tr', null, ['td', { colspan: '6' }, x.t('declaration.none')]] as Node]),
    ],
  ];
  return ['div', { class: 'consentry-declaration cd-' + theme, lang, dir }, ...sections(config, x).map(table)];
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => '&#' + c.charCodeAt(0) + ';');

/** The tree as HTML text. */
export function html(n: Node): string {
  if (typeof n == 'string') return esc(n);
  const [tag, attrs, ...kids] = n;
  let out = '<' + tag;
  for (const k in attrs) out += ` ${k}="${esc(attrs[k])}"`;
  return out + '>' + kids.map(html).join('') + `</${tag}>`;
}

/** The declaration as Markdown (GitHub tables), for static site generators. */
export function markdown(config: ResolvedConfig, x: Texts): string {
  const text = (s: string) => s.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1');
  // Inside a code span only the table's pipe needs escaping; a backtick cannot occur in a valid cookie name.
  // A line break would end the table row, and what follows it would be Markdown (raw HTML) again.
  const code = (s: string) => '`' + s.replace(/\s+/g, ' ').replace(/`/g, "'").replace(/\|/g, '\\|') + '`';
  // A link destination is decoded by Markdown: `&#58;` and `\:` would turn a relative
  // `javascript&#58;x` (safe as written) into a `javascript:` link. `&amp;` and `\\` decode to
  // exactly what the configuration says; a pipe would end the table cell.
  const url = (u: string) => u.replace(/[<>\s|]/g, encodeURIComponent).replace(/[&\\]/g, (c) => (c == '&' ? '&amp;' : '\\\\'));
  const heads = COLS.map((k) => text(x.t(k)));
  const out: string[] = [];
  for (const s of sections(config, x)) {
    out.push(`### ${text(s.name)}${s.required ? ` (${text(x.t('prefs.always'))})` : ''}`, '');
    if (s.description) out.push(text(s.description), '');
    if (!s.rows.length) {
      out.push(text(x.t('declaration.none')), '');
      continue;
    }
    out.push(`| ${heads.join(' | ')} |`, `|${' --- |'.repeat(heads.length)}`);
    for (const r of s.rows)
      out.push(
        '| ' +
          [
            text(r.name),
            text(r.purpose),
            r.cookies.map((k) => code(cookieText(k)) + (k.duration ? ` (${text(k.duration)})` : '')).join(', '),
            text(r.data.join(', ')),
            text(r.retention),
            r.links.map((l) => `[${text(l.label)}](<${url(l.url)}>)`).join(' · '),
          ]
            .map((c) => c || '—')
            .join(' | ') +
          ' |',
      );
    out.push('');
  }
  return out.join('\n');
}
