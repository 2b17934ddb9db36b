/**
 * The one gate for URLs from the configuration (links, the beacon): only
 * http(s) URLs, absolute or relative to the page, pass; anything else is ''.
 * The browser's own URL parser decides, after it has dropped tabs and
 * newlines, trimmed spaces and control characters and lower-cased the scheme,
 * so " jAvAsCrIpT:…", "java\tscript:…", data:, vbscript: and blob: all fail,
 * and an entity such as "javascript&#58;…" is only ever a relative path. The
 * result is the absolute URL the browser will follow: what was checked is
 * what is rendered.
 */
export function httpUrl(u: unknown, base = document.baseURI): string {
  try {
    const href = new URL(u as string, base).href;
    return u && /^https?:/.test(href) ? href : '';
  } catch {
    return '';
  }
}
