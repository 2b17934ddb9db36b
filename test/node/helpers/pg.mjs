// A throwaway PostgreSQL cluster for tests: initdb into a temp dir, listen on a free loopback
// port with the unix socket inside that dir, removed again by stop().
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The directory holding initdb and pg_ctl, or null. PG_BIN overrides the search. */
export function findPgBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => b - a);
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  const cfg = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (cfg.status === 0) candidates.push(cfg.stdout.trim());
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) ?? null;
}

/**
 * What a PostgreSQL test should do here: run, skip (CONSENTRY_SKIP_PG=1) or fail with the reason.
 * @returns {{bin: string} | {skip: string} | {fail: string}}
 */
export function pgAvailability() {
  const bin = findPgBin();
  if (bin) return { bin };
  const why = 'PostgreSQL binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin, $PG_BIN or pg_config --bindir';
  if (process.env.CONSENTRY_SKIP_PG === '1') return { skip: `${why}; skipped because CONSENTRY_SKIP_PG=1` };
  return { fail: `${why}. Install them (apt-get install -y postgresql) or set CONSENTRY_SKIP_PG=1 to skip these tests.` };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
      s.close(() => resolve(port));
    });
  });
}

/**
 * @param {string} bin
 * @returns {Promise<{url: string, stop: () => void}>}
 */
export async function startPg(bin) {
  const dir = mkdtempSync(join(tmpdir(), 'consentry-pg-'));
  const data = join(dir, 'data');
  // PostgreSQL refuses to run as root, so as root the cluster belongs to the postgres user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, pgUid(), pgGid());
  const run = (cmd, args) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    try {
      return execFileSync(full[0], /** @type {string[]} */ (full[1]), { stdio: 'pipe', encoding: 'utf8' });
    } catch (err) {
      throw new Error(`${cmd} failed: ${err.stderr || err.message}`);
    }
  };
  run('initdb', ['-D', data, '-U', 'consentry', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  // The in-process ledgers of a test file stay open until its end, each with a write and a read
  // pool: on a slow machine their idle connections outlast 60 ("too many clients already").
  run('pg_ctl', [
    '-D', data, '-l', join(dir, 'log'), '-w', '-t', '30',
    '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=400`,
    'start',
  ]);
  let stopped = false;
  return {
    url: `postgres://consentry@127.0.0.1:${port}/postgres`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Creates an empty database on the cluster and returns its URL, so each suite starts clean. */
export async function createDatabase(url, name) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return url.replace(/\/[^/]*$/, `/${name}`);
}

const pgUid = () => Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
const pgGid = () => Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
