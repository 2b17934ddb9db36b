// `consentry add VENDOR… [--config FILE] [--force] [--list [QUERY]]`: catalogue vendors into a
// configuration. The file is written only when every named vendor is known and the result passes
// validate(); a vendor the file already has stays as it is unless --force replaces it.
// Exit codes: 0 done (or nothing to do), 1 a problem with the vendors or the file, 2 usage.
import { existsSync, readFileSync } from 'node:fs';
import { writeWhole } from '../bin/lib/files.mjs';
import { notJson } from '../bin/lib/json.mjs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { byId, search, suggest, toConfigVendor, hostMatches } from './index.mjs';

export const USAGE = 'consentry add <vendor-id>… [--config consentry.json] [--force]\n  consentry add --list [search words]';
const SCHEMA = fileURLToPath(new URL('../consentry.schema.json', import.meta.url));

/** Indentation of an existing JSON text (its first indented line), so a rewrite keeps the look. */
const indentOf = (text) => (/\n([ \t]+)"/.exec(text) || [, '  '])[1];

/** Hosts of `v` that another vendor of the configuration already claims (the gate would need both allowed). */
function sharedHosts(v, others) {
  const out = [];
  for (const o of others)
    for (const h of v.hosts || [])
      for (const k of o.hosts || []) if (hostMatches(h, k) || hostMatches(k, h)) out.push(`${h} (also ${o.id}: ${k})`);
  return out;
}

/**
 * Runs the command. `args` are the words after `add`; `validate` is the SDK's check
 * (dist/validate.mjs). Returns the exit code; `out`/`err` print (console by default).
 */
export function add(args, validate, out = console.log, err = console.error) {
  const flags = { force: false, list: false, config: './consentry.json' };
  const ids = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--force' || a === '-f') flags.force = true;
    else if (a === '--list' || a === '-l') flags.list = true;
    else if (a === '--config' || a === '-c') {
      if (!args[i + 1] || args[i + 1].startsWith('-')) return usage(err, `${a} needs a file name`);
      flags.config = args[++i];
    } else if (a.startsWith('--config=')) flags.config = a.slice(9);
    else if (a.startsWith('-')) return usage(err, `unknown option ${a}`);
    else ids.push(...a.split(',').filter(Boolean));
  }
  if (flags.list) {
    const found = search(ids.join(' '));
    for (const v of found) out(`${v.id.padEnd(32)} ${v.kind.padEnd(12)} ${v.category.padEnd(12)} ${v.name}`);
    out(`${found.length} vendor${found.length == 1 ? '' : 's'}`);
    return 0;
  }
  if (!ids.length) return usage(err, 'name at least one vendor id');

  const unknown = ids.filter((id) => !byId(id));
  if (unknown.length) {
    for (const id of unknown) {
      const near = suggest(id);
      err(`consentry add: no vendor "${id}" in the catalogue${near.length ? `; did you mean ${near.join(', ')}?` : ''}`);
    }
    err('nothing was changed (consentry add --list shows the catalogue)');
    return 1;
  }

  const file = resolve(flags.config);
  let text = null;
  let config;
  if (existsSync(file)) {
    try {
      // A byte order mark goes, as in `consentry validate` and the loader's fetch().
      text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    } catch (e) {
      err(`consentry add: cannot read ${flags.config}: ${e.code || e.message}`);
      return 1;
    }
    try {
      config = JSON.parse(text);
    } catch (e) {
      err(notJson(flags.config, text, e));
      return 1;
    }
    // Adding to a file that is already broken would hide its problems behind ours.
    const before = validate(config);
    if (before.length) {
      for (const e of before) err(`${flags.config}: ${e}`);
      err(`consentry add: ${flags.config} has ${before.length} problem${before.length > 1 ? 's' : ''} already; fix ${before.length > 1 ? 'them' : 'it'} first, nothing was changed`);
      return 1;
    }
  } else {
    // Editors find the schema in the project's node_modules; a copy elsewhere is not named.
    const schema = relative(dirname(file), SCHEMA).split('\\').join('/');
    config = schema.startsWith('..') ? { revision: 1 } : { $schema: './' + schema, revision: 1 };
  }

  const vendors = Array.isArray(config.vendors) ? config.vendors.slice() : [];
  const report = [];
  let changed = 0;
  for (const id of [...new Set(ids.map((id) => byId(id).id))]) {
    const entry = toConfigVendor(byId(id));
    const at = vendors.findIndex((v) => v && v.id === id);
    if (at >= 0) {
      const same = JSON.stringify(vendors[at]) === JSON.stringify(entry);
      if (same) report.push(`  ${id}: already there, unchanged`);
      else if (!flags.force) report.push(`  ${id}: kept yours (it differs from the catalogue; --force replaces it)`);
      else {
        vendors[at] = entry;
        changed++;
        report.push(`  ${id}: replaced with the catalogue's entry`);
      }
      continue;
    }
    const shared = sharedHosts(entry, vendors);
    vendors.push(entry);
    changed++;
    report.push(`  ${id}: added (${entry.category})`);
    if (shared.length) report.push(`    note: hosts shared with another vendor, both must be allowed for them: ${shared.join(', ')}`);
  }
  if (!changed) {
    for (const line of report) out(line);
    out(`${flags.config}: nothing to change`);
    return 0;
  }

  const next = { ...config, vendors };
  const problems = validate(next);
  if (problems.length) {
    for (const e of problems) err(`${flags.config}: ${e}`);
    const cats = problems.some((p) => /\.category: unknown category/.test(p));
    err(
      `consentry add: the result would not be valid, nothing was changed` +
        (cats ? '. The configuration lists its own categories: add the missing one to "categories", or add the vendor and set its category by hand' : ''),
    );
    return 1;
  }
  // Whole or not at all: a crash never leaves half a configuration.
  try {
    writeWhole(file, JSON.stringify(next, null, text ? indentOf(text) : 2) + '\n');
  } catch (e) {
    err(`consentry add: cannot write ${flags.config}: ${e.message}; nothing was changed`);
    return 1;
  }
  for (const line of report) out(line);
  out(`${text === null ? 'created' : 'updated'} ${flags.config}: ${vendors.length} vendor${vendors.length == 1 ? '' : 's'}, valid`);
  return 0;
}

function usage(err, why) {
  err(`consentry add: ${why}\nusage: ${USAGE}`);
  return 2;
}
