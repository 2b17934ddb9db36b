#!/usr/bin/env node
// The `consentry` command: `consentry <command> [args]`. Each command is one entry of COMMANDS,
// so the usage text lists every one of them.
import { readFileSync, copyFileSync, existsSync, readdirSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { notJson } from './lib/json.mjs';
import { writeWhole } from './lib/files.mjs';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

function fail(msg) {
  console.error(msg);
  process.exit(2);
}

async function lib() {
  if (!existsSync(join(dist, 'validate.mjs'))) fail('consentry: dist/ is missing; run `npm run build` first');
  return import(join(dist, 'validate.mjs'));
}

/** Reads and checks a configuration file; prints its problems and exits 1 when it has any (`keepGoing`: returns null instead). */
async function checked(file, keepGoing = false) {
  const { validate } = await lib();
  let text;
  try {
    // Without a byte order mark, as the loader's fetch() reads a data-config file: the same file
    // passes or fails in both (editors on Windows write one).
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    fail(`consentry: cannot read ${file}: ${e.code || e.message}`);
  }
  let config;
  try {
    config = JSON.parse(text);
  } catch (e) {
    console.error(notJson(file, text, e));
    return keepGoing ? null : process.exit(1);
  }
  const errors = validate(config);
  for (const e of errors) console.error(`${file}: ${e}`);
  if (errors.length) {
    console.error(`${errors.length} problem${errors.length > 1 ? 's' : ''} in ${file}`);
    return keepGoing ? null : process.exit(1);
  }
  return config;
}

/**
 * A checked configuration as JavaScript. validate() refused every "__proto__" key (in an object
 * literal it would set a prototype); escaping "<" keeps "</script>" in a text from closing a
 * page's inline copy of the file. JSON is a valid JavaScript expression.
 */
const js = (v) => JSON.stringify(v).replace(/[<\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));

/** What the loader reads of a configuration (src/config.ts resolve, decisions, the store, the gate); the rest is the widget's. */
const LOADER = { top: ['revision', 'mode', 'categories', 'vendors', 'cookie', 'beacon', 'googleConsentMode', 'gpp', 'autoBlock', 'texts'], categories: ['id', 'required', 'signals'], vendors: ['id', 'category', 'hosts', 'consentApi'] };

/**
 * Splits a configuration into the loader's part and the rest (texts, names, descriptions, vendor
 * facts, the widget's look), which core.ts merges back before a chunk that reads it runs. The
 * loader keeps which languages have texts (the visitor's language is picked from them), not the texts.
 */
function splitConfig(config, resolve) {
  const loader = {};
  const rest = {};
  for (const k of Object.keys(config)) if (!LOADER.top.includes(k)) rest[k] = config[k];
  for (const k of LOADER.top) {
    if (!(k in config)) continue;
    if (k == 'categories' || k == 'vendors') {
      loader[k] = [];
      const more = [];
      for (const x of config[k]) {
        const mine = {};
        const theirs = { id: x.id };
        for (const f of Object.keys(x)) (LOADER[k].includes(f) ? mine : theirs)[f] = x[f];
        loader[k].push(mine);
        if (Object.keys(theirs).length > 1) more.push(theirs);
      }
      if (more.length) rest[k] = more;
    } else if (k == 'texts') {
      loader.texts = Object.fromEntries(Object.keys(config.texts).map((lang) => [lang, {}]));
      rest.texts = config.texts;
    } else loader[k] = config[k];
  }
  // Resolved here, with its defaults filled in: the baked loader has no code for that (config-load-baked.ts).
  return { loader: resolve(loader).config, rest: Object.keys(rest).length ? rest : null };
}

/** A chunk of this build by its plain name (`consentry-widget.js`): its file name carries the release. */
const HASHED = /^consentry-[\w-]+\.[0-9a-f]{8}\.js$/;
const chunks = () => readdirSync(dist).filter((f) => HASHED.test(f));
const chunk = (name) => chunks().find((f) => f.replace(/\.[0-9a-f]{8}\.js$/, '.js') === name);

/** Where `out` resolves to, or the end with a usage error when writing there would lose something (see write()). */
function target(cmd, out, from) {
  const to = resolve(out);
  if (from && to == resolve(from)) fail(`consentry ${cmd}: -o ${out} is the configuration itself; nothing was written`);
  if (dirname(to) == resolve(dist)) fail(`consentry ${cmd}: -o ${out} is inside the package's dist/, which consentry bundle reads; nothing was written`);
  if (existsSync(to) && statSync(to).isDirectory()) {
    console.error(`consentry ${cmd}: cannot write ${out}: it is a folder; nothing was written`);
    process.exit(1);
  }
  return to;
}

/**
 * Writes `text` to `out` (`-`: standard output) whole or not at all (a file beside it, renamed
 * over it), or ends in one line naming the file and the cause. Never over the configuration
 * being read (`from`), nor into the package's own dist/, which later bundles read.
 */
function write(cmd, out, text, from) {
  if (out == '-') return void process.stdout.write(text);
  const to = target(cmd, out, from);
  try {
    writeWhole(to, text);
  } catch (e) {
    console.error(`consentry ${cmd}: cannot write ${out}: ${e.code || e.message}; nothing was written`);
    process.exit(1);
  }
}

const COMMANDS = {
  validate: {
    usage: 'validate <consentry.json>…',
    about: 'every problem with its JSON path; exit 1 if any',
    async run(args, positional) {
      if (!positional.length) return false;
      // Every file is checked, and every problem of each printed, before the verdict.
      const bad = [];
      for (const file of positional) if (!(await checked(file, true))) bad.push(file);
      if (bad.length) {
        if (positional.length > 1) console.error(`invalid: ${bad.join(', ')}`);
        process.exit(1);
      }
      console.log(`${positional.join(', ')}: valid`);
    },
  },
  bundle: {
    usage: 'bundle <consentry.json> -o <public/consentry.js>',
    about: 'the loader with the checked configuration baked in, its chunks copied beside it',
    options: { out: { type: 'string', short: 'o' } },
    async run(args, positional, opt) {
      const out = opt.out;
      if (out == '-') fail('consentry bundle: -o needs a file name: the loader goes there and its chunks beside it (standard output cannot hold them)');
      if (positional.length != 1 || !out) return false;
      // Checked before anything is written: not over the configuration, not into our dist/.
      target('bundle', out, positional[0]);
      const config = await checked(positional[0]);
      // The baked build has no code for fetching and checking a configuration (older dist/: the loader).
      const built = existsSync(join(dist, 'consentry.baked.js')) ? 'consentry.baked.js' : 'consentry.js';
      const loader = readFileSync(join(dist, built), 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
      const dir = dirname(resolve(out));
      mkdirSync(dir, { recursive: true });
      // Chunks that must act before the page's first tag ride in the same file, costing no request:
      // Consent Mode's defaults, vendors' consent APIs, and the GPP stub (the baked build has none
      // of its own; an older dist/'s loader has).
      const rides = (on, name) => (on ? readFileSync(join(dist, chunk(name)), 'utf8') : '');
      const consentMode = rides(config.googleConsentMode, 'consentry-consent-mode.js');
      const vendorApis = rides((config.vendors || []).some((v) => v.consentApi), 'consentry-vendor-apis.js');
      const gppStub = rides(config.gpp && built == 'consentry.baked.js', 'consentry-gpp-stub.js');
      // What decisions and the gate need stays in the loader, which every page view downloads;
      // texts, names and vendor facts go to a file of their own, fetched with the widget (and the
      // placeholder, declaration and cleanup chunks), named after its content so it can be cached
      // for good like the release-named chunks.
      const { loader: mine, rest } = splitConfig(config, (await lib()).resolve);
      let more = '';
      if (rest) {
        const text = `consentry.__more(${js(rest)});\n`;
        more = `consentry-texts.${createHash('sha256').update(text).digest('hex').slice(0, 8)}.js`;
        write('bundle', join(dir, more), text);
      }
      // The loader picks these up and deletes them.
      write('bundle', out, `self.__consentryConfig=${js(mine)};\n${more ? `self.__consentryMore=${JSON.stringify(more)};\n` : ''}${loader}${gppStub}${consentMode}${vendorApis}`, positional[0]);
      // Every chunk the loader may fetch, under its release's name; a baked configuration
      // was checked here, so the validator stays behind.
      const copied = chunks().filter((f) => !f.startsWith('consentry-validate.'));
      try {
        for (const f of copied) copyFileSync(join(dist, f), join(dir, f));
      } catch (e) {
        fail(`consentry bundle: cannot copy the chunks into ${dir}: ${e.code || e.message}`);
      }
      console.log(
        `wrote ${out} (${readFileSync(out).length} bytes)${more ? `, ${more} (texts and vendor facts)` : ''} and ${copied.length} chunk${copied.length == 1 ? '' : 's'} beside it`,
      );
    },
  },
  schema: {
    usage: 'schema [-o <consentry.schema.json>]',
    about: 'the JSON Schema of the configuration',
    options: { out: { type: 'string', short: 'o' } },
    async run(args, positional, opt) {
      if (positional.length) return false;
      const { schema } = await lib();
      write('schema', opt.out || '-', JSON.stringify(schema(), null, 2) + '\n');
    },
  },
  add: {
    usage: 'add <vendor>… [--config consentry.json] [--force] | add --list <query>',
    about: 'vendors from the built-in catalogue into a configuration, validated',
    async run(args) {
      process.exitCode = (await import('../catalogue/add.mjs')).add(args, (await lib()).validate);
    },
  },
  scan: {
    usage: 'scan <url> [--pages N] [--concurrency N] [--config FILE] [--out DRAFT.json] [--report FILE.html] [--json] [--fail-on-leak]',
    about: 'what a site loads and stores before a choice, after "Reject all" and after "Accept all" (docs/scanner.md)',
    async run() {
      if (!existsSync(join(dist, 'scanner.mjs'))) fail('consentry: dist/ is missing; run `npm run build` first');
      process.exitCode = await (await import(join(dist, 'scanner.mjs'))).scanCli(args);
    },
  },
  declaration: {
    usage: 'declaration <consentry.json> [--format html|md] [--lang de] [-o FILE] [--no-style]',
    about: "the site's cookie declaration (categories, vendors, cookies) for a static page",
    options: { format: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string', short: 'o' }, 'no-style': { type: 'boolean' } },
    async run(args, positional, opt) {
      if (positional.length != 1) return false;
      if (opt.out && opt.out != '-') target('declaration', opt.out, positional[0]);
      // The declaration's own reader of its options, given them in one spelling.
      const words = [...['format', 'lang'].flatMap((k) => (opt[k] != null ? ['--' + k, opt[k]] : [])), ...(opt['no-style'] ? ['--no-style'] : [])];
      if (opt.out && opt.out != '-') words.push('-o', opt.out);
      const put = (file, text) => (file == 1 ? process.stdout.write(text) : write('declaration', file, text, positional[0]));
      process.exitCode = (await import(join(dist, 'declaration.mjs'))).cli(words, await checked(positional[0]), put);
    },
  },
  reference: {
    usage: 'reference',
    about: 'the configuration reference as a Markdown table (the README embeds it)',
    async run(args, positional) {
      if (positional.length) return false;
      console.log((await lib()).reference());
    },
  },
};

const usage = () =>
  'usage: consentry <command> [options]\n\n' +
  Object.values(COMMANDS)
    .map((c) => `  consentry ${c.usage}\n      ${c.about}`)
    .join('\n');

const [cmd, ...args] = process.argv.slice(2);

if (!cmd || cmd === 'help' || cmd === '-h' || cmd === '--help') {
  console.log(usage());
  process.exit(cmd ? 0 : 2);
}
const command = Object.prototype.hasOwnProperty.call(COMMANDS, cmd) ? COMMANDS[cmd] : null;
if (!command) fail(`consentry: unknown command "${cmd}"\n\n${usage()}`);
const help = `usage: consentry ${command.usage}\n  ${command.about}`;
// (scan prints its own, longer help.)
if (cmd != 'scan' && (args.includes('-h') || args.includes('--help'))) {
  console.log(help);
  process.exit(0);
}
// add and scan read their own options; every other command's are declared, and an unknown one,
// or one without its value, is a mistake named with the usage (a flag never takes a file's place).
let parsed = { values: {}, positionals: args };
if (command.options || !['add', 'scan'].includes(cmd))
  try {
    parsed = parseArgs({ args, options: command.options || {}, allowPositionals: true, strict: true });
  } catch (e) {
    fail(`consentry ${cmd}: ${e.message.replace(/\. To specify a positional argument.*$/s, '')}\n${help}`);
  }
if ((await command.run(args, parsed.positionals, parsed.values)) === false) fail(help);
