// Runs before `npm test`: the browser tests need their engines (Chromium at least; Firefox and
// WebKit are tested when installed, or must be when CONSENTRY_ENGINES names them) and the ledger
// tests a PostgreSQL server binary. On a fresh Debian machine, as root, install them from
// Debian's packages; anywhere else, say what is missing and how to point at it.
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { missing as engineMissing } from './engines/index.mjs';

/** Debian's packages for each engine. */
const PACKAGES = { chromium: ['chromium'], firefox: ['firefox-esr'], webkit: ['webkit2gtk-driver', 'xvfb'] };
const asked = process.env.CONSENTRY_ENGINES ? process.env.CONSENTRY_ENGINES.split(',').map((s) => s.trim().toLowerCase()) : ['chromium'];
const missing = asked.filter((e) => PACKAGES[e] && engineMissing(e)).flatMap((e) => PACKAGES[e]);
const hasPg = existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
if (!hasPg && !process.env.CONSENTRY_SKIP_PG && !process.env.PG_BIN) missing.push('postgresql');

if (missing.length) {
  const root = process.getuid && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (!root || !apt) {
    console.error(`Missing: ${missing.join(', ')}. Install them (Debian: apt-get install -y ${missing.join(' ')}),
or set CHROMIUM_PATH=/path/to/chrome (FIREFOX_PATH for Firefox), CONSENTRY_ENGINES to the engines
you have (e.g. chromium,firefox) and CONSENTRY_SKIP_PG=1 to skip the PostgreSQL tests.`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(', ')} from Debian's packages…`);
  const run = (cmd) => spawnSync('sh', ['-c', cmd], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status;
  if (run('apt-get update -qq') !== 0 || run(`apt-get install -y -qq ${missing.join(' ')} >/dev/null`) !== 0) {
    console.error(`apt-get could not install ${missing.join(', ')}`);
    process.exit(1);
  }
}
