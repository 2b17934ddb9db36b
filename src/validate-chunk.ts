/**
 * The configuration check as a chunk of its own (dist/consentry-validate.js):
 * the loader fetches it beside a `data-config` file, so a baked configuration,
 * which `consentry bundle` checked already, never pays for it.
 */
import { validate } from './validate';

(window as any).consentry.__validate = validate;
