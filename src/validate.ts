/**
 * Checks a configuration and names every problem by its JSON path
 * (`vendors[3].category: unknown category "ads"`). The loader logs the first
 * one; the CLI (`consentry validate`) prints them all. The shape is written
 * once, as SPEC below: this file walks it, and `consentry schema` turns it into
 * the JSON Schema that ships as consentry.schema.json (a test keeps them equal).
 *
 * SPEC notation, chosen to stay small in the loader:
 *   "s" text, "u" URL, "b" true/false, "i" id, "h" host, "L" text or texts by language,
 *   "n:MIN:MAX" whole number, "a|b|c" one of these strings,
 *   [X] array of X, { key: X } object ("!key" is required), { "*K": X } map whose
 *   keys are K: "R" region code, "l" language code,
 *   { "|": [X, Y] } either X or Y.
 */

export type Spec = string | Spec[] | { [key: string]: Spec };

const L: Spec = { '|': ['s', { '*l': 's' }] };
const MODE = 'opt-in|opt-out';

export const SPEC: Spec = {
  $schema: 's',
  '!revision': 'n:0:1000000000',
  policyUrl: 'u',
  mode: { '!default': MODE, regions: { '*R': MODE } },
  categories: [{ '!id': 'i', required: 'b', signals: ['gpc|dnt'], name: L, description: L }],
  vendors: [
    {
      '!id': 'i',
      '!name': 's',
      '!category': 'i',
      purpose: L,
      hosts: ['h'],
      cookies: [{ '!name': 's', match: 'exact|prefix|regex', duration: 's' }],
      dataCollected: ['s'],
      retention: 's',
      privacyPolicyUrl: 'u',
      optOutUrl: 'u',
    },
  ],
  cookie: { name: 'c', expiresDays: 'n:1:3650', domain: 's' },
  beacon: { url: 'u', waitMs: 'n:0:10000' },
  googleConsentMode: { '|': ['b', { waitForUpdate: 'n:0:10000', adsDataRedaction: 'b', urlPassthrough: 'b' }] },
  autoBlock: { unknownHosts: 'allow|block' },
  texts: { '*l': { '*k': 's' } },
  ui: {
    layout: 'bar|box|modal',
    position: 'top|bottom|bottom-left|bottom-right',
    theme: 'light|dark|auto',
    reopenButton: 'b',
    vendorSwitches: 'b',
  },
};

/** Patterns and what to call a value that fails them. */
export const PATTERNS: Record<string, [RegExp, string]> = {
  i: [/^[a-z0-9][a-z0-9_-]{0,63}$/, 'a lowercase id (a-z, 0-9, - and _)'],
  h: [/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/, 'a lowercase host like "cdn.example.com" or "*.example.com"'],
  R: [/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'a region code like "US" or "US-CA"'],
  l: [/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language code like "en" or "pt-BR"'],
  c: [/^[A-Za-z0-9_.-]{1,64}$/, 'a cookie name (letters, digits, _ . -)'],
  k: [/./, 'a text key'],
};

const show = (v: unknown) => JSON.stringify(v);
const isObj = (v: unknown): v is Record<string, any> => !!v && typeof v == 'object' && !Array.isArray(v);

/** The problem with `v` against `spec`, as messages pushed to `out`. */
function check(v: any, spec: Spec, path: string, out: string[]): void {
  const at = (msg: string) => out.push((path || '(root)') + ': ' + msg);
  if (Array.isArray(spec)) {
    if (!Array.isArray(v)) return void at('must be an array');
    return v.forEach((x, i) => check(x, spec[0], `${path}[${i}]`, out));
  }
  if (typeof spec == 'object') {
    const either = spec['|'] as Spec[] | undefined;
    if (either) {
      // Report against the branch whose type fits, so the message is about the real mistake.
      const obj = either.find((s) => typeof s == 'object');
      return check(v, isObj(v) && obj ? obj : either[0], path, out);
    }
    if (!isObj(v)) return void at('must be an object');
    const map = Object.keys(spec).find((k) => k[0] == '*');
    for (const k of Object.keys(spec)) if (k[0] == '!' && v[k.slice(1)] === undefined) out.push(`${path ? path + '.' : ''}${k.slice(1)}: is required`);
    for (const k in v) {
      const p = path ? path + '.' + k : k;
      if (map) {
        const [re, what] = PATTERNS[map[1]];
        if (!re.test(k)) out.push(`${p}: is not ${what}`);
        else check(v[k], spec[map], p, out);
      } else {
        const s = spec[k] || spec['!' + k];
        if (s === undefined) out.push(p + ': unknown field');
        else check(v[k], s, p, out);
      }
    }
    return;
  }
  if (spec.indexOf('|') > 0) {
    const list = spec.split('|');
    if (list.indexOf(v) < 0) at(`must be one of ${list.map(show).join(', ')}, not ${show(v)}`);
  } else if (spec[0] == 'n') {
    const [, min, max] = spec.split(':');
    if (!(typeof v == 'number' && v % 1 == 0 && v >= +min && v <= +max)) at(`must be a whole number from ${min} to ${max}`);
  } else if (spec == 'b') {
    if (typeof v != 'boolean') at('must be true or false');
  } else if (typeof v != 'string' || !v) at('must be a non-empty string');
  else if (PATTERNS[spec] && !PATTERNS[spec][0].test(v)) at(`must be ${PATTERNS[spec][1]}, not ${show(v)}`);
  else if (spec == 'u')
    try {
      new URL(v, 'https://x.invalid/');
    } catch {
      at('is not a valid URL');
    }
}

/** Every problem in `input`, as `path: message` strings; empty when it is valid. */
export function validate(input: unknown): string[] {
  const out: string[] = [];
  check(input, SPEC, '', out);
  if (!isObj(input)) return out;
  // What a schema cannot say: ids are unique and vendors name a known category.
  // Items of the wrong type were reported above; these checks read only what they can.
  const list = (v: unknown) => (Array.isArray(v) ? v.filter(isObj) : []);
  const seen: string[] = [];
  const cats = input.categories === undefined ? [{ id: 'required' }, { id: 'functional' }, { id: 'performance' }, { id: 'advertising' }] : list(input.categories);
  const unique = (id: unknown, path: string) =>
    typeof id == 'string' && (seen.indexOf(id) >= 0 ? out.push(`${path}: "${id}" is already the id of another category or vendor`) : seen.push(id));
  if (Array.isArray(input.categories) && !input.categories.length) out.push('categories: must list at least one category');
  cats.forEach((c, i) => unique(c.id, `categories[${i}].id`));
  list(input.vendors).forEach((v, i) => {
    unique(v.id, `vendors[${i}].id`);
    if (typeof v.category == 'string' && !cats.some((c) => c.id == v.category)) out.push(`vendors[${i}].category: unknown category ${show(v.category)}`);
    list(v.cookies).forEach((c, j) => {
      if (c.match == 'regex' && typeof c.name == 'string')
        try {
          new RegExp(c.name);
        } catch {
          out.push(`vendors[${i}].cookies[${j}].name: is not a valid regular expression`);
        }
    });
  });
  return out;
}
