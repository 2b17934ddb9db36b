// `consentry scan <url>`: visits a site in Chromium three times per page (before any choice,
// after "Reject all", after "Accept all"), classifies what it loads and stores with the site's
// configuration and the vendor catalogue, and reports leaks. Exit codes: 0 done, 1 leaks found
// with --fail-on-leak, 2 the scan could not run (bad arguments, no browser, start page down).
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, USAGE } from './args.mjs';
import { openBrowser, ScanError } from './browser.mjs';
import { crawl } from './crawl.mjs';
import { classifier } from './classify.mjs';
import { analyse } from './analyse.mjs';
import { draftConfig } from './draft.mjs';
import { renderReport } from './report-html.mjs';
import { progressBar, summary } from './terminal.mjs';
import * as catalogue from '../catalogue/index.mjs';
import { validate } from '../dist/validate.mjs';
import { notJson } from '../bin/lib/json.mjs';
import { writeWhole } from '../bin/lib/files.mjs';

/** The site's configuration from --config, checked as `consentry validate` checks it. */
function readConfig(file) {
  let text;
  try {
    // Without a byte order mark, as `consentry validate` and the loader read it.
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new ScanError(`cannot read ${file}: ${e.code || e.message}`);
  }
  let config;
  try {
    config = JSON.parse(text);
  } catch (e) {
    throw new ScanError(notJson(file, text, e));
  }
  const problems = validate(config);
  if (problems.length) throw new ScanError(problems.map((p) => `${file}: ${p}`).join('\n') + `\n${file} is not a valid configuration; fix it first (consentry validate ${file})`);
  return config;
}

/**
 * The classifier for each page: with --config, that configuration everywhere; else the one
 * each page runs with (its data-config URL or inline JSON), so a site with one configuration
 * per section is read as its visitors get it. A published configuration that does not
 * validate classifies nothing (Consentry fails closed with it too) and is named in the notes.
 */
function classifiers(site, opts, config, notes) {
  const shared = { own: new Set(), names: new Map() };
  const make = (cfg, source) => Object.assign(classifier({ url: site, config: cfg, catalogue, shared }), { configSource: source });
  if (config) {
    const one = make(config, opts.config);
    return () => one;
  }
  const bySource = new Map([[null, make(null, null)]]);
  return (page) => {
    const c = page.passes.before && page.passes.before.consentry;
    const source = c && c.configText ? c.config || 'inline' : null;
    if (!bySource.has(source)) {
      let cfg = null;
      try {
        cfg = JSON.parse(c.configText);
      } catch {}
      const problems = cfg ? validate(cfg) : ['(root): not valid JSON'];
      if (problems.length) {
        notes.push(`The configuration ${source} does not validate (${problems[0]}); pages using it are classified with the catalogue only.`);
        cfg = null;
      }
      bySource.set(source, make(cfg, cfg ? source : null));
    }
    const cls = bySource.get(source);
    page.siteConfig = { config: cls.configSource ? JSON.parse(c.configText) : null };
    return cls;
  };
}

function write(file, text) {
  try {
    writeWhole(file, text);
  } catch (e) {
    throw new ScanError(`cannot write ${file}: ${e.code || e.message}`);
  }
}

/** An output file that could not be written after the crawl would lose the scan: checked before it. */
function writable(file) {
  const to = resolve(file);
  if (existsSync(to) && statSync(to).isDirectory()) throw new ScanError(`cannot write ${file}: it is a folder`);
  try {
    mkdirSync(dirname(to), { recursive: true });
    accessSync(dirname(to), constants.W_OK);
  } catch (e) {
    throw new ScanError(`cannot write ${file}: ${e.code || e.message}`);
  }
}

/**
 * Scans a site with parsed options; the result is what `--json` prints.
 * @param {object} opts as parseArgs returns them
 * @param {object} [hooks] { onProgress }
 */
export async function scan(opts, { onProgress } = {}) {
  const config = opts.config ? readConfig(opts.config) : null;
  for (const f of [opts.out, opts.report]) if (f) writable(f);
  const startedAt = new Date();
  const browser = await openBrowser(opts);
  let crawled;
  try {
    crawled = await crawl(browser, opts, onProgress);
  } finally {
    await browser.close().catch(() => {});
  }
  const notes = [];
  const start = crawled.pages[0].passes.before;
  if (!start || start.error || start.status >= 400) throw new ScanError(`the start page ${opts.url} did not load: ${(start && start.error) || `HTTP ${start.status}`}`);
  const result = analyse(crawled, classifiers(crawled.site, opts, config, notes), {
    url: opts.url,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    options: { pages: opts.pages, concurrency: opts.concurrency, robots: !opts.ignoreRobots, config: opts.config || null, proxy: !!opts.proxy, wait: opts.wait },
    notes,
  });
  // The draft builds on --config, else on the configuration the start page runs with.
  const base = config || (crawled.pages[0].siteConfig && crawled.pages[0].siteConfig.config) || null;
  return { result, config: base };
}

/** The command: parses `argv` (the words after "scan"), scans, writes what was asked; returns the exit code. */
export async function scanCli(argv, { stdout = process.stdout, stderr = process.stderr } = {}) {
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    stderr.write(`consentry scan: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  if (opts.help) {
    stdout.write(USAGE + '\n');
    return 0;
  }
  const bar = progressBar(stderr);
  try {
    const { result, config } = await scan(opts, { onProgress: bar.update });
    bar.end();
    const files = [];
    // A file that cannot be written (checked before the crawl, but the disk may fill) is named,
    // and the scan's result still printed.
    let unwritten = 0;
    const put = (file, text, line) => {
      try {
        write(file, text);
        files.push(line);
      } catch (e) {
        unwritten++;
        stderr.write(`consentry scan: ${e.message}\n`);
      }
    };
    if (opts.out) {
      const draft = draftConfig(result, { config, catalogue, validate });
      put(opts.out, JSON.stringify(draft.config, null, 2) + '\n', `Draft configuration: ${opts.out} (${draft.added.length} vendor${draft.added.length == 1 ? '' : 's'} added from the catalogue${draft.unclassified.length ? `, ${draft.unclassified.length} unclassified host${draft.unclassified.length == 1 ? '' : 's'}` : ''})`);
    }
    if (opts.report) put(opts.report, renderReport(result), `Report: ${opts.report}`);
    if (opts.json) stdout.write(JSON.stringify(result, null, 2) + '\n');
    (opts.json ? stderr : stdout).write(summary(result, { colour: !!(opts.json ? stderr : stdout).isTTY, files }));
    return unwritten ? 2 : opts.failOnLeak && result.leaks.length ? 1 : 0;
  } catch (e) {
    bar.end();
    if (e instanceof ScanError) stderr.write(`consentry scan: ${e.message}\n`);
    else stderr.write(`consentry scan failed: ${(e && e.stack) || e}\n`);
    return 2;
  }
}
