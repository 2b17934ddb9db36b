#!/usr/bin/env node
// consentry validate <file>            every problem with its JSON path; exit 1 if any
// consentry bundle <file> -o <out.js>  the loader with the checked configuration baked in
// consentry schema [-o <file>]         the JSON Schema of the configuration
import { readFileSync, writeFileSync, copyFileSync, existsSync, readdirSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const usage = `usage:
  consentry validate <consentry.json>
  consentry bundle <consentry.json> -o <public/consentry.js>
  consentry schema [-o <consentry.schema.json>]`;

function fail(msg) {
  console.error(msg);
  process.exit(2);
}

async function lib() {
  if (!existsSync(join(dist, 'validate.mjs'))) fail('consentry: dist/ is missing; run `npm run build` first');
  return import(join(dist, 'validate.mjs'));
}

/** Reads and checks a configuration file; prints its problems and exits 1 when it has any. */
async function checked(file) {
  const { validate } = await lib();
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    fail(`consentry: cannot read ${file}: ${e.code || e.message}`);
  }
  let config;
  try {
    config = JSON.parse(text);
  } catch (e) {
    console.error(`${file}: (root): not valid JSON: ${e.message}`);
    process.exit(1);
  }
  const errors = validate(config);
  for (const e of errors) console.error(`${file}: ${e}`);
  if (errors.length) {
    console.error(`${errors.length} problem${errors.length > 1 ? 's' : ''} in ${file}`);
    process.exit(1);
  }
  return config;
}

const [cmd, ...args] = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('-') && !(i > 0 && args[i - 1].startsWith('-')));

if (cmd === 'validate') {
  if (!positional.length) fail(usage);
  for (const file of positional) await checked(file);
  console.log(`${positional.join(', ')}: valid`);
} else if (cmd === 'bundle') {
  const out = opt('-o') || opt('--out');
  if (!positional[0] || !out) fail(usage);
  const config = await checked(positional[0]);
  const loader = readFileSync(join(dist, 'consentry.js'), 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
  mkdirSync(dirname(resolve(out)), { recursive: true });
  // The loader picks this up and deletes it; JSON is a valid JavaScript expression.
  // Consent Mode rides in the same file, so its defaults cost no extra request.
  const consentMode = config.googleConsentMode ? readFileSync(join(dist, 'consentry-consent-mode.js'), 'utf8') : '';
  writeFileSync(out, `self.__consentryConfig=${JSON.stringify(config)};\n${loader}${consentMode}`);
  // The widget, its language files and the iframe placeholder are fetched from beside the loader.
  const chunks = readdirSync(dist).filter((f) => /^consentry-(widget|placeholder|i18n-[\w-]+)\.js$/.test(f));
  for (const f of chunks) copyFileSync(join(dist, f), join(dirname(resolve(out)), f));
  console.log(`wrote ${out} (${readFileSync(out).length} bytes) and ${chunks.length} chunk${chunks.length == 1 ? '' : 's'} beside it`);
} else if (cmd === 'schema') {
  const { schema } = await lib();
  const text = JSON.stringify(schema(), null, 2) + '\n';
  const out = opt('-o') || opt('--out');
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
} else if (cmd === 'scan') {
  if (!existsSync(join(dist, 'scanner.mjs'))) fail('consentry: dist/ is missing; run `npm run build` first');
  process.exitCode = await (await import(join(dist, 'scanner.mjs'))).scanCli(args);
} else if (cmd === 'add') {
  process.exitCode = (await import('../catalogue/add.mjs')).add(args, (await lib()).validate);
} else if (cmd === 'declaration') {
  if (!positional[0]) fail('usage: consentry declaration <consentry.json> [--format html|md] [--lang de] [-o FILE] [--no-style]');
  process.exitCode = (await import(join(dist, 'declaration.mjs'))).cli(args, await checked(positional[0]), writeFileSync);
} else if (cmd === 'reference') {
  // The configuration reference table that the README embeds.
  console.log((await lib()).reference());
} else fail(usage);
