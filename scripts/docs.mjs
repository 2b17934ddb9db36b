// Regenerates what is derived from the configuration spec: consentry.schema.json and
// the README's reference table. test/node/config-cli.test.mjs fails when either is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { reference, schema } from '../dist/validate.mjs';

const root = new URL('..', import.meta.url);
writeFileSync(new URL('consentry.schema.json', root), JSON.stringify(schema(), null, 2) + '\n');
const readme = new URL('README.md', root);
const text = readFileSync(readme, 'utf8').replace(
  /(<!-- reference:start -->\n)[\s\S]*?(<!-- reference:end -->)/,
  (_, start, end) => `${start}${reference()}\n${end}`,
);
writeFileSync(readme, text);
console.log('updated consentry.schema.json and the README reference');
