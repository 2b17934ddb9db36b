/**
 * Turns SPEC (validate.ts) into the JSON Schema that ships as
 * consentry.schema.json, with a description for each field, so editors can
 * complete and check a configuration file. Node-only: it never ships to browsers.
 */
import { LENGTHS, PATTERNS, SPEC, Spec } from './validate';
import { LIMITS } from './limits';

/** What each field means, by JSON path ([] for "each item"). The README's config reference is generated from these too. */
export const DOCS: Record<string, string> = {
  revision: 'Version of the configuration. Raise it to ask every visitor again: until they answer, their old choice no longer applies.',
  policyUrl: 'Your cookie notice; the banner links to it. Like every URL here: https:, http: or relative to the page; anything else (javascript:, data:) is an error and never rendered.',
  mode: 'Opt-in or opt-out, by region.',
  'mode.default': 'The mode where no region rule matches, or without data-region.',
  'mode.regions': 'Mode by region code from data-region; the most specific wins ("US-CA", then "US").',
  categories: 'The categories the visitor chooses from. Default: required, functional, performance, advertising.',
  'categories[].id': 'Id used in data-consent, allowed() and the cookie.',
  'categories[].required': 'Always allowed; shown as on and disabled.',
  'categories[].signals': 'Privacy signals (gpc, dnt) that deny this category by default. Default: ["gpc","dnt"] for advertising, none for others.',
  'categories[].name': 'Display name; overrides the built-in text.',
  'categories[].description': 'Display description; overrides the built-in text.',
  vendors: 'The third parties whose tags Consentry gates. Every decision lists all categories and vendors, and must fit the ledger\'s record size (16 KB): validate says when it would not.',
  'vendors[].id': 'Id used in data-consent, allowed() and set().',
  'vendors[].name': 'Display name.',
  'vendors[].category': 'Id of the category the vendor belongs to.',
  'vendors[].purpose': 'What the vendor does for the site.',
  'vendors[].hosts': 'Hosts of the vendor\'s scripts, iframes and images ("cdn.example.com" or "*.example.com"); tags inserted later that load from them are held until the vendor is allowed.',
  'vendors[].cookies': 'First-party cookies the vendor sets; deleted when the visitor withdraws consent.',
  'vendors[].cookies[].name': 'Cookie name, prefix or regular expression (see match). A regular expression keeps to a subset that matches quickly: at most 128 characters, no quantifier after a group (only "?"), at most two of * + {}, no back-references or look-arounds.',
  'vendors[].cookies[].match': 'How name matches: exact (default), prefix or regex.',
  'vendors[].cookies[].duration': 'How long the cookie lives, as shown to the visitor.',
  'vendors[].dataCollected': 'Kinds of data the vendor collects, as shown to the visitor.',
  'vendors[].retention': 'How long the vendor keeps the data.',
  'vendors[].privacyPolicyUrl': 'The vendor\'s privacy policy.',
  'vendors[].optOutUrl': 'Where the visitor can opt out with the vendor itself.',
  'vendors[].consentApi': "The vendor's own consent switch (meta, uet, clarity, tiktok, pinterest, shopify): told the vendor's state before its first request and on every change. See docs/ad-tech.md.",
  cookie: 'The consent cookie.',
  'cookie.name': 'Cookie name. Default "consentry".',
  'cookie.expiresDays': 'Days a choice lasts before the visitor is asked again. Default 182.',
  'cookie.domain': 'Cookie domain, a host such as "example.com" or ".example.com" to share a choice across subdomains. If it does not cover the page\'s host (a staging or local copy), the cookie is stored for that host alone, with a console error. Default: the current host.',
  beacon: 'Where each decision is recorded (the consent ledger).',
  'beacon.url': 'URL that receives the consent records (POST, text/plain JSON).',
  'beacon.waitMs': 'Longest time newly allowed tags wait for the ledger to acknowledge a decision. Default 800; 0 releases at once.',
  googleConsentMode: 'Google Consent Mode v2: true, or options.',
  'googleConsentMode.waitForUpdate': 'wait_for_update in milliseconds for the consent default. Default 500.',
  'googleConsentMode.adsDataRedaction': 'Sets ads_data_redaction while ad_storage is denied.',
  'googleConsentMode.urlPassthrough': 'Sets url_passthrough.',
  autoBlock: 'Blocking of tags that other code inserts later.',
  'autoBlock.unknownHosts': 'allow (default): only hosts a vendor declares are held. block: tags from any other third-party host are held too.',
  texts: 'Text overrides by language and key, e.g. {"de": {"banner.title": "…"}}. A language listed here becomes available.',
  ui: 'How the banner and dialog look.',
  'ui.layout': 'Banner layout: bar (default), box or modal.',
  'ui.position': 'Where a bar or box sits: top, bottom (default for bar), bottom-left, bottom-right (default for box).',
  'ui.theme': 'light, dark or auto (default: follows the visitor\'s system).',
  'ui.reopenButton': 'Show the small floating button that reopens the preferences. Default true.',
  'ui.vendorSwitches': 'Offer a switch per vendor in the preferences. Default true.',
  gpp: 'IAB Global Privacy Platform (window.__gpp) for US visitors: true, or options. Off by default. See docs/ad-tech.md.',
  'gpp.sections': 'Sections to fill: usnat, and the state section data-region selects ("US-CA" → usca). Default: all of them.',
  'gpp.notices': 'Which notices the site gives (true: given, the default; false: not given).',
  'gpp.notices.privacy': 'The privacy notice (SharingNotice, ProcessingNotice).',
  'gpp.notices.sale': 'Notice of the right to opt out of the sale of personal data.',
  'gpp.notices.sharing': 'Notice of the right to opt out of sharing (California).',
  'gpp.notices.targetedAdvertising': 'Notice of the right to opt out of targeted advertising.',
  'gpp.mspa': 'IAB Multi-State Privacy Agreement. Default: not a covered transaction.',
  'gpp.mspa.covered': 'The site is a signatory and this is a covered transaction.',
  'gpp.mspa.mode': 'opt-out (Opt-Out Option Mode) or service-provider (Service Provider Mode).',
  'gpp.cmpId': 'CMP id assigned by the IAB (0, the default, until one is registered).',
  'gpp.cmpVersion': 'Your version of the CMP. Default 1.',
};

type Json = Record<string, any>;

/** http(s) or relative: no scheme but http(s), no spaces or control characters (validate() also parses it). */
const URL_PATTERN = '^(?:[Hh][Tt][Tt][Pp][Ss]?:|(?![A-Za-z][A-Za-z0-9+.-]*:))[^\\s\\u0000-\\u001f\\u007f]*$';

export function toJsonSchema(spec: Spec = SPEC, path = ''): Json {
  const doc = DOCS[path] ? { description: DOCS[path] } : {};
  if (Array.isArray(spec)) return { ...doc, type: 'array', maxItems: spec[1] || LIMITS.list, items: toJsonSchema(spec[0] as Spec, path + '[]') };
  if (typeof spec == 'object') {
    if (spec['|']) return { ...doc, anyOf: (spec['|'] as Spec[]).map((s) => toJsonSchema(s, path)) };
    const map = Object.keys(spec).find((k) => k[0] == '*');
    if (map)
      return {
        ...doc,
        type: 'object',
        maxProperties: LIMITS.texts,
        propertyNames: { pattern: PATTERNS[map[1]][0].source },
        additionalProperties: toJsonSchema(spec[map], path + '.*'),
      };
    const properties: Json = {};
    const required: string[] = [];
    for (const k of Object.keys(spec)) {
      const name = k.replace(/^!/, '');
      if (k[0] == '!') required.push(name);
      properties[name] = toJsonSchema(spec[k], path ? path + '.' + name : name);
    }
    return { ...doc, type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
  }
  if (spec.indexOf('|') > 0) return { ...doc, enum: spec.split('|') };
  if (spec[0] == 'n') {
    const [, min, max] = spec.split(':');
    return { ...doc, type: 'integer', minimum: +min, maximum: +max };
  }
  if (spec == 'b') return { ...doc, type: 'boolean' };
  const s: Json = { ...doc, type: 'string', minLength: 1 };
  if (LENGTHS[spec]) s.maxLength = LENGTHS[spec];
  if (PATTERNS[spec]) s.pattern = PATTERNS[spec][0].source;
  if (spec == 'u') (s.format = 'uri-reference'), (s.pattern = URL_PATTERN);
  return s;
}

/** The schema file's content. */
export const schema = () => ({
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Consentry configuration',
  ...toJsonSchema(),
});

/** The README's configuration reference: one row per field, from the same schema. */
export function reference(): string {
  const rows = ['| Field | Type | Meaning |', '| --- | --- | --- |'];
  const type = (s: Record<string, any>): string =>
    s.enum ? s.enum.map((e: string) => `\`"${e}"\``).join(' \\| ')
    : s.anyOf ? s.anyOf.map(type).join(' or ')
    : s.type == 'array' ? `array of ${type(s.items)} (at most ${s.maxItems})`
    : s.type == 'integer' ? `integer ${s.minimum}–${s.maximum}`
    : s.type == 'object' && s.additionalProperties && typeof s.additionalProperties == 'object' ? `map of ${type(s.additionalProperties)}`
    : s.format ? 'URL (http, https or relative)' : s.type;
  const walk = (s: Record<string, any>, path: string) => {
    if (path && DOCS[path]) rows.push(`| \`${path}\`${s.required === true ? ' (required)' : ''} | ${type(s)} | ${DOCS[path]} |`);
    const obj = s.anyOf ? s.anyOf.find((x: any) => x.properties) : s.type == 'array' ? s.items : s;
    if (obj && obj.properties) for (const k in obj.properties) walk({ ...obj.properties[k], required: (obj.required || []).includes(k) }, path ? `${path}${s.type == 'array' ? '[]' : ''}.${k}` : k);
  };
  walk(schema(), '');
  return rows.join('\n');
}
