// Helpers for the widget's browser tests: find its controls in the page's shadow root,
// drive them by keyboard, and run axe-core inside the page.
import { sendKeys } from '@web/test-runner-commands';
import { until } from '../browser/page.ts';

/** The widget's shadow root in a test page, once the widget has rendered `sel`. */
export async function shadowOf(doc, sel = '.bn') {
  return until(() => {
    const root = doc.getElementById('consentry-ui')?.shadowRoot;
    return root && root.querySelector(sel) && root;
  }, 4000, `the widget to render ${sel}`);
}

/** A button (or switch) by its accessible text: visible text, aria-label, or the heading it names. */
export function control(root, name) {
  const all = [...root.querySelectorAll('button,a,summary')];
  const label = (el) => {
    const by = el.getAttribute('aria-labelledby');
    return (by ? root.getElementById(by).textContent : el.getAttribute('aria-label') || el.textContent).trim();
  };
  const found = all.find((el) => label(el) === name);
  if (!found) throw new Error(`no control named "${name}"; have: ${all.map(label).join(' | ')}`);
  return found;
}

/** The focused element inside the widget (or the page's, when focus is outside). */
export function active(doc) {
  const a = doc.activeElement;
  return a && a.shadowRoot && a.shadowRoot.activeElement ? a.shadowRoot.activeElement : a;
}

/**
 * Forgets earlier pages like clearState, but first takes focus back to the test page:
 * Chromium's renderer crashes on key presses when the focused frame was removed.
 */
export function fresh(clearState) {
  for (const f of document.querySelectorAll('iframe')) {
    const doc = f.contentDocument;
    if (doc) active(doc)?.blur?.();
  }
  document.activeElement?.blur();
  window.focus();
  return clearState();
}

/** Real key presses, sent by the browser to the focused element of the test page's frame. */
export async function press(frame, key) {
  if (document.activeElement !== frame) frame.contentWindow.focus();
  await sendKeys({ press: key });
}

/** Presses Tab until `el` has focus (at most `max` times); returns how many presses it took. */
export async function tabTo(frame, doc, el, max = 30) {
  for (let i = 1; i <= max; i++) {
    await press(frame, 'Tab');
    if (active(doc) === el) return i;
  }
  throw new Error('Tab never reached ' + (el.textContent || el.outerHTML));
}

/** axe-core's WCAG 2.2 A/AA and best-practice findings for the widget (or `include`), run inside the page. */
export async function axe(win, include = '#consentry-ui') {
  if (!win.axe) {
    await new Promise((ok, fail) => {
      const s = win.document.createElement('script');
      s.src = '/node_modules/axe-core/axe.min.js';
      s.onload = ok;
      s.onerror = fail;
      win.document.head.appendChild(s);
    });
  }
  const res = await win.axe.run(
    { include: [[include]] },
    { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } },
  );
  if (!res.passes.length) throw new Error('axe checked nothing');
  return res.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
