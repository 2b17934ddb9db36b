/** What Node tools (the CLI, tests, the ledger) use: the configuration check, its JSON Schema and its limits. */
export { validate, SPEC } from './validate';
export { LIMITS } from './limits';
export { matches, safePattern } from './cookie-rule';
export { schema, reference, DOCS } from './schema';
export { resolve } from './config';
