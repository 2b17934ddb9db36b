// Calendly's inline embed as Calendly publishes it, pasted plainly: the widget div with its
// data-url, then the async widget.js, which replaces each inline widget's content with the
// scheduling page's iframe. The page listens for the events the iframe posts (Calendly's
// documented notification messages).
import { framePage, routes, script } from '../standins/kit.mjs';

const widget = script(
  'calendly-widget.js',
  `(function () {
  window.Calendly = window.Calendly || {};
  Calendly.initInlineWidgets = function () {
    document.querySelectorAll('.calendly-inline-widget').forEach(function (el) {
      if (el.getAttribute('data-processed')) return;
      el.setAttribute('data-processed', 'true');
      var url = el.getAttribute('data-url');
      var f = document.createElement('iframe');
      f.setAttribute('src', url + (url.indexOf('?') < 0 ? '?' : '&') + 'embed_domain=' + location.host + '&embed_type=Inline');
      f.setAttribute('width', '100%');
      f.setAttribute('height', '100%');
      f.setAttribute('frameborder', '0');
      f.setAttribute('title', 'Select a Date & Time - Calendly');
      el.appendChild(f);
    });
  };
  if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', Calendly.initInlineWidgets);
  else Calendly.initInlineWidgets();
})();`,
);

const booking = framePage('calendly-booking', '<h1>30 Minute Meeting</h1>', `parent.postMessage({ event: 'calendly.event_type_viewed', payload: {} }, '*');`);

export default {
  name: 'Calendly inline embed (widget.js)',
  vendors: [{ id: 'calendly', name: 'Calendly', category: 'functional', hosts: ['calendly.com', 'assets.calendly.com'] }],
  net: {
    'assets.calendly.com': routes({ '/assets/external/widget.js': widget }),
    'calendly.com': routes({ '/compat-test/30min': booking }),
  },
  body: `<!-- Calendly inline widget begin -->
<div class="calendly-inline-widget" data-url="https://calendly.com/compat-test/30min" style="min-width:320px;height:700px;"></div>
<script type="text/javascript" src="https://assets.calendly.com/assets/external/widget.js" async></script>
<!-- Calendly inline widget end -->
<script>
window.addEventListener('message', function (e) {
  if (e.origin == 'https://calendly.com' && e.data && e.data.event == 'calendly.event_type_viewed') window.calendlyViewed = true;
});
</script>`,
  done: `window.calendlyViewed === true`,
  hits: [/^calendly\.com\/compat-test\/30min\?embed_domain=www\.compat\.test&embed_type=Inline$/],
  once: ['calendly-widget.js', 'calendly-booking'],
  speculative: [/^assets\.calendly\.com\/assets\/external\/widget\.js$/],
};
