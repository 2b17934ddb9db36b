/**
 * `consentry declaration consentry.json --format html|md [--lang de] [-o FILE] [--no-style]`:
 * the cookie declaration as text for static pages, from the same renderer as the browser
 * chunk (built as dist/declaration.mjs). The CLI checks the configuration before it gets here.
 */
import type { Config, ResolvedCategory } from '../types';
import { resolve } from '../config';
import { LANGS, pickLang } from '../lang';
import { declaration, html, markdown, Texts } from './render';
import { css } from './styles';
import enWidget from '../i18n/en';
import enDeclaration from '../i18n/en-declaration';
import de from '../i18n/de';
import fr from '../i18n/fr';
import es from '../i18n/es';
import it from '../i18n/it';
import nl from '../i18n/nl';
import pt from '../i18n/pt';
import pl from '../i18n/pl';

const en = { ...enWidget, ...enDeclaration };
const BUILT_IN: Record<string, Record<string, string>> = { en, de, fr, es, it, nl, pt, pl };

/** The widget's lookup order (widget/texts.ts): the configuration's texts, then the built-in ones, then English. */
export function texts(config: Config, lang: string): Texts {
  const own = config.texts || {};
  const find = (key: string) => {
    for (const m of [own[lang], BUILT_IN[lang], own.en, en]) if (m && m[key] != null) return m[key];
  };
  const loc: Texts['loc'] = (v) => (typeof v == 'string' || !v ? v : v[lang] || v.en || Object.values(v)[0]);
  return {
    t: (key, n) => (find(key) ?? key).replace('{n}', n as any),
    loc,
    cat: (c: ResolvedCategory, what) => loc(c[what]) || find(`category.${c.id}.${what}`) || (what == 'name' ? c.id : ''),
  };
}

export interface Options {
  format?: 'html' | 'md';
  lang?: string;
  /** HTML only: include the `<style>` element (default true). */
  style?: boolean;
}

/** The declaration of a (validated) configuration as HTML or Markdown text. */
export function render(config: Config, o: Options = {}): string {
  const resolved = resolve(config).config;
  const lang = pickLang([o.lang], Object.keys(resolved.texts));
  const x = texts(config, lang);
  if (o.format == 'md') return markdown(resolved, x);
  const theme = (resolved.ui && resolved.ui.theme) || 'auto';
  const dir = /^(ar|he|fa|ur)\b/.test(lang) ? 'rtl' : 'ltr';
  return (o.style === false ? '' : `<style>${css.trim()}</style>\n`) + html(declaration(resolved, x, lang, dir, theme)) + '\n';
}

export const USAGE = 'consentry declaration <consentry.json> [--format html|md] [--lang de] [-o FILE] [--no-style]';

/** Runs the command on an already checked configuration; returns the exit code. `write` is Node's writeFileSync. */
export function cli(args: string[], config: Config, write: (file: string | number, text: string) => void): number {
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const format = value('--format') || 'html';
  if (format != 'html' && format != 'md') {
    console.error(`consentry declaration: --format must be html or md, not "${format}"\nusage: ${USAGE}`);
    return 2;
  }
  const lang = value('--lang');
  if (lang && pickLang([lang], Object.keys(config.texts || {})) == 'en' && !/^en\b/i.test(lang))
    console.error(`consentry declaration: no texts for "${lang}" (built in: ${LANGS.join(', ')}); writing English`);
  const text = render(config, { format, lang, style: args.indexOf('--no-style') < 0 });
  const out = value('-o') || value('--out');
  if (out) {
    write(out, text);
    console.error(`wrote ${out} (${format}, ${text.length} bytes)`);
  } else write(1, text); // standard output
  return 0;
}
