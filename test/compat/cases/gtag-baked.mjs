import { gtagSnippet } from './_gtag.mjs';

export default gtagSnippet('baked', 'gtag.js snippet, baked loader');
