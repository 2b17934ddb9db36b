/**
 * The visitor's texts: the configuration's own (`texts[lang][key]`, a category's
 * `name`/`description`) win over the built-in ones, which fall back to English.
 */
import type { Localized, ResolvedCategory } from '../src/types';
import { banner as en } from '../src/i18n/en';
import { core } from './core';

/** The widget's English; the dialog's chunk adds its own keys to it. */
export { en };

/** The banner's language: English where its language file failed (below). */
export let lang = core.lang;
export const dir = /^(ar|he|fa|ur)\b/.test(lang) ? 'rtl' : 'ltr';
let builtIn = en;

/** Only English ships in this chunk; another built-in language is its own small chunk, which the loader fetched beside this one. */
export const textsReady: Promise<unknown> =
  core.i18n
    ? core.i18n
        .then(() => (builtIn = (window as any).consentry.__i18n[lang]))
        // A missing language file must not cost the visitor the banner, nor one that loaded but
        // is no language file (a server's HTML page for a path it does not have): English it is.
        .catch(() => 0)
        // Unless the configuration has its own texts in that language, the banner then speaks
        // English: its lang attribute and the records (whose lang is the banner's) say so.
        .then((got) => got || core.config.texts[lang] || (core.lang = lang = 'en'))
    : Promise.resolve();

/** The text for `key`, else `or`. */
function find(key: string, or?: string): string | undefined {
  const own = core.config.texts;
  for (const m of [own[lang], builtIn, own.en, en]) if (m && m[key] != null) return m[key];
  return or;
}

/** A key no text has shows as itself. */
export const t = (key: string, n?: number) => find(key, key)!.replace('{n}', n as any);

export const loc = (v: Localized | undefined) => (typeof v == 'string' || !v ? v : v[lang] || v.en || Object.values(v)[0]);

export const catText = (c: ResolvedCategory, what: 'name' | 'description') =>
  loc(c[what]) || find(`category.${c.id}.${what}`) || (what == 'name' ? c.id : '');
