#!/usr/bin/env node
// `npm run size`: gzip and brotli size of every .js/.css file in dist/ (not .map, not dist/esm,
// not dist/validate.mjs), checked against the budgets below. Exits 1 when a budget is exceeded.
// Sizes are gzip level 9 and brotli quality 11; 1 KB = 1,024 bytes. Missing budgeted files are
// reported as "missing" without failing (the widget and language chunks may not be built yet).
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const KB = 1024;

/** Budgets in KB (gzip). `aim` is printed beside the budget but does not fail the run. */
const budgets = [
  { name: 'consentry.js (loader)', match: (f) => f === 'consentry.js', budget: 6, aim: 5 },
  // JS and CSS together: a separate consentry-widget.css, if any, is added to the JS.
  // What `consentry bundle` bakes a configuration into: a returning visitor's whole download.
  { name: 'consentry.baked.js (baked loader)', match: (f) => f === 'consentry.baked.js', budget: 5.5, aim: 5 },
  { name: 'consentry-widget.js (+ .css)', match: (f) => f === 'consentry-widget.js' || f === 'consentry-widget.css', budget: 5 },
  // The preferences dialog, fetched when the visitor reaches for "Customise" or calls show().
  { name: 'consentry-prefs.js', match: (f) => f === 'consentry-prefs.js', budget: 2.5 },
  // 2.75: the gpp options and vendors[].consentApi (issue 15) added 0.19 KB to SPEC.
  { name: 'consentry-validate.js', match: (f) => f === 'consentry-validate.js', budget: 2.75 },
  // On-demand chunks: a page with a held iframe, a site with Google Consent Mode, a withdrawal.
  // The placeholder wears the widget's look (colours, both themes, button, focus ring) and speaks
  // the eight built-in languages (its texts ship with it: 0.45 KB): 2.05 KB.
  { name: 'consentry-placeholder.js', match: (f) => f === 'consentry-placeholder.js', budget: 2.1 },
  { name: 'consentry-consent-mode.js', match: (f) => f === 'consentry-consent-mode.js', budget: 1 },
  // Configurations with vendors[].consentApi (before any tag is released) and with gpp (lazily, after the stub).
  { name: 'consentry-vendor-apis.js', match: (f) => f === 'consentry-vendor-apis.js', budget: 1 },
  { name: 'consentry-gpp.js', match: (f) => f === 'consentry-gpp.js', budget: 16.5 },
  // `consentry bundle` appends it to a baked loader whose configuration has gpp.
  { name: 'consentry-gpp-stub.js', match: (f) => f === 'consentry-gpp-stub.js', budget: 0.5 },
  // A cookie-notice page with <div data-consentry-declaration> (English texts inside, like the widget).
  { name: 'consentry-declaration.js', match: (f) => f === 'consentry-declaration.js', budget: 3.5 },
  // Fetched at the first withdrawal of a vendor that declares cookies.
  { name: 'consentry-cleanup.js', match: (f) => f === 'consentry-cleanup.js', budget: 1 },
];
const i18nBudget = 1.5;
const firstVisit = { name: 'first visit total (loader + widget)', budget: 17, goal: 15.5, goalNote: "vanilla-cookieconsent's JS+CSS" };

export function sizes(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const rel = relative(dist, p).split('\\').join('/');
    if (statSync(p).isDirectory()) {
      if (rel === 'esm') continue;
      out.push(...walk(p));
    } else if (/\.(js|css)$/.test(name) && rel !== 'validate.mjs') out.push(rel);
  }
  return out;
}

const kb = (n) => (n / KB).toFixed(2) + ' KB';
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

function main() {
  if (!existsSync(dist)) {
    console.error('dist/ does not exist: run `npm run build` first');
    process.exit(1);
  }
  // Chunks carry their release in their names (scripts/release.mjs); budgets go by the plain name.
  const files = walk(dist).map((f) => ({ file: f.replace(/\.[0-9a-f]{8}\.js$/, '.js'), ...sizes(readFileSync(join(dist, f))) }));
  const rows = [];
  let over = false;
  const verdict = (gz, budget) => {
    if (budget == null) return '';
    const ok = gz <= budget * KB;
    if (!ok) over = true;
    return ok ? 'ok' : 'OVER';
  };

  for (const f of files) rows.push({ label: f.file, ...f, budget: null, note: '' });

  // Budgeted lines (a group may be several files, e.g. widget JS + CSS).
  const checks = [];
  for (const b of budgets) {
    const group = files.filter((f) => b.match(f.file));
    if (!group.length) {
      checks.push({ label: b.name, missing: true, budget: b.budget, aim: b.aim });
      continue;
    }
    const sum = (k) => group.reduce((s, f) => s + f[k], 0);
    checks.push({ label: b.name, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli'), budget: b.budget, aim: b.aim });
  }
  for (const f of files.filter((f) => /^consentry-i18n-.+\.js$/.test(f.file)))
    checks.push({ label: f.file, raw: f.raw, gzip: f.gzip, brotli: f.brotli, budget: i18nBudget });
  const loader = files.find((f) => f.file === 'consentry.js');
  // A first view also fetches the decision chunk.
  const widget = files.filter((f) => f.file === 'consentry-widget.js' || f.file === 'consentry-widget.css');
  if (loader && widget.length) {
    const all = [loader, ...widget];
    const sum = (k) => all.reduce((s, f) => s + f[k], 0);
    checks.push({ label: firstVisit.name, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli'), budget: firstVisit.budget, goal: firstVisit.goal });
  } else checks.push({ label: firstVisit.name, missing: true, budget: firstVisit.budget, goal: firstVisit.goal });

  const W = Math.max(38, ...files.map((f) => f.file.length + 2));
  const head = pad('file', W) + lpad('raw', 11) + lpad('gzip', 11) + lpad('brotli', 11);
  console.log('dist/ files (gzip -9, brotli q11; 1 KB = 1024 bytes)');
  console.log(head);
  const budgeted = (f) => budgets.some((b) => b.match(f)) || /^consentry-i18n-.+\.js$/.test(f);
  for (const r of rows)
    console.log(pad(r.file, W) + lpad(kb(r.raw), 11) + lpad(kb(r.gzip), 11) + lpad(kb(r.brotli), 11) + (budgeted(r.file) ? '' : '   (no budget)'));
  console.log('');
  console.log('budgets (gzip)');
  console.log(pad('', W) + lpad('gzip', 11) + lpad('budget', 11) + lpad('verdict', 9) + '   note');
  for (const c of checks) {
    if (c.missing) {
      console.log(pad(c.label, W) + lpad('-', 11) + lpad(c.budget + ' KB', 11) + lpad('missing', 9) + '   not built yet');
      continue;
    }
    const v = verdict(c.gzip, c.budget);
    let note = '';
    if (c.aim != null) note = `aim ${c.aim} KB: ${c.gzip <= c.aim * KB ? 'met' : 'not met (' + kb(c.gzip - c.aim * KB) + ' over)'}`;
    if (c.goal != null) note = `goal ${c.goal} KB (${firstVisit.goalNote}): ${c.gzip <= c.goal * KB ? 'met' : 'not met (' + kb(c.gzip - c.goal * KB) + ' over)'}`;
    if (v === 'OVER') note = `${kb(c.gzip - c.budget * KB)} over budget` + (note ? '; ' + note : '');
    console.log(pad(c.label, W) + lpad(kb(c.gzip), 11) + lpad(c.budget + ' KB', 11) + lpad(v, 9) + '   ' + note);
  }
  if (over) {
    console.error('\nsize: at least one file is over its budget');
    process.exit(1);
  }
}

main();
