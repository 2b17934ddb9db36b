// reCAPTCHA v2, explicitly rendered, as Google's documentation shows it: an onload callback and
// a plain async defer tag at the end of the body (baked loader). api.js loads the release
// script, whose grecaptcha.render builds the anchor iframe, then calls the onload callback.
import { framePage, routes, script } from '../standins/kit.mjs';

const api = (req) =>
  script(
    'recaptcha-api.js',
    `(function () {
  window.___grecaptcha_cfg = { onload: ${JSON.stringify(req.query.get('onload') || '')}, render: ${JSON.stringify(req.query.get('render') || 'onload')} };
  var po = document.createElement('script');
  po.type = 'text/javascript';
  po.async = true;
  po.src = 'https://www.gstatic.com/recaptcha/releases/compat/recaptcha__en.js';
  var s = document.getElementsByTagName('script')[0];
  s.parentNode.insertBefore(po, s);
})();`,
  );

const release = script(
  'recaptcha__en.js',
  `(function () {
  window.grecaptcha = {
    render: function (el, params) {
      if (typeof el == 'string') el = document.getElementById(el);
      var f = document.createElement('iframe');
      f.title = 'reCAPTCHA';
      f.width = 304;
      f.height = 78;
      f.src = 'https://www.google.com/recaptcha/api2/anchor?ar=1&k=' + encodeURIComponent(params.sitekey) + '&co=' + btoa(location.origin) + '&hl=en&v=compat&size=normal';
      el.appendChild(f);
      return 0;
    },
    getResponse: function () { return ''; },
  };
  var cb = window.___grecaptcha_cfg.onload;
  if (cb && typeof window[cb] == 'function') window[cb]();
})();`,
);

export default {
  name: 'reCAPTCHA v2 (plain tag, baked loader)',
  embed: 'baked',
  vendors: [{ id: 'recaptcha', name: 'Google reCAPTCHA', category: 'functional', hosts: ['www.google.com', 'www.gstatic.com'] }],
  net: {
    'www.google.com': routes({ '/recaptcha/api.js': api, '/recaptcha/api2/anchor': framePage('recaptcha-anchor') }),
    'www.gstatic.com': routes({ '/recaptcha/releases/': release }),
  },
  body: `<script type="text/javascript">
  var onloadCallback = function() {
    grecaptcha.render('html_element', {
      'sitekey' : '6LcCompat0000000000000000000000000000000'
    });
  };
</script>
<form action="?" method="POST">
  <div id="html_element"></div>
  <br>
  <input type="submit" value="Submit">
</form>
<script src="https://www.google.com/recaptcha/api.js?onload=onloadCallback&render=explicit"
    async defer>
</script>`,
  done: `!!document.querySelector('#html_element iframe[title=reCAPTCHA]')`,
  hits: [/^www\.google\.com\/recaptcha\/api2\/anchor\?ar=1&k=6LcCompat/],
  once: ['recaptcha-api.js', 'recaptcha__en.js', 'recaptcha-anchor'],
  speculative: [/^www\.google\.com\/recaptcha\/api\.js\?onload=onloadCallback&render=explicit$/],
};
