/**
 * The cookie declaration's English texts (src/declaration/), kept out of en.ts so the widget
 * chunk, which never shows them, does not carry them. The other languages' files have these
 * keys too (each is one chunk either way).
 */
export default {
  'declaration.vendor': 'Service',
  'declaration.links': 'Links',
  'declaration.none': 'No services in this category.',
  'declaration.self': 'This website',
  'declaration.self.purpose': 'Remembers your cookie choices, so you are not asked again on every page.',
  'declaration.days': '{n} days',
} as Record<string, string>;
