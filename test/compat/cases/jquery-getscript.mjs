// Meta's "Facebook SDK with jQuery" example: $.getScript creates a <script> (jQuery("<script>")
// then .prop({ src })), waits for its load event and calls back; the callback inits the SDK.
import { json, routes, script } from '../standins/kit.mjs';

const sdk = script(
  'facebook-sdk',
  `window.FB = {
  init: function (o) { FB._appId = o.appId; },
  getLoginStatus: function (cb) {
    fetch('https://www.facebook.com/x/oauth/status?client_id=' + FB._appId + '&input_token&origin=1&sdk=joey&wants_cookie_data=true', { credentials: 'include' })
      .then(function (r) { return r.json(); })
      .then(function (j) { cb({ status: j.status, authResponse: null }); });
  },
};
if (window.fbAsyncInit) fbAsyncInit();`,
);

export default {
  name: 'jQuery 3 $.getScript (Facebook SDK)',
  vendors: [{ id: 'facebook', name: 'Facebook Login', category: 'functional', hosts: ['connect.facebook.net', 'www.facebook.com'] }],
  net: {
    'connect.facebook.net': routes({ '/en_US/sdk.js': sdk }),
    'www.facebook.com': routes({ '/x/oauth/status': json({ status: 'unknown' }) }),
  },
  head: `<script src="/node_modules/jquery/dist/jquery.min.js"></script>`,
  body: `<button id="loginbutton" disabled>Log in</button>
<script>
function updateStatusCallback(response) { window.fbStatus = response.status; }
$(document).ready(function() {
  $.ajaxSetup({ cache: true });
  $.getScript('https://connect.facebook.net/en_US/sdk.js', function(){
    FB.init({
      appId: '123456789012345',
      version: 'v19.0'
    });
    $('#loginbutton,#feedbutton').removeAttr('disabled');
    FB.getLoginStatus(updateStatusCallback);
  });
});
</script>`,
  done: `window.fbStatus == 'unknown' && !document.getElementById('loginbutton').disabled`,
  hits: [/^www\.facebook\.com\/x\/oauth\/status\?client_id=123456789012345&/],
  once: ['facebook-sdk'],
};
