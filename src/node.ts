/** What Node tools (the CLI, tests) use: the configuration check and its JSON Schema. */
export { validate, SPEC } from './validate';
export { LIMITS } from './limits';
export { schema, reference, DOCS } from './schema';
export { resolve } from './config';
