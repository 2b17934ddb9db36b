// The npm packages as a new user meets them: `consentry` packed, installed into an empty project
// and type-checked from TypeScript in each moduleResolution mode; publint and
// arethetypeswrong on the tarball; `consentry-ledger` packed with everything its bin needs.
// Needs dist/ (npm test builds first).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });

/** Bytes under `dir`, following no links. */
function du(dir) {
  let n = 0;
  for (const f of readdirSync(dir, { withFileTypes: true })) n += f.isDirectory() ? du(join(dir, f.name)) : statSync(join(dir, f.name)).size;
  return n;
}

// What a TypeScript user writes; each @ts-expect-error fails the check if the types are too loose.
const consumer = `import { init, on, allowed, acceptAll, show, type Decision, type Config } from 'consentry';
import { vendorForHost, toConfigVendor } from 'consentry/catalogue';

const found = vendorForHost('www.google-analytics.com');
const config: Config = { revision: 1, vendors: found ? [toConfigVendor(found)] : [{ id: 'ga', name: 'Google Analytics', category: 'performance' }] };
// @ts-expect-error a catalogue entry's kind is one of the known kinds
if (found && found.kind == 'astrology') console.log(found.name);
const api = init({ config, region: 'US-CA' });
const off: () => void = on('change', (d) => {
  const decision: Decision | null = d;
  if (d) console.log(d.categories.performance, d.method);
  // @ts-expect-error a decision is not a string
  const s: string = d;
});
on('show', (view) => {
  const v: 'banner' | 'prefs' = view;
  // @ts-expect-error the show event carries the view, not a decision
  const d: Decision = view;
});
// @ts-expect-error there is no such event
on('changed', () => {});
const yes: boolean = allowed('ga') && api.allowed('performance');
acceptAll();
const opened: Promise<void> = show();
off();
export { yes, opened };
`;

describe('the consentry package', () => {
  let tmp, tarball, project;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'consentry-pack-'));
    const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', tmp], root));
    tarball = join(tmp, packed[0].filename);
    project = join(tmp, 'site');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'site', private: true, type: 'module' }));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('installs into an empty project with no dependency and no install script', () => {
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    assert.deepEqual(manifest.dependencies || {}, {}, 'no runtime dependency');
    for (const s of ['preinstall', 'install', 'postinstall', 'prepare']) assert.equal(manifest.scripts?.[s], undefined, s);
    const start = Date.now();
    const out = npm(['install', '--foreground-scripts', tarball], project);
    const ms = Date.now() - start;
    const size = du(join(project, 'node_modules'));
    assert.doesNotMatch(out, /gyp|install script/i);
    assert.deepEqual(readdirSync(join(project, 'node_modules')).filter((f) => !f.startsWith('.')), ['consentry'], 'nothing but consentry is installed');
    console.log(`# installed consentry in ${ms} ms; node_modules ${(size / 1024).toFixed(0)} KB`);
  });

  // The three compilations run side by side: each takes seconds.
  const modes = [
    ['bundler', 'esnext'],
    ['node16', 'node16'],
    ['nodenext', 'nodenext'],
  ];
  const checks = {};
  function typeCheck(mode, module) {
    const dir = join(project, mode);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.ts'), consumer);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module, moduleResolution: mode, target: 'es2022', lib: ['es2022', 'dom'], strict: true, noEmit: true, skipLibCheck: false, types: [] },
        files: ['index.ts'],
      }),
    );
    return new Promise((done) => execFile(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], (err, stdout, stderr) => done({ code: err ? err.code : 0, out: stdout + stderr })));
  }
  for (const [mode, module] of modes)
    it(`type-checks a consumer with moduleResolution ${mode}`, async () => {
      if (!Object.keys(checks).length) for (const [m, mod] of modes) checks[m] = typeCheck(m, mod);
      const r = await checks[mode];
      assert.equal(r.code, 0, r.out);
    });

  it('publint reports nothing', () => {
    const r = spawnSync(process.execPath, [join(root, 'node_modules/publint/src/cli.js'), '--strict', root], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.doesNotMatch(r.stdout, /Warnings|Errors/);
  });

  it('source maps name the sources where they are, relative to the map, and carry their text', () => {
    const maps = readdirSync(join(root, 'dist'), { recursive: true }).filter((f) => f.endsWith('.map'));
    assert.ok(maps.includes(join('esm', 'index.js.map')), maps.join(', '));
    for (const m of maps) {
      const map = JSON.parse(readFileSync(join(root, 'dist', m), 'utf8'));
      const dir = dirname(join(root, 'dist', m));
      const misplaced = map.sources.filter((src) => !existsSync(join(dir, src)));
      assert.deepEqual(misplaced, [], `${m} names sources that are not there`);
      assert.equal(map.sourcesContent?.length, map.sources.length, `${m} lacks the sources' text (src/ is not in the package)`);
    }
  });

  it('arethetypeswrong finds no problem for an ES-module-only package', () => {
    const r = spawnSync(bin('attw'), [tarball, '--profile', 'esm-only'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout.slice(0, 3000) + r.stderr);
  });
});

describe('the consentry-ledger package', () => {
  it('packs its server, its bin, its migrations and its database drivers as dependencies', () => {
    const [packed] = JSON.parse(npm(['pack', '--dry-run', '--json', '-w', 'ledger'], root));
    const files = packed.files.map((f) => f.path);
    for (const f of ['bin/consentry-ledger.mjs', 'server.mjs', 'package.json', 'README.md', 'LICENSE']) assert.ok(files.includes(f), f);
    assert.ok(files.some((f) => f.startsWith('migrations/')), 'migrations');
    const manifest = JSON.parse(readFileSync(join(root, 'ledger/package.json'), 'utf8'));
    assert.equal(manifest.bin['consentry-ledger'], './bin/consentry-ledger.mjs');
    assert.ok(manifest.dependencies['better-sqlite3'] && manifest.dependencies.pg);
    // Every file the server imports is in the package.
    for (const f of files.filter((f) => f.endsWith('.mjs')))
      for (const [, dep] of readFileSync(join(root, 'ledger', f), 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const target = join(f, '..', dep);
        assert.ok(files.includes(target), `${f} imports ${dep}, which is not packed`);
      }
  });
});
