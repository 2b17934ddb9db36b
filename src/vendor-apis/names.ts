/** Vendors with a consent switch of their own, by the name `vendors[].consentApi` gives (docs/ad-tech.md). */
export const CONSENT_APIS = ['meta', 'uet', 'clarity', 'tiktok', 'pinterest', 'shopify'] as const;
