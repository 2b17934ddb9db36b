// The one test site every product is measured on: 4 categories, 10 vendors, one gated tag per
// vendor, and each product's configuration expressing the same choices in its own format.
// Vendor scripts live on made-up hosts (<id>.vendor.test) that Chromium resolves to 127.0.0.1.

export const categories = ['required', 'functional', 'performance', 'advertising'];

export const vendors = [
  { id: 'intercom', name: 'Intercom', category: 'functional' },
  { id: 'vimeo', name: 'Vimeo', category: 'functional' },
  { id: 'hubspot-forms', name: 'HubSpot Forms', category: 'functional' },
  { id: 'google-analytics', name: 'Google Analytics', category: 'performance' },
  { id: 'hotjar', name: 'Hotjar', category: 'performance' },
  { id: 'matomo', name: 'Matomo', category: 'performance' },
  { id: 'google-ads', name: 'Google Ads', category: 'advertising' },
  { id: 'meta-pixel', name: 'Meta Pixel', category: 'advertising' },
  { id: 'linkedin-insight', name: 'LinkedIn Insight', category: 'advertising' },
  { id: 'tiktok-pixel', name: 'TikTok Pixel', category: 'advertising' },
];

export const vendorHost = (v) => `${v.id}.vendor.test`;
export const vendorSrc = (v, port) => `http://${vendorHost(v)}:${port}/v/${v.id}.js`;

const catText = {
  required: ['Strictly necessary', 'Needed for the site to work. Always on.'],
  functional: ['Functional', 'Chat, embedded videos and forms.'],
  performance: ['Performance', 'Anonymous statistics about how the site is used.'],
  advertising: ['Advertising', 'Personalised ads and measuring their effect.'],
};
const bannerTitle = 'We use cookies';
const bannerText = 'We use cookies and similar technologies for the purposes below. You can change your choice at any time.';

/** Consentry's configuration (contract §3). No beacon: the peers have none either. */
export function consentryConfig() {
  return {
    revision: 1,
    policyUrl: '/privacy',
    mode: { default: 'opt-in' },
    categories: [{ id: 'required', required: true }, { id: 'functional' }, { id: 'performance' }, { id: 'advertising', signals: ['gpc', 'dnt'] }],
    vendors: vendors.map((v) => ({
      id: v.id,
      name: v.name,
      category: v.category,
      purpose: { en: `${v.name} (${catText[v.category][0].toLowerCase()}).` },
      hosts: [vendorHost(v)],
    })),
    cookie: { name: 'consentry', expiresDays: 182 },
  };
}

/** vanilla-cookieconsent 3.x: CookieConsent.run(config), scripts gated by data-category/data-service. */
export function ccConfigScript() {
  const cats = {};
  for (const c of categories) {
    const services = {};
    for (const v of vendors.filter((v) => v.category === c)) services[v.id] = { label: v.name };
    cats[c === 'required' ? 'necessary' : c] = c === 'required' ? { enabled: true, readOnly: true } : { services };
  }
  const sections = categories.map((c) => ({
    title: catText[c][0],
    description: catText[c][1],
    linkedCategory: c === 'required' ? 'necessary' : c,
  }));
  const config = {
    // Headless Chromium reports navigator.webdriver; without this CC hides itself from "bots".
    hideFromBots: false,
    revision: 1,
    cookie: { name: 'cc_cookie', expiresAfterDays: 182 },
    categories: cats,
    language: {
      default: 'en',
      translations: {
        en: {
          consentModal: {
            title: bannerTitle,
            description: bannerText,
            acceptAllBtn: 'Accept all',
            acceptNecessaryBtn: 'Reject all',
            showPreferencesBtn: 'Customise',
            footer: '<a href="/privacy">Cookie notice</a>',
          },
          preferencesModal: {
            title: 'Cookie preferences',
            acceptAllBtn: 'Accept all',
            acceptNecessaryBtn: 'Reject all',
            savePreferencesBtn: 'Save',
            closeIconLabel: 'Close',
            sections,
          },
        },
      },
    },
  };
  return `CookieConsent.run(${JSON.stringify(config)});\n`;
}

/** Klaro 0.7: window.klaroConfig, scripts gated by data-name (one service per vendor). */
export function klaroConfigScript() {
  const purposes = {};
  for (const c of categories.slice(1)) purposes[c] = { title: catText[c][0], description: catText[c][1] };
  const config = {
    version: 1,
    elementID: 'klaro',
    storageMethod: 'cookie',
    storageName: 'klaro',
    cookieExpiresAfterDays: 182,
    privacyPolicy: '/privacy',
    default: false,
    mustConsent: false,
    acceptAll: true,
    hideDeclineAll: false,
    hideLearnMore: false,
    lang: 'en',
    translations: {
      zz: { privacyPolicyUrl: '/privacy' },
      en: {
        consentNotice: { title: bannerTitle, description: bannerText },
        purposes,
      },
    },
    services: vendors.map((v) => ({ name: v.id, title: v.name, description: `${v.name}.`, purposes: [v.category], default: false, required: false })),
  };
  return `var klaroConfig = ${JSON.stringify(config)};\n`;
}

/** A gated tag per vendor, written the way each product documents it. */
export function gatedTags(product, port) {
  return vendors
    .map((v) => {
      const src = vendorSrc(v, port);
      if (product === 'cc') return `<script type="text/plain" data-category="${v.category}" data-service="${v.id}" src="${src}"></script>`;
      if (product === 'klaro') return `<script type="text/plain" data-type="text/javascript" data-name="${v.id}" data-src="${src}"></script>`;
      if (product === 'none') return `<script type="text/plain" src="${src}"></script>`;
      return `<script type="text/plain" data-consent="${v.id}" src="${src}"></script>`;
    })
    .join('\n');
}

/** Page body shared by every product: some ordinary content, so layout shift has something to shift. */
const content = `
<header style="padding:16px 24px;border-bottom:1px solid #ddd"><strong>Acme Shoes</strong> <nav style="display:inline">Home · Catalogue · About</nav></header>
<main style="max-width:760px;margin:0 auto;padding:24px;font:16px/1.5 system-ui,sans-serif">
<h1>Running shoes for every road</h1>
${'<p>Our shoes are made to last. Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.</p>\n'.repeat(8)}
</main>
<footer style="padding:24px"><a href="#" data-consentry-open>Cookie Preferences</a></footer>`;

/**
 * The HTML of the test page for one product.
 * products: consentry-baked, consentry-config, cc, klaro, none (no consent manager; tags stay inert).
 */
export function pageHtml(product, port) {
  let head = '';
  if (product === 'consentry-baked') head = `<script src="/consentry/baked/consentry.js"></script>`;
  else if (product === 'consentry-config') head = `<script src="/consentry/dist/consentry.js" data-config="/consentry/consentry.json"></script>`;
  else if (product === 'cc')
    head = `<link rel="stylesheet" href="/peers/cc/cookieconsent.css">
<script defer src="/peers/cc/cookieconsent.umd.js"></script>
<script defer src="/peers/cc/config.js"></script>`;
  else if (product === 'klaro')
    head = `<script defer src="/peers/klaro/config.js"></script>
<script defer src="/peers/klaro/klaro.js"></script>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Bench: ${product}</title>
${head}
${gatedTags(product, port)}
</head><body style="margin:0">${content}</body></html>`;
}
