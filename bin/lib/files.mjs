// Output files of the CLI (bundle, declaration, schema, add, scan) are written whole or not at all.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Writes `text` to `file` beside it first and renames it over `file`, so a failure never leaves
 * half a file; missing folders are created. Throws the cause (nothing written) when it cannot.
 */
export function writeWhole(file, text) {
  const tmp = resolve(file) + '.' + process.pid + '.tmp';
  try {
    mkdirSync(dirname(resolve(file)), { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
