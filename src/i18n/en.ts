/**
 * Built-in English texts: the widget's strings and the default categories' names
 * and descriptions. Every language file has the same keys; `config.texts[lang][key]`
 * overrides any of them. English ships inside the widget chunk (the preferences
 * dialog's part inside the dialog's chunk), the others as separate
 * `consentry-i18n-<lang>.js` chunks. The cookie declaration's own English keys are in
 * en-declaration.ts, which only the declaration ships.
 */

/** The default categories a blocked iframe can name, also by the placeholder (gate/placeholder.ts), which ships without these texts. */
export const CATEGORY_NAMES: Record<string, string> = { functional: 'Functional', performance: 'Performance', advertising: 'Advertising' };

/** What the banner, the reopen button and the reload offer say: the widget chunk ships these. */
export const banner: Record<string, string> = {
  'banner.title': 'We use cookies',
  'banner.text':
    'We use cookies and similar technologies to run this site, to understand how it is used and to show relevant ads. Choose what you allow; you can change your mind at any time.',
  'banner.policy': 'Cookie notice',
  'banner.acceptAll': 'Accept all',
  'banner.rejectAll': 'Reject all',
  'banner.customise': 'Customise',
  'optout.title': 'Your privacy choices',
  'optout.text':
    'We and our partners use cookies to measure visits and show ads. Some laws treat this as selling or sharing your personal information, and you can object at any time.',
  'optout.button': 'Do not sell or share my personal information',
  'optout.honoured': 'Opt-out request honoured: your browser sends Global Privacy Control, so we do not sell or share your personal information.',
  'optout.dismiss': 'Got it',
  'prefs.saved': 'Your choices are saved.',
  'reload.text': 'Some services already ran on this page. Reload it to stop them.',
  'reload.button': 'Reload page',
  reopen: 'Cookie preferences',
};

/** What only the preferences dialog says: its own chunk (widget/prefs/) ships these. */
export const prefs: Record<string, string> = {
  'prefs.title': 'Privacy preferences',
  'prefs.text': 'Choose which cookies and similar technologies this site may use. Required ones keep the site working and cannot be switched off.',
  'prefs.save': 'Save choices',
  'prefs.close': 'Close',
  'prefs.vendors': 'Vendors ({n})',
  'prefs.always': 'Always on',
  'prefs.gpc': 'Off because your browser sends Global Privacy Control. You can still switch it on.',
  'prefs.dnt': 'Off because your browser sends Do Not Track. You can still switch it on.',
  'prefs.id': 'Consent ID',
  'prefs.date': 'Date',
  'prefs.none': 'No choice saved yet.',
  'vendor.purpose': 'Purpose',
  'vendor.data': 'Data collected',
  'vendor.retention': 'Retention',
  'vendor.cookies': 'Cookies',
  'vendor.privacy': 'Privacy policy',
  'vendor.optout': 'Opt out',
  'category.required.name': 'Strictly necessary',
  'category.required.description': 'Keep the site secure and working, for example your login and this consent choice. They cannot be switched off.',
  'category.functional.name': CATEGORY_NAMES.functional,
  'category.functional.description': 'Remember your settings, such as language or region, and power features like chat support.',
  'category.performance.name': CATEGORY_NAMES.performance,
  'category.performance.description': 'Count visits and measure how the site is used, so we can find out what works and improve it.',
  'category.advertising.name': CATEGORY_NAMES.advertising,
  'category.advertising.description': 'Let advertising partners show ads that match your interests and measure how well they perform.',
};

export default { ...banner, ...prefs };
