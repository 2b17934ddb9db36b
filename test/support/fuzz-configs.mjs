// Random and adversarial configurations for the fuzz suites (test/node/fuzz-config.test.mjs
// in Node, test/browser/harden-fuzz.test.ts through the loader in Chromium). A valid site
// configuration is mutated at random paths with hostile values: script URLs in every
// spelling, HTML that would run if injected, keys named after Object.prototype members,
// wrong types, huge numbers, odd Unicode. Each case is JSON text, as a site would serve it,
// so a "__proto__" key arrives as an own property, the way JSON.parse makes it.
import fc from 'fast-check';

/** Set by any script that config data manages to run (see `canary`). */
export const CANARY = '__consentryCanary';
const run = `window.${CANARY}=1`;

export const hostileUrls = [
  `javascript:${run}`,
  `JaVaScRiPt:${run}`,
  ` jAvAsCrIpT:${run}`,
  `java\tscript:${run}`,
  `java\nscript:${run}`,
  `\u0001javascript:${run}`,
  `javascript&#58;${run}`,
  `&#106;avascript:${run}`,
  `data:text/html,<script>${run}</script>`,
  `vbscript:${run}`,
  'blob:https://example.com/0',
  `"><img src=x onerror="${run}">`,
  `https://example.com/"onmouseover="${run}`,
  '//evil.example/x',
  '/relative/ok',
];

export const hostileTexts = [
  `<img src=x onerror="${run}">`,
  `"><script>${run}</script>`,
  `</style><svg onload="${run}">`,
  `{vendor}<iframe srcdoc="<script>parent.${CANARY}=1</script>">`,
  '\u202e\u0000\ud800',
  'x'.repeat(5000),
];

export const dangerousKeys = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', '!revision', '*l', '|', ''];

/** A configuration a site could have: every field in use, vendors with links and cookie rules. */
export const baseConfig = () => ({
  revision: 3,
  policyUrl: 'https://example.com/cookie-notice',
  mode: { default: 'opt-in', regions: { US: 'opt-out' } },
  // A category of the site's own, so that a vendor depends on more than the defaults.
  categories: [{ id: 'required', required: true }, { id: 'functional' }, { id: 'performance' }, { id: 'advertising', signals: ['gpc', 'dnt'] }, { id: 'social', name: { en: 'Social media' } }],
  vendors: [
    {
      id: 'yt',
      name: 'YouTube',
      category: 'functional',
      purpose: { en: 'Plays videos.' },
      hosts: ['yt.localhost'],
      cookies: [{ name: '^_yt\\w+$', match: 'regex', duration: '1 year' }],
      privacyPolicyUrl: 'https://policies.example/yt',
      optOutUrl: 'https://policies.example/yt/optout',
    },
    { id: 'ga', name: 'Google Analytics', category: 'performance', hosts: ['ga.localhost'], cookies: [{ name: '_ga', match: 'prefix' }], privacyPolicyUrl: '/privacy/ga' },
    { id: 'share', name: 'Share buttons', category: 'social' },
  ],
  cookie: { name: 'consentry_fuzz', expiresDays: 30 },
  texts: { en: { 'banner.title': 'We use cookies' } },
  ui: { layout: 'bar', vendorSwitches: true },
});

/** Where mutations land: objects and leaves of baseConfig, by path. */
const paths = [
  [],
  ['revision'],
  ['policyUrl'],
  ['mode'],
  ['mode', 'default'],
  ['mode', 'regions'],
  ['categories'],
  ['categories', 1],
  ['categories', 1, 'id'],
  ['categories', 1, 'name'],
  ['categories', 3, 'signals'],
  ['categories', 4],
  ['categories', 4, 'name'],
  ['vendors', 2, 'category'],
  ['vendors'],
  ['vendors', 0],
  ['vendors', 0, 'id'],
  ['vendors', 0, 'name'],
  ['vendors', 0, 'category'],
  ['vendors', 0, 'purpose'],
  ['vendors', 0, 'hosts'],
  ['vendors', 0, 'cookies'],
  ['vendors', 0, 'cookies', 0],
  ['vendors', 0, 'cookies', 0, 'name'],
  ['vendors', 0, 'privacyPolicyUrl'],
  ['vendors', 0, 'optOutUrl'],
  ['vendors', 1, 'privacyPolicyUrl'],
  ['cookie'],
  ['cookie', 'name'],
  ['cookie', 'domain'],
  ['cookie', 'expiresDays'],
  ['beacon'],
  ['beacon', 'url'],
  ['googleConsentMode'],
  ['autoBlock'],
  ['texts'],
  ['texts', 'en'],
  ['texts', 'en', 'placeholder.text'],
  ['ui'],
  ['ui', 'layout'],
];

const value = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileUrls) },
  { weight: 3, arbitrary: fc.constantFrom(...hostileTexts) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, 0, -1, 1e308, 2 ** 53, '', [], {}, [null], { __proto__: null }) },
  { weight: 1, arbitrary: fc.constantFrom('127.0.0.1;Max-Age=0', 'a=b; Domain=evil', '^(a+)+$', '(x+x+)+y', 'constructor', '__proto__', 'en-a1') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

const mutation = fc.record({
  path: fc.constantFrom(...paths),
  /** Set this key on the object at `path` (when it is one) instead of replacing `path` itself. */
  key: fc.option(fc.oneof(fc.constantFrom(...dangerousKeys), fc.string({ maxLength: 8 })), { nil: undefined }),
  value,
});

/** Defines an own, enumerable property: `o.__proto__ = v` would set the prototype instead. */
const put = (o, k, v) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });

function apply(config, { path, key, value: v }) {
  let at = config;
  for (const k of path.slice(0, -1)) {
    if (!at || typeof at != 'object') return;
    at = at[k];
  }
  if (!at || typeof at != 'object') return;
  if (!path.length) return key === undefined ? undefined : put(at, key, v);
  const last = path[path.length - 1];
  if (key !== undefined && at[last] && typeof at[last] == 'object') put(at[last], key, v);
  else put(at, last, v);
}

/** JSON text of a configuration: mostly a mutated site configuration, sometimes any JSON at all. */
export const configText = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.array(mutation, { minLength: 1, maxLength: 6 }).map((ms) => {
      const c = baseConfig();
      for (const m of ms) apply(c, m);
      return JSON.stringify(c);
    }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null') },
);

/** Every URL field of a configuration, as [path, value], wherever the shape allows reading it. */
export function urlFields(c) {
  const out = [];
  if (!c || typeof c != 'object') return out;
  const own = (o, k) => o && typeof o == 'object' && Object.prototype.hasOwnProperty.call(o, k);
  if (own(c, 'policyUrl')) out.push(['policyUrl', c.policyUrl]);
  if (own(c, 'beacon') && own(c.beacon, 'url')) out.push(['beacon.url', c.beacon.url]);
  if (Array.isArray(c.vendors))
    c.vendors.forEach((v, i) => {
      for (const k of ['privacyPolicyUrl', 'optOutUrl']) if (own(v, k)) out.push([`vendors[${i}].${k}`, v[k]]);
    });
  return out;
}

/** Whether a URL is one the page may render: http(s), or relative (resolved against `base`). */
export function httpOrRelative(u, base = 'https://site.example/page') {
  if (typeof u != 'string') return false;
  try {
    return /^https?:$/.test(new URL(u, base).protocol);
  } catch {
    return false;
  }
}
