/**
 * Checks a configuration and names every problem by its JSON path
 * (`vendors[3].category: unknown category "ads"`). The loader logs the first
 * one; the CLI (`consentry validate`) prints them all. The shape is written
 * once, as SPEC below: this file walks it, and `consentry schema` turns it into
 * the JSON Schema that ships as consentry.schema.json (a test keeps them equal).
 * How big things may grow comes from LIMITS (limits.ts), which the ledger reads too.
 *
 * The configuration is data: every key is looked up as an own property (a
 * `constructor` or `__proto__` key is an unknown field, never Object's), every
 * URL must be http(s) or relative, and the work is linear in the input's size.
 *
 * SPEC notation, chosen to stay small in the loader:
 *   "s" text, "u" URL, "b" true/false, "i" id, "h" host, "d" cookie domain, "L" text or texts by language,
 *   "n:MIN:MAX" whole number, "a|b|c" one of these strings,
 *   [X] array of X (at most LIMITS.list items), [X, N] at most N items,
 *   { key: X } object ("!key" is required), { "*K": X } map whose
 *   keys are K: "R" region code, "l" language code, "k" text key (at most LIMITS.texts keys),
 *   { "|": [X, Y] } either X or Y.
 */
import { LIMITS } from './limits';
import { safePattern } from './cookie-rule';
import { GPP_SECTIONS } from './gpp/sections';
import { CONSENT_APIS } from './vendor-apis/names';

export type Spec = string | (Spec | number)[] | { [key: string]: Spec };

const L: Spec = { '|': ['s', { '*l': 's' }] };
const MODE = 'opt-in|opt-out';

export const SPEC: Spec = {
  $schema: 's',
  '!revision': 'n:0:' + LIMITS.revision,
  policyUrl: 'u',
  mode: { '!default': MODE, regions: { '*R': MODE } },
  categories: [{ '!id': 'i', required: 'b', signals: ['gpc|dnt'], name: L, description: L }, LIMITS.categories],
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
      consentApi: CONSENT_APIS.join('|'),
    },
    LIMITS.vendors,
  ],
  cookie: { name: 'c', expiresDays: 'n:1:3650', domain: 'd' },
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
  gpp: {
    '|': [
      'b',
      {
        sections: [GPP_SECTIONS.join('|')],
        notices: { privacy: 'b', sale: 'b', sharing: 'b', targetedAdvertising: 'b' },
        mspa: { covered: 'b', mode: 'opt-out|service-provider' },
        cmpId: 'n:0:4095',
        cmpVersion: 'n:0:4095',
      },
    ],
  },
};

/** Patterns and what to call a value that fails them. */
export const PATTERNS: Record<string, [RegExp, string]> = {
  i: [new RegExp(`^[a-z0-9][a-z0-9_-]{0,${LIMITS.id - 1}}$`), `a lowercase id (a-z, 0-9, - and _, at most ${LIMITS.id} characters)`],
  h: [/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/, 'a lowercase host like "cdn.example.com" or "*.example.com"'],
  d: [/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/, 'a lowercase host like "example.com" or ".example.com"'],
  R: [/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'a region code like "US" or "US-CA"'],
  // Language, script, region: every tag this admits is one that Intl (the dialog's dates) accepts.
  l: [/^[a-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?$/, 'a language code like "en" or "pt-BR"'],
  c: [/^[A-Za-z0-9_.-]{1,64}$/, 'a cookie name (letters, digits, _ . -)'],
  k: [/^[A-Za-z][\w.-]{0,99}$/, 'a text key like "banner.title"'],
};

/** Longest string of each kind, for kinds that no pattern bounds already. */
export const LENGTHS: Record<string, number> = { s: LIMITS.text, u: LIMITS.url, h: LIMITS.host, d: LIMITS.host };

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
/** A value as a message shows it: short, and never by calling into it. */
const show = (v: unknown) =>
  typeof v == 'string' ? JSON.stringify(v.length > 60 ? v.slice(0, 60) + '…' : v) : v && typeof v == 'object' ? (Array.isArray(v) ? 'an array' : 'an object') : String(v);
const isObj = (v: unknown): v is Record<string, any> => !!v && typeof v == 'object' && !Array.isArray(v);

/** The problem with `v` against `spec`, as messages pushed to `out`. */
function check(v: any, spec: Spec, path: string, out: string[]): void {
  const at = (msg: string) => out.push((path || '(root)') + ': ' + msg);
  if (Array.isArray(spec)) {
    if (!Array.isArray(v)) return void at('must be an array');
    const max = (spec[1] as number) || LIMITS.list;
    if (v.length > max) at(`has more than ${max} items`);
    for (let i = 0; i < v.length; i++) check(v[i], spec[0] as Spec, `${path}[${i}]`, out);
    return;
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
    const keys = Object.keys(v);
    for (const k of Object.keys(spec)) if (k[0] == '!' && (has(v, k.slice(1)) ? v[k.slice(1)] : undefined) === undefined) out.push(`${path ? path + '.' : ''}${k.slice(1)}: is required`);
    if (map && keys.length > LIMITS.texts) at(`has more than ${LIMITS.texts} keys`);
    for (const k of keys) {
      // A key that is not one word (empty, with a dot, a space or a line break) is quoted, so every
      // path reads one way: texts.de["banner.title"], [""].
      const p = /^[\w$-]+$/.test(k) ? (path ? path + '.' + k : k) : path + '[' + JSON.stringify(k) + ']';
      if (map) {
        const [re, what] = PATTERNS[map[1]];
        if (!re.test(k)) out.push(`${p}: is not ${what}`);
        else check(v[k], spec[map], p, out);
      } else {
        // Own properties only, and never a SPEC marker: "__proto__", "constructor" or "!id" are unknown fields.
        const s = k[0] == '!' || k[0] == '*' ? undefined : has(spec, k) ? spec[k] : has(spec, '!' + k) ? spec['!' + k] : undefined;
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
  else if (v.length > LENGTHS[spec]) at(`is longer than ${LENGTHS[spec]} characters`);
  else if (PATTERNS[spec] && !PATTERNS[spec][0].test(v)) at(`must be ${PATTERNS[spec][1]}, not ${show(v)}`);
  else if (spec == 'u') {
    let url: URL | undefined;
    try {
      url = new URL(v, 'https://x.invalid/');
    } catch {
      return void at('is not a valid URL');
    }
    // The browser would drop these silently ("java\tscript:"): say so instead.
    if (/[\s\0-\x1f\x7f]/.test(v)) at('must not contain spaces or control characters (write a space as %20)');
    else if (!/^https?:$/.test(url.protocol)) at(`must be an https:, http: or relative URL, not ${show(v)}`);
  }
}

/** Every problem in `input`, as `path: message` strings; empty when it is valid. Never throws. */
export function validate(input: unknown): string[] {
  const out: string[] = [];
  check(input, SPEC, '', out);
  if (!isObj(input)) return out;
  // What a schema cannot say: ids are unique and vendors name a known category.
  // Items of the wrong type were reported above; these checks read only what they can.
  const list = (v: unknown) => (Array.isArray(v) ? v.filter(isObj) : []);
  const seen = new Set<unknown>();
  const cats = input.categories === undefined ? [{ id: 'required' }, { id: 'functional' }, { id: 'performance' }, { id: 'advertising' }] : list(input.categories);
  const catIds = new Set(cats.map((c) => c.id));
  const vendors = list(input.vendors);
  const unique = (id: unknown, path: string) =>
    typeof id == 'string' && (seen.has(id) ? out.push(`${path}: ${show(id)} is already the id of another category or vendor`) : seen.add(id));
  if (Array.isArray(input.categories) && !input.categories.length) out.push('categories: must list at least one category');
  cats.forEach((c, i) => unique(c.id, `categories[${i}].id`));
  vendors.forEach((v, i) => {
    unique(v.id, `vendors[${i}].id`);
    if (typeof v.category == 'string' && !catIds.has(v.category)) out.push(`vendors[${i}].category: unknown category ${show(v.category)}`);
    list(v.cookies).forEach((c, j) => {
      const at = `vendors[${i}].cookies[${j}].name: `;
      if (c.match != 'regex' || typeof c.name != 'string') return;
      try {
        new RegExp(c.name);
      } catch {
        return void out.push(at + 'is not a valid regular expression');
      }
      if (!safePattern(c.name))
        out.push(at + `may take seconds to match: keep to ${LIMITS.pattern} characters, no quantifier on a group, at most two of * + {} and six of | ? * + {}, no back-references or look-arounds`);
    });
  });
  // Every decision goes to the ledger, which takes records up to LIMITS.record bytes. The largest
  // lists each id as `"id":false,` beside the longest page URL and language; the rest takes 216.
  let size = 216 + LIMITS.url + LIMITS.lang;
  for (const x of cats.concat(vendors)) if (typeof x.id == 'string') size += x.id.length + 9;
  if (size > LIMITS.record) out.push(`vendors: its consent records can reach ${size} bytes, over the ledger's ${LIMITS.record}: use fewer or shorter ids`);
  return out;
}
