// Builds dist/: the loader (IIFE, minified), the ES module with types, and the widget chunk.
import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

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
    input: 'src/index.ts',
    output: { dir: 'dist/esm', format: 'es', sourcemap: true },
    plugins: [resolve(), ts({ outDir: 'dist/esm', declaration: true, declarationDir: 'dist/esm/types' })],
  },
];
