// @hcaptcha/loader (README usage): hCaptchaLoader() appends api.js (crossOrigin "anonymous",
// async) with `?onload=hCaptchaOnLoad&render=explicit…` and resolves when api.js calls that
// function back; a script that fails to load is retried (twice, 1 s apart) and reported to
// hCaptcha's own Sentry (sentry.hcaptcha.com). api.js checks the site key with a fetch POST
// to api.hcaptcha.com and renders the checkbox iframe from newassets.hcaptcha.com.
import { byId, toConfigVendor } from '../../../catalogue/index.mjs';
import { framePage, json, routes, script } from '../standins/kit.mjs';

const api = script(
  'hcaptcha-api.js',
  `(function () {
  var me = document.currentScript, q = new URL(me.src).searchParams, n = 0;
  window.hcaptcha = {
    render: function (container, params) {
      var el = typeof container == 'string' ? document.getElementById(container) : container, id = String(n++);
      fetch('https://api.hcaptcha.com/checksiteconfig?v=compat&host=' + location.hostname + '&sitekey=' + params.sitekey + '&sc=1&swa=1&spst=1', { method: 'POST', credentials: 'include' })
        .then(function (r) { return r.json(); })
        .then(function (c) {
          if (!c.pass) return;
          var f = document.createElement('iframe');
          f.title = 'Widget containing checkbox for hCaptcha security challenge';
          f.setAttribute('src', 'https://newassets.hcaptcha.com/captcha/v1/compat/static/hcaptcha.html#frame=checkbox&id=' + id + '&host=' + location.hostname + '&sitekey=' + params.sitekey);
          f.style.cssText = 'width:303px;height:78px;border:0';
          el.appendChild(f);
        });
      return id;
    },
    getResponse: function () { return ''; },
  };
  var cb = q.get('onload');
  if (cb && typeof window[cb] == 'function') window[cb]();
})();`,
);

export default {
  name: '@hcaptcha/loader (api.js with an onload callback, retries)',
  // The catalogue files hCaptcha as required (bot protection); here it waits for consent like any vendor.
  vendors: [{ ...toConfigVendor(byId('hcaptcha')), category: 'functional' }],
  net: {
    'js.hcaptcha.com': routes({ '/1/api.js': api }),
    'api.hcaptcha.com': routes({ '/checksiteconfig': json({ pass: true, features: {}, c: { type: 'hsw', req: 'compat' } }) }),
    'newassets.hcaptcha.com': routes({ '/captcha/v1/compat/static/hcaptcha.html': framePage('hcaptcha-checkbox') }),
  },
  body: `<form id="signup"><div id="captcha"></div><button>Sign up</button></form>`,
  app: `import { hCaptchaLoader } from '@hcaptcha/loader';

hCaptchaLoader({ render: 'explicit' }).then(function (hcaptcha) {
  window.hcaptchaWidget = hcaptcha.render('captcha', { sitekey: '10000000-ffff-ffff-ffff-000000000001' });
}, function (e) { window.hcaptchaFailed = String(e); });`,
  done: `window.hcaptchaWidget === '0' && !window.hcaptchaFailed`,
  hits: [/^js\.hcaptcha\.com\/1\/api\.js\?onload=hCaptchaOnLoad&render=explicit/, /^api\.hcaptcha\.com\/checksiteconfig\?/, /^newassets\.hcaptcha\.com\/captcha\/v1\/compat\/static\/hcaptcha\.html$/],
  once: ['hcaptcha-api.js', 'hcaptcha-checkbox'],
};
