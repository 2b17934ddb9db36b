// The demo site's own script (first-party, not gated): it keeps the "Live consent" panel current from the public API
// (consentry.allowed, consentry.get, the consentry:change event) and from what the stubs recorded.
(function () {
  'use strict';
  var demo = (window.__consentryDemo = window.__consentryDemo || { ran: [], calls: [] });
  var log = [];
  var config = null;

  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === 'text') e.textContent = attrs[k];
      else if (attrs[k] != null) e.setAttribute(k, attrs[k]);
    }
    (kids || []).forEach(function (c) {
      if (c != null) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return e;
  }
  function text(v) {
    if (v == null) return '';
    if (typeof v === 'string') return v;
    return v[document.documentElement.lang] || v.en || v[Object.keys(v)[0]] || '';
  }
  function time(iso) {
    return new Date(iso || Date.now()).toLocaleTimeString('en-GB');
  }
  function title(id) {
    return id.replace(/-/g, ' ').replace(/^./, function (c) {
      return c.toUpperCase();
    });
  }
  function categoryName(c) {
    return text(c.name) || title(c.id);
  }
  function link(href, label) {
    return href ? el('a', { href: href, rel: 'noopener', target: '_blank', text: label }) : null;
  }

  // Current page in the nav.
  document.querySelectorAll('.topbar nav a').forEach(function (a) {
    var p = a.getAttribute('href');
    if (p !== '/' && location.pathname.indexOf(p) === 0) a.setAttribute('aria-current', 'page');
  });

  var loader = document.querySelector('script[src$="/consentry.js"][data-config]');
  if (!loader) return;
  var region = loader.getAttribute('data-region') || '';
  var beacon = loader.getAttribute('data-beacon') || '';
  var panel = document.getElementById('consent-panel');

  /** The mode the region rule picks: the most specific key wins, as the loader does. */
  function modeOf(cfg) {
    var m = cfg.mode || { default: 'opt-in' };
    var r = m.regions || {};
    return r[region] || r[region.split('-')[0]] || m.default || 'opt-in';
  }
  function signals() {
    var n = navigator;
    var dnt = [n.doNotTrack, window.doNotTrack, n.msDoNotTrack].some(function (v) {
      return v === '1' || v === 'yes';
    });
    return { gpc: n.globalPrivacyControl === true, dnt: dnt };
  }

  /** The gated elements on the page and what each one loads. */
  function tags() {
    return Array.prototype.map.call(document.querySelectorAll('[data-consent]'), function (t) {
      var src = t.getAttribute('src') || t.getAttribute('data-src') || '';
      var m = /\/vendors\/([a-z0-9-]+)\.js/.exec(src) || /[?&]vendor=([a-z0-9-]+)/.exec(src);
      var kind = t.tagName === 'IFRAME' ? 'video' : t.tagName === 'IMG' ? 'pixel' : src ? 'script' : 'inline script';
      var id = m ? m[1] : t.tagName === 'IFRAME' ? 'youtube' : t.getAttribute('data-consent');
      var ran =
        kind === 'inline script'
          ? demo.calls.some(function (c) {
              return c.vendor === id;
            })
          : demo.ran.some(function (r) {
              return r.vendor === id;
            });
      return { target: t.getAttribute('data-consent'), id: id, kind: kind, ran: ran };
    });
  }

  function badge(on, yes, no) {
    return el('span', { class: 'badge ' + (on ? 'on' : 'off'), text: on ? yes || 'allowed' : no || 'denied' });
  }

  function renderPanel() {
    if (!panel || !config) return;
    var c = window.consentry;
    var d = c && c.get();
    var s = signals();
    var rows = [
      ['Region', region + ' → ' + modeOf(config)],
      ['Signals', 'GPC ' + (s.gpc ? 'on' : 'off') + ' · DNT ' + (s.dnt ? 'on' : 'off')],
      ['Decision', d ? d.method + ' at ' + time(d.ts) : 'none yet'],
    ];
    var facts = el('dl', { class: 'facts' });
    rows.forEach(function (r) {
      facts.appendChild(el('dt', { text: r[0] }));
      facts.appendChild(el('dd', { text: r[1] }));
    });
    if (d) {
      facts.appendChild(el('dt', { text: 'Consent id' }));
      facts.appendChild(
        el('dd', {}, [
          el('code', { text: d.id.slice(0, 12) + '…', title: d.id }),
          ' ',
          beacon ? link(beacon.replace(/\/api\/consent$/, '') + '/api/consent/' + encodeURIComponent(d.id), 'ledger record') : null,
        ]),
      );
    }

    var allowed = el('ul', { class: 'allowed' });
    (config.categories || []).forEach(function (cat) {
      var vendors = (config.vendors || []).filter(function (v) {
        return v.category === cat.id;
      });
      var chips = el(
        'span',
        { class: 'chips' },
        vendors.map(function (v) {
          var on = c && c.allowed(v.id);
          return el('span', { class: 'chip ' + (on ? 'on' : 'off'), title: v.name + (on ? ': allowed' : ': denied'), text: v.name });
        }),
      );
      allowed.appendChild(
        el('li', {}, [
          el('span', { class: 'row' }, [el('strong', { text: categoryName(cat) }), badge(c && c.allowed(cat.id))]),
          vendors.length ? chips : null,
        ]),
      );
    });

    var list = tags();
    var ranCount = list.filter(function (t) {
      return t.ran;
    }).length;
    var tagList = el(
      'ul',
      { class: 'tags' },
      list.map(function (t) {
        return el('li', { class: t.ran ? 'ran' : 'held' }, [
          el('span', { class: 'tag-name' }, [el('code', { text: t.id }), el('small', { text: ' ' + t.kind })]),
          el('span', { class: 'badge ' + (t.ran ? 'on' : 'off'), text: t.ran ? 'ran' : 'held' }),
        ]);
      }),
    );

    var cookies = document.cookie
      .split(';')
      .map(function (p) {
        return p.split('=')[0].trim();
      })
      .filter(Boolean);

    var gcm = null;
    if (config.googleConsentMode && window.dataLayer) {
      var last = null;
      window.dataLayer.forEach(function (a) {
        if (a && a[0] === 'consent') last = a;
      });
      if (last && last[2])
        gcm = el('p', { class: 'small' }, [
          'Google Consent Mode (' + last[1] + '): ',
          el('code', {
            text: ['ad_storage', 'analytics_storage', 'ad_user_data', 'ad_personalization']
              .map(function (k) {
                return k + '=' + (last[2][k] || '?');
              })
              .join(' '),
          }),
        ]);
    }

    var events = el(
      'ol',
      { class: 'events', 'aria-label': 'Consent events' },
      log.slice(-6).reverse().map(function (e) {
        return el('li', {}, [el('time', { text: e.t }), ' ' + e.what]);
      }),
    );

    var parts = [
      el('h2', { id: 'panel-title', text: 'Live consent' }),
      el('p', { class: 'small muted', text: 'What Consentry allows on this page, updated as you choose.' }),
      facts,
      el('h3', { text: 'Allowed now' }),
      allowed,
      gcm,
      el('h3', { text: 'Tags on this page (' + ranCount + ' of ' + list.length + ' ran)' }),
      tagList,
      el('h3', { text: 'Cookies' }),
      el('p', { class: 'small' }, cookies.length ? [el('code', { text: cookies.join('  ') })] : ['none']),
      el('h3', { text: 'Events' }),
      events,
      el('p', { class: 'actions' }, [
        el('button', { type: 'button', 'data-consentry-open': '', class: 'button', text: 'Cookie Preferences' }),
        el('button', { type: 'button', class: 'button subtle', 'data-demo-reset': '', text: 'Forget my choice' }),
      ]),
      el('p', { class: 'small muted', text: 'A tag that already ran keeps running until the page reloads: that is how browsers work.' }),
    ];
    panel.replaceChildren.apply(
      panel,
      parts.filter(function (p) {
        return p;
      }),
    );
  }
  var queued = false;
  function render() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(function () {
      queued = false;
      renderPanel();
    });
  }

  document.addEventListener('consentry:change', function (e) {
    log.push({ t: time(), what: 'change: ' + (e.detail ? e.detail.method : 'reset') });
    render();
  });
  document.addEventListener('demo:vendor', render);
  // A released pixel reports nothing itself; its load does.
  document.addEventListener(
    'load',
    function (e) {
      var t = e.target;
      if (t.tagName === 'IMG' && t.hasAttribute('data-consent')) pixelRan(t);
    },
    true,
  );
  function pixelRan(img) {
    var m = /[?&]vendor=([a-z0-9-]+)/.exec(img.getAttribute('src') || '');
    if (
      m &&
      !demo.ran.some(function (r) {
        return r.vendor === m[1];
      })
    ) {
      demo.ran.push({ vendor: m[1], kind: 'pixel', at: new Date().toISOString() });
      render();
    }
  }
  document.querySelectorAll('img[data-consent][src]').forEach(function (img) {
    if (img.complete) pixelRan(img);
  });
  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('[data-demo-reset]') && window.consentry) {
      window.consentry.reset();
      log.push({ t: time(), what: 'reset: choice forgotten' });
      render();
    }
  });
  if (window.consentry)
    window.consentry.on('ready', function () {
      log.push({ t: time(), what: 'ready' });
      render();
    });

  fetch(loader.getAttribute('data-config'))
    .then(function (r) {
      return r.json();
    })
    .then(function (c) {
      config = c;
      render();
    });
})();
