// What the bench tools share to set up a run: the site's configuration baked by the CLI exactly as a
// site owner would (`consentry bundle`), and Chromium's name resolution that keeps every request
// on the machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consentryConfig } from './site.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Vendor hosts resolve to loopback, every other name fails to resolve: nothing leaves the machine. */
export const RESOLVER_RULES = '--host-resolver-rules=MAP *.vendor.test 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

/** Writes the site's configuration into `dir` and runs `consentry bundle` on it (throws when the CLI fails). */
export function bundle(dir) {
  const cfg = join(dir, 'consentry.json');
  writeFileSync(cfg, JSON.stringify(consentryConfig(), null, 2));
  execFileSync(process.execPath, [join(root, 'bin/consentry.mjs'), 'bundle', cfg, '-o', join(dir, 'consentry.js')], { stdio: 'pipe' });
}

/** A fresh temporary folder holding the baked site (`name` prefixes the folder's name). */
export function bakedSite(name) {
  const dir = mkdtempSync(join(tmpdir(), `consentry-${name}-`));
  bundle(dir);
  return dir;
}
