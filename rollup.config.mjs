// Builds dist/: the loader (IIFE, minified), the ES module with types, and the widget chunk.
import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import dts from 'rollup-plugin-dts';

const ts = (extra = {}) => typescript({ tsconfig: './tsconfig.json', noEmitOnError: true, ...extra });

/** Private fields (`_name`) shrink to a letter or two; `__core` crosses bundles and stays. */
const minify = () =>
  terser({
    ecma: 2019,
    compress: { passes: 3, pure_getters: true, unsafe_arrows: true },
    mangle: { properties: { regex: /^_[^_]/ } },
    format: { comments: false },
  });

export default [
  {
    input: 'src/loader.ts',
    output: { file: 'dist/consentry.js', format: 'iife', sourcemap: true },
    plugins: [resolve(), ts(), minify()],
  },
  {
    // What `consentry bundle` bakes a configuration into: the same loader without fetching and
    // checking a configuration (config-load-baked.ts in place of config-load.ts) and without the
    // GPP stub (stub-baked.ts in place of stub.ts; the CLI appends consentry-gpp-stub.js if needed).
    input: 'src/loader.ts',
    output: { file: 'dist/consentry.baked.js', format: 'iife' },
    plugins: [
      {
        name: 'baked-config',
        resolveId: (id, from) =>
          id == './config-load' && from && from.endsWith('core.ts')
            ? fileURLToPath(new URL('src/config-load-baked.ts', import.meta.url))
            : id == './gpp/stub'
              ? fileURLToPath(new URL('src/gpp/stub-baked.ts', import.meta.url))
              : null,
      },
      resolve(),
      ts(),
      minify(),
    ],
  },
  {
    input: 'src/consent-mode-chunk.ts',
    output: { file: 'dist/consentry-consent-mode.js', format: 'iife' },
    plugins: [ts(), minify()],
  },
  {
    // Vendors' own consent APIs (Meta, UET, Clarity, TikTok, Pinterest, Shopify): configurations with consentApi.
    input: 'src/vendor-apis/chunk.ts',
    output: { file: 'dist/consentry-vendor-apis.js', format: 'iife' },
    plugins: [ts(), minify()],
  },
  {
    // The IAB GPP CMP API (@iabgpp/cmpapi), fetched by configurations with gpp.
    input: 'src/gpp/chunk.ts',
    output: { file: 'dist/consentry-gpp.js', format: 'iife' },
    plugins: [resolve(), ts(), minify()],
  },
  {
    input: 'src/gpp/stub-chunk.ts',
    output: { file: 'dist/consentry-gpp-stub.js', format: 'iife' },
    plugins: [ts(), minify()],
  },
  {
    input: 'src/gate/placeholder.ts',
    output: { file: 'dist/consentry-placeholder.js', format: 'iife' },
    plugins: [ts(), minify()],
  },
  {
    input: 'src/cleanup-chunk.ts',
    output: { file: 'dist/consentry-cleanup.js', format: 'iife' },
    plugins: [ts(), minify()],
  },
  {
    input: 'src/validate-chunk.ts',
    output: { file: 'dist/consentry-validate.js', format: 'iife' },
    plugins: [ts(), minify()],
  },
  {
    // For Node: the CLI and the schema generator.
    input: 'src/node.ts',
    output: { file: 'dist/validate.mjs', format: 'es' },
    plugins: [ts()],
  },
  {
    // `consentry scan` (Node): tldts is bundled in; playwright-core (an optional peer dependency),
    // the catalogue and the validator are imported from beside it at run time.
    input: 'scanner/index.mjs',
    output: { file: 'dist/scanner.mjs', format: 'es' },
    external: (id) => id == 'playwright-core' || id.startsWith('node:') || /^\.\.\/(catalogue|dist)\//.test(id),
    plugins: [resolve({ preferBuiltins: true })],
  },
  {
    // For Node: `consentry declaration`, the same renderer as the declaration chunk.
    input: 'src/declaration/node.ts',
    output: { file: 'dist/declaration.mjs', format: 'es' },
    plugins: [ts()],
  },
  {
    // The cookie declaration, fetched only by a page with a [data-consentry-declaration] element.
    input: 'src/declaration/chunk.ts',
    output: { file: 'dist/consentry-declaration.js', format: 'iife' },
    plugins: [ts(), minify()],
  },
  {
    input: 'src/index.ts',
    // The TypeScript plugin's outDir counts twice in the map's paths (../../../../src/): they
    // are put back relative to the map, dist/esm/, where the sources sit two folders up.
    output: { dir: 'dist/esm', format: 'es', sourcemap: true, sourcemapPathTransform: (p) => p.replace(/^(\.\.\/)+src\//, '../../src/') },
    plugins: [resolve(), ts({ outDir: 'dist/esm' })],
  },
  {
    // One self-contained .d.ts: no relative imports, so every moduleResolution mode reads it.
    input: 'src/index.ts',
    output: { file: 'dist/esm/index.d.ts', format: 'es' },
    plugins: [dts({ tsconfig: './tsconfig.json' })],
  },
  {
    // The banner and preferences UI, fetched by the loader only when it must show. A first
    // visit's loader fetches it before the configuration is in, so running it only defines
    // `consentry.__widget`; the core calls that once it is ready (core.ts ui()).
    input: 'widget/index.tsx',
    output: { file: 'dist/consentry-widget.js', format: 'iife' },
    plugins: [resolve(), ts(), { name: 'deferred', renderChunk: (code) => `window.consentry.__widget=function(){${code}};` }, minify()],
  },
  {
    // The preferences dialog, fetched by the widget when the visitor reaches for it. What it
    // shares with the widget (widget/shared.ts: renderer, state, texts, actions) it reads from
    // the widget's `consentry.__w` instead of carrying a second copy.
    input: 'widget/prefs/index.ts',
    output: { file: 'dist/consentry-prefs.js', format: 'iife', globals: () => 'consentry.__w' },
    external: (id) => /\/shared$/.test(id),
    plugins: [resolve(), ts(), minify()],
  },
  // One small chunk per built-in language but English (which ships in the widget, and the
  // declaration's part of it in the declaration chunk).
  ...readdirSync('src/i18n')
    .filter((f) => !/^en[.-]/.test(f))
    .map((f) => ({
      input: 'src/i18n/' + f,
      output: { file: `dist/consentry-i18n-${f.slice(0, -3)}.js`, format: 'iife', name: `consentry.__i18n.${f.slice(0, -3)}`, extend: true, exports: 'default' },
      plugins: [ts(), minify()],
    })),
];
