/**
 * Which language the visitor sees: `data-lang`, then `<html lang>`, then the
 * browser's languages, matched against the built-in ones and any the
 * configuration adds texts for. The texts themselves live with the widget.
 */

/** Languages with built-in texts (src/i18n/). */
export const LANGS = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl'];

/** The language to use, spelled as the configuration spells it (`pt-BR` matches `pt-br`). */
export function pickLang(wanted: (string | null | undefined)[], extra: string[]): string {
  const have = LANGS.concat(extra);
  for (const w of wanted)
    for (const l of w ? [w.toLowerCase(), w.toLowerCase().split('-')[0]] : []) {
      const found = have.find((h) => h.toLowerCase() == l);
      if (found) return found;
    }
  return 'en';
}
