import { gtagSnippet } from './_gtag.mjs';

export default gtagSnippet('data-config', 'gtag.js snippet, data-config');
