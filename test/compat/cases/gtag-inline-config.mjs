import { gtagSnippet } from './_gtag.mjs';

export default gtagSnippet('inline', 'gtag.js snippet, inline config');
