/**
 * The IAB GPP sections Consentry fills: the national one and the state sections
 * whose fields follow usnat's pattern (opt-out notices and opt-outs, MSPA, GPC).
 * Maryland, Indiana, Kentucky and Rhode Island use another layout (one MspaMode
 * field) and are not filled yet: their visitors get usnat. Index + 7 is the IAB
 * section id.
 */
export const GPP_SECTIONS = ['usnat', 'usca', 'usva', 'usco', 'usut', 'usct', 'usfl', 'usmt', 'usor', 'ustx', 'usde', 'usia', 'usne', 'usnh', 'usnj', 'ustn', 'usmn'] as const;

