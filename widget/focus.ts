/** Keyboard handling of a modal surface: Tab stays inside, Escape leaves when leaving is allowed. */
import { focused } from './host';

export const trap = (onEscape?: () => void) => (e: KeyboardEvent) => {
  const box = e.currentTarget as HTMLElement;
  if (e.key == 'Escape' && onEscape) {
    e.preventDefault();
    onEscape();
  }
  // keyCode, not only key: WebKitGTK reports Shift+Tab as key "Unidentified" (code "Tab", keyCode 9).
  if (e.key != 'Tab' && e.keyCode != 9) return;
  // What a closed <details> holds takes no focus (it may still have boxes).
  const all = [...box.querySelectorAll<HTMLElement>('a[href],button:not(:disabled),summary')].filter(
    (el) => el.getClientRects().length && !el.closest('details:not([open])>:not(summary)'),
  );
  // Tab moves through this list here rather than by the browser: Safari's Tab skips links by
  // default, so waiting for focus to reach a link at either end would let it leave the dialog.
  e.preventDefault();
  const i = all.indexOf(focused()!);
  const n = all.length;
  const to = all[e.shiftKey ? (i < 0 ? n - 1 : (i + n - 1) % n) : (i + 1) % n];
  if (to) to.focus();
};
