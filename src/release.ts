/**
 * The release this build belongs to. Chunk files carry it in their names
 * (`consentry-widget.<release>.js`); `scripts/release.mjs` writes it here after
 * the build, so a loader only ever asks for chunks built with it.
 */
export const RELEASE = '%RELEASE';

/** URL of one of our chunks (`consentry-widget.js`) of this release, beside `base`. */
export const chunk = (name: string, base: string) => new URL(name.replace(/js$/, RELEASE + '.js'), base).href;
