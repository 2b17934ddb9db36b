// The site under test, served through the vendor network at https://www.compat.test: one page
// per case with Consentry first (or, in control mode, without it), the configuration, the
// loader and its chunks from the dist directory under test, library files from node_modules,
// and the case's own site code bundled as a site would bundle it (esbuild, like any bundler).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const SITE = 'www.compat.test';
const root = fileURLToPath(new URL('../../', import.meta.url));
/** The build under test: CONSENTRY_DIST=/path/to/dist, else this checkout's dist/. */
export const dist = resolve(process.env.CONSENTRY_DIST || join(root, 'dist'));
const TYPES = { '.js': 'application/javascript', '.mjs': 'application/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json' };

// Counts what vendor frames say ran, and every script error and unhandled rejection in the page.
const HARNESS = `window.__compat=window.__compat||{ran:{},errors:[]};
addEventListener('error',function(e){__compat.errors.push(String(e.message||e.type))});
addEventListener('unhandledrejection',function(e){var r=e.reason;__compat.errors.push('unhandled rejection: '+(r&&r.message||r))});
addEventListener('message',function(e){var n=e.data&&e.data.compatRan;if(typeof n=='string')__compat.ran[n]=(__compat.ran[n]||0)+1});`;

const configOf = (c) => ({ revision: 1, vendors: c.vendors, ...(c.settings || {}) });
const escapeJson = (o) => JSON.stringify(o).replace(/</g, '\\u003c');

function loaderTag(c, control) {
  if (control) return '';
  if (c.embed == 'inline') return `<script type="application/json" id="consentry-config">${escapeJson(configOf(c))}</script>\n<script src="/consentry/consentry.js"></script>`;
  if (c.embed == 'baked') return `<script src="/baked/consentry.js"></script>`;
  return `<script src="/consentry/consentry.js" data-config="/consentry.json"></script>`;
}

/** The case's page: Consentry first, the harness, the case's head and body, then its site code. */
export function pageOf(c, control) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${c.name}</title>
${loaderTag(c, control)}
<script>${HARNESS}</script>
${c.head || ''}
</head>
<body>
${c.body || ''}
${c.app ? '<script src="/app.js"></script>' : ''}
</body>
</html>`;
}

/** Bundles a case's site code (`import … from 'library'` as its README says) into one script. */
async function bundle(code) {
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    stdin: { contents: code, resolveDir: root, loader: 'js', sourcefile: 'app.js' },
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return out.outputFiles[0].text;
}

/** `consentry bundle` of the build under test, for a case that embeds a baked loader. */
async function bake(c) {
  const cli = join(dist, '..', 'bin', 'consentry.mjs');
  if (!existsSync(cli)) throw new Error(`no consentry CLI beside ${dist} (looked for ${cli})`);
  const dir = await mkdtemp(join(tmpdir(), 'compat-baked-'));
  await writeFile(join(dir, 'consentry.json'), JSON.stringify(configOf(c)));
  await promisify(execFile)(process.execPath, [cli, 'bundle', join(dir, 'consentry.json'), '-o', join(dir, 'consentry.js')]);
  return dir;
}

async function file(base, rel) {
  const path = normalize(join(base, rel));
  if (!path.startsWith(base + '/')) return undefined;
  try {
    return { type: TYPES[extname(path)] || 'application/octet-stream', body: await readFile(path) };
  } catch {
    return undefined;
  }
}

/** What prepareSite made of each case: one bundle and one baked loader for every engine. */
const prepared = new WeakMap();

/**
 * Prepares a case (its bundle, its baked loader) once, for every engine that runs it; returns
 * `handler(control)`, the site's answer to every request for www.compat.test.
 */
export function prepareSite(c) {
  if (!prepared.has(c)) prepared.set(c, prepare(c));
  return prepared.get(c);
}

async function prepare(c) {
  const app = c.app ? await bundle(c.app) : null;
  const baked = c.embed == 'baked' ? await bake(c) : null;
  const modules = join(root, 'node_modules');
  return (control) => {
    const page = pageOf(c, control);
    return (req) => {
      const p = decodeURIComponent(req.path);
      if (p == '/') return page;
      if (p == '/consentry.json') return { type: 'application/json', body: configOf(c) };
      if (p == '/app.js' && app) return { type: 'application/javascript', body: app };
      if (p == '/favicon.ico') return { status: 204 };
      if (p.startsWith('/consentry/')) return file(dist, p.slice('/consentry/'.length));
      if (p.startsWith('/baked/') && baked) return file(baked, p.slice('/baked/'.length));
      if (p.startsWith('/node_modules/')) return file(modules, p.slice('/node_modules/'.length));
      return c.site && c.site(req);
    };
  };
}

