// Injected before any page script (context.addInitScript) on /page/<product>.
// Records, in ms since navigation start (performance.now()):
//   banner   the first animation frame in which the product's banner is rendered: in the DOM,
//            non-zero size, not display:none / visibility:hidden / opacity:0 (checkVisibility)
//   click    the first click on the page (capture phase on window, so before any product handler)
//   __ran    vendor stubs push [name, time] when they execute
//   lt, ls   long tasks [start, duration] and layout shifts [start, value] (no recent input)
//   probeMs  the probe's own time in its polling callbacks (the harness subtracts it)
// and tells the harness (binding __benchNotify) when the banner shows and when tags run.
(() => {
  const m = /^\/page\/([\w-]+)/.exec(location.pathname);
  if (!m) return;
  const product = m[1];
  const returning = /[?&]visit=return\b/.test(location.search);
  const B = (window.__bench = { product, banner: null, bannerHow: '', click: null, lt: [], ls: [], probeMs: 0 });
  const notify = (what) => {
    try {
      window.__benchNotify && window.__benchNotify(what);
    } catch (e) {}
  };
  const ran = [];
  const push = ran.push;
  ran.push = function (x) {
    const n = push.call(this, x);
    if (n === 1) notify('tag1');
    if (n === 10) notify('tags');
    return n;
  };
  window.__ran = ran;
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) B.lt.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (!e.hadRecentInput) B.ls.push([e.startTime, e.value]);
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (e) {}
  addEventListener('click', () => B.click == null && (B.click = performance.now()), true);

  const shown = (el) => {
    if (!el || !el.isConnected) return false;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    return !el.checkVisibility || el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  // Consentry: the banner lives in an open shadow root (or, failing that, in the page's DOM).
  const CONSENTRY_SELECTORS = '[role=dialog],[role=region],[role=alertdialog],dialog,section,aside,form';
  const consentryBanner = () => {
    // The widget's own element (widget/host.ts, widget/Banner.tsx): #consentry-ui's shadow root, .bn
    const ui = document.getElementById('consentry-ui');
    const bn = ui && ui.shadowRoot && ui.shadowRoot.querySelector('.bn');
    if (bn) return shown(bn) ? [bn, '#consentry-ui shadow .bn'] : null;
    // Tolerant fallback, in case the widget's markup changes.
    const hosts = [...(document.body ? document.body.children : []), ...document.documentElement.children];
    for (const h of hosts) {
      const root = h.shadowRoot;
      if (!root) continue;
      for (const el of root.querySelectorAll(CONSENTRY_SELECTORS)) if (el.querySelector('button') && shown(el)) return [el, 'shadow:' + h.localName + ' ' + el.localName + (el.getAttribute('role') ? '[role=' + el.getAttribute('role') + ']' : '')];
      for (const el of root.children) if (el.querySelector && el.querySelector('button') && shown(el)) return [el, 'shadow:' + h.localName + ' > ' + el.localName];
    }
    for (const el of document.querySelectorAll('[id^=consentry],[class^=consentry]')) if (el.querySelector('button') && shown(el)) return [el, 'light:' + el.localName];
    return null;
  };
  const find = () => {
    if (product === 'cc') {
      const el = document.querySelector('#cc-main .cm');
      return el && shown(el) ? [el, '#cc-main .cm'] : null;
    }
    if (product === 'klaro') {
      const el = document.querySelector('#klaro-cookie-notice') || document.querySelector('.klaro .cookie-modal');
      return el && shown(el) ? [el, '#klaro-cookie-notice'] : null;
    }
    if (product.startsWith('consentry')) return consentryBanner();
    return null;
  };
  // First visit: checked every animation frame. Returning visit (no banner expected): every 100 ms,
  // only to notice a banner that should not be there.
  const next = (f) => (returning ? setTimeout(f, 100) : requestAnimationFrame(f));
  const frame = () => {
    const t = performance.now();
    const hit = find();
    if (hit) {
      B.banner = t;
      B.bannerHow = hit[1];
      notify('banner');
    } else if (t < 20000) next(frame);
    B.probeMs += performance.now() - t;
  };
  next(frame);
})();
