// Only the browser family is kept: enough to spot a broken banner in one browser,
// too coarse to fingerprint a visitor. Order matters: most UAs claim to be several browsers.
/** @type {[RegExp, string][]} */
const FAMILIES = [
  [/bot|crawl|spider|slurp|headless/i, 'Bot'],
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Version\/[\d.]+.*Safari\/|AppleWebKit\/.*Mobile\//, 'Safari'],
];

/**
 * @param {string | undefined} ua
 * @returns {string}
 */
export function uaFamily(ua) {
  if (!ua) return 'Other';
  for (const [re, name] of FAMILIES) if (re.test(ua)) return name;
  return 'Other';
}
