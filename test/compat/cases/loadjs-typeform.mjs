// loadjs loads a vendor's stylesheet (a <link rel=stylesheet>, href) and script (async=false
// <script>, src) and calls success once both fired load. The vendor is Typeform's embed.
import { css, framePage, routes, script } from '../standins/kit.mjs';

const embed = script(
  'typeform-embed.js',
  `document.querySelectorAll('[data-tf-widget]').forEach(function (el) {
  var f = document.createElement('iframe');
  f.src = 'https://form.typeform.com/to/' + el.getAttribute('data-tf-widget') + '?typeform-embed=embed-widget&typeform-source=' + location.hostname;
  f.title = 'Typeform';
  f.className = 'tf-v1-iframe';
  el.appendChild(f);
});`,
);

export default {
  name: 'loadjs (Typeform: stylesheet + script)',
  vendors: [{ id: 'typeform', name: 'Typeform', category: 'functional', hosts: ['*.typeform.com'] }],
  net: {
    'embed.typeform.com': routes({
      '/next/embed.js': embed,
      '/next/css/widget.css': css('[data-tf-widget] { min-height: 123px; }'),
    }),
    'form.typeform.com': routes({ '/to/': framePage('typeform-form') }),
  },
  body: `<div data-tf-widget="moe6aa" style="width:100%"></div>`,
  app: `import loadjs from 'loadjs';

loadjs(['https://embed.typeform.com/next/css/widget.css', 'https://embed.typeform.com/next/embed.js'], 'typeform', {
  success: function () { window.typeformLoaded = true; },
  error: function (depsNotFound) { window.typeformMissing = depsNotFound; },
});`,
  done: `window.typeformLoaded && getComputedStyle(document.querySelector('[data-tf-widget]')).minHeight == '123px'`,
  hits: [/^embed\.typeform\.com\/next\/css\/widget\.css$/, /^form\.typeform\.com\/to\/moe6aa\?/],
  once: ['typeform-embed.js', 'typeform-form'],
};
