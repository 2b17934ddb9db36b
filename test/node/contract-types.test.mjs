// Contract §1 and §8: TypeScript types for the JavaScript API, as page code uses it: through
// `window.consentry` (the loader script) and the `consentry:change` event on `document`, not
// only through the ES module's exports. Type-checks a consumer against the built declarations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

const consumer = (types) => `
import type { Decision } from ${JSON.stringify(types)};

// The loader script's global, absent until it has run.
const d: Decision | null | undefined = window.consentry?.get();
const ok: boolean | undefined = window.consentry?.allowed('performance');
const off: (() => void) | undefined = window.consentry?.on('change', (x) => void (x && x.method));
window.consentry?.set({ categories: { performance: true } });
// @ts-expect-error not part of the API
window.consentry?.acceptEverything();
// The DOM event carries the decision.
document.addEventListener('consentry:change', (e) => {
  const m: Decision['method'] | undefined = e.detail?.method;
  void m;
});
void d, ok, off;
`;

test('window.consentry and the consentry:change event are typed for page code', () => {
  const types = join(root, 'dist/esm/index.js');
  if (!existsSync(join(root, 'dist/esm/index.d.ts'))) execFileSync('npm', ['run', 'build'], { cwd: root });
  const dir = mkdtempSync(join(tmpdir(), 'consentry-types-'));
  try {
    writeFileSync(join(dir, 'page.ts'), consumer(types));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2022', 'dom'], strict: true, noEmit: true, types: [] }, files: ['page.ts'] }),
    );
    const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
