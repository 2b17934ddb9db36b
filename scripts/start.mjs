// `npm start`: builds dist/, then serves the demo and its ledger from this same process, so a
// signal to npm (Ctrl+C, or `kill <pid>`) reaches the server, which closes both ports and exits.
// CONSENTRY_SKIP_BUILD=1 serves the dist/ already there.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!process.env.CONSENTRY_SKIP_BUILD) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await (await import('../demo/server.mjs')).main();
