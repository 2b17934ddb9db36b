// The Facebook JavaScript SDK as Meta's quickstart publishes it: window.fbAsyncInit, then the
// loader function that inserts sdk.js (id "facebook-jssdk", skipped if that id exists) before the
// first script. sdk.js calls fbAsyncInit; FB.init with xfbml parses the page's plugins (a Like
// button becomes an iframe) and FB.AppEvents.logPageView posts an app event.
import { framePage, json, routes, script } from '../standins/kit.mjs';

const sdk = script(
  'facebook-sdk.js',
  `(function () {
  if (window.FB && window.FB.__buffer === undefined && window.FB.init) return;
  var app = {};
  function parse(root) {
    (root || document).querySelectorAll('.fb-like:not([fb-xfbml-state])').forEach(function (el) {
      el.setAttribute('fb-xfbml-state', 'rendered');
      var f = document.createElement('iframe');
      f.name = 'f' + Math.random().toString(16).slice(2);
      f.title = 'fb:like Facebook Social Plugin';
      f.width = 450; f.height = 35;
      f.src = 'https://www.facebook.com/' + app.version + '/plugins/like.php?app_id=' + app.appId + '&href=' + encodeURIComponent(el.getAttribute('data-href')) + '&layout=' + (el.getAttribute('data-layout') || 'standard') + '&sdk=joey';
      var span = document.createElement('span');
      span.appendChild(f);
      el.appendChild(span);
    });
  }
  window.FB = {
    init: function (o) { app = o; if (o.xfbml) parse(); },
    XFBML: { parse: parse },
    AppEvents: {
      logPageView: function () {
        var b = new URLSearchParams({ event: 'CUSTOM_APP_EVENTS', custom_events: JSON.stringify([{ _eventName: 'fb_page_view' }]), application_tracking_enabled: '1' });
        fetch('https://graph.facebook.com/' + app.version + '/' + app.appId + '/activities', { method: 'POST', body: b, credentials: 'include' });
      },
    },
  };
  setTimeout(function () { window.fbAsyncInit && window.fbAsyncInit(); }, 0);
})();`,
);

export default {
  name: 'Facebook JavaScript SDK (fbAsyncInit)',
  vendors: [{ id: 'facebook', name: 'Facebook', category: 'functional', hosts: ['connect.facebook.net', 'www.facebook.com', 'graph.facebook.com'] }],
  net: {
    'connect.facebook.net': routes({ '/en_US/sdk.js': sdk }),
    'www.facebook.com': routes({ '/v21.0/plugins/like.php': framePage('facebook-like', '<button>Like</button>') }),
    'graph.facebook.com': routes({ '/v21.0/': json({ success: true }) }),
  },
  head: `<script>
  window.fbAsyncInit = function() {
    FB.init({
      appId      : '1234567890123456',
      cookie     : true,
      xfbml      : true,
      version    : 'v21.0'
    });

    FB.AppEvents.logPageView();

  };

  (function(d, s, id){
     var js, fjs = d.getElementsByTagName(s)[0];
     if (d.getElementById(id)) {return;}
     js = d.createElement(s); js.id = id;
     js.src = "https://connect.facebook.net/en_US/sdk.js";
     fjs.parentNode.insertBefore(js, fjs);
   }(document, 'script', 'facebook-jssdk'));
</script>`,
  body: `<div class="fb-like" data-href="https://www.compat.test/" data-width="" data-layout="standard" data-action="like" data-size="small" data-share="true"></div>`,
  done: `!!document.querySelector('.fb-like[fb-xfbml-state=rendered] iframe')`,
  hits: [/^www\.facebook\.com\/v21\.0\/plugins\/like\.php\?app_id=1234567890123456&/, { url: /^graph\.facebook\.com\/v21\.0\/1234567890123456\/activities$/, body: /fb_page_view/ }],
  once: ['facebook-sdk.js', 'facebook-like'],
};
