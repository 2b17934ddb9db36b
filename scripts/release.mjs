// Runs after rollup (`npm run build`): names every chunk after the release it belongs to
// (`consentry-widget.js` → `consentry-widget.<release>.js`) and writes that release into the
// loader and the ES module, which ask for chunks by those names. A cached loader can then
// only ever meet chunks built with it: a chunk from another release has another name.
// The release is a hash of the chunks' contents, so an unchanged set of chunks keeps its
// names (and its cache entries) across builds.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What src/release.ts says until this script runs; the same length as a release, so source maps stay right. */
export const TOKEN = '%RELEASE';
/** A chunk that carries a release in its name. */
export const HASHED = /^consentry-[\w-]+\.[0-9a-f]{8}\.js$/;

export function release(dist) {
  const manifest = join(dist, 'release.json');
  const before = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).id : null;
  // Chunks of the previous build: a rebuilt chunk replaces its old copy, the others keep
  // their content and only lose their old name (a partial build rebuilds some chunks only).
  for (const f of readdirSync(dist).filter((f) => HASHED.test(f))) {
    const plain = f.replace(/\.[0-9a-f]{8}\.js$/, '.js');
    if (existsSync(join(dist, plain))) rmSync(join(dist, f));
    else renameSync(join(dist, f), join(dist, plain));
  }
  const chunks = readdirSync(dist).filter((f) => /^consentry-[\w-]+\.js$/.test(f)).sort();
  const hash = createHash('sha256');
  for (const f of chunks) hash.update(f + '\0').update(readFileSync(join(dist, f)));
  const id = hash.digest('hex').slice(0, TOKEN.length);
  for (const f of chunks) renameSync(join(dist, f), join(dist, f.replace(/\.js$/, `.${id}.js`)));
  for (const f of ['consentry.js', 'consentry.baked.js', 'esm/index.js']) {
    const p = join(dist, f);
    if (!existsSync(p)) continue;
    const text = readFileSync(p, 'utf8');
    // A freshly built file has the token; one this build did not touch has the previous release.
    const was = text.includes(TOKEN) ? TOKEN : before && text.includes(before) ? before : null;
    if (!was) throw new Error(`dist/${f} names no release: rebuild it (npm run build)`);
    writeFileSync(p, text.split(was).join(id));
  }
  writeFileSync(manifest, JSON.stringify({ id, chunks: chunks.map((f) => f.replace(/\.js$/, `.${id}.js`)) }, null, 2) + '\n');
  return { id, chunks: chunks.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { id, chunks } = release(fileURLToPath(new URL('../dist', import.meta.url)));
  console.log(`release ${id}: ${chunks} chunks named after it`);
}
