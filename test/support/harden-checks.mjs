// What the hardening tests (test/browser/harden*.test.ts) look at in a test page: errors
// nobody caught, scripts that config data managed to run, and every link Consentry drew.
import { until } from '../browser/page.ts';
import { CANARY } from './fuzz-configs.mjs';

/**
 * Runs first in <head>: records uncaught errors, unhandled rejections and console.error
 * lines, and drops requests to `beacon.url`'s data: and blob: cousins nowhere.
 */
export const watch =
  '<script>window.errors=[];window.logged=[];' +
  "addEventListener('error',e=>errors.push('error: '+e.message));" +
  "addEventListener('unhandledrejection',e=>errors.push('rejection: '+(e.reason&&e.reason.message||e.reason)));" +
  '{const c=console.error;console.error=(...a)=>{logged.push(a.join(" "));c.apply(console,a)}}</script>';

/** Whether config data ran as script in this window or one of its frames (a placeholder's). */
export const ran = (win) => [win, ...Array.from({ length: win.frames.length }, (_, i) => win.frames[i])].some((w) => {
  try {
    return !!w[CANARY];
  } catch {
    return false;
  }
});

/** The widget's shadow root once `sel` is drawn, or null after `ms`. */
export const widget = (doc, sel = '.bn', ms = 4000) =>
  until(() => {
    const root = doc.getElementById('consentry-ui')?.shadowRoot;
    return root && root.querySelector(sel) && root;
  }, ms, `the widget to draw ${sel}`).catch(() => null);

/** Every link Consentry drew: in its shadow root, and in the placeholders of held iframes. */
export function links(doc) {
  const root = doc.getElementById('consentry-ui')?.shadowRoot;
  const all = root ? [...root.querySelectorAll('a')] : [];
  for (const f of doc.querySelectorAll('iframe')) {
    try {
      if (f.contentDocument) all.push(...f.contentDocument.querySelectorAll('a'));
    } catch {
      // a frame of another origin is not ours
    }
  }
  return all;
}

/**
 * Opens the dialog and every vendor list, then clicks each link whose URL is not http(s):
 * if one exists and runs, the canary says so. Returns the hrefs that were not http(s).
 */
export async function clickUnsafeLinks(win, doc) {
  await Promise.race([win.consentry.show(), new Promise((r) => setTimeout(r, 3000))]);
  const root = await widget(doc, '.dlg', 3000);
  if (root) for (const s of root.querySelectorAll('details')) s.open = true;
  const bad = [];
  for (const a of links(doc)) {
    if (!a.hasAttribute('href')) continue;
    const href = a.getAttribute('href');
    if (/^https?:$/.test(a.protocol) && !/[\s\0-\x1f]/.test(href)) continue;
    bad.push(href);
    a.removeAttribute('target');
    a.click();
  }
  // A javascript: URL runs as a task after the click.
  await new Promise((r) => setTimeout(r, 50));
  return bad;
}
