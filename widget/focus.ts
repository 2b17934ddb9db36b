/** Keyboard handling of a modal surface: Tab stays inside, Escape leaves when leaving is allowed. */
import { focused } from './host';

export const trap = (onEscape?: () => void) => (e: KeyboardEvent) => {
  const box = e.currentTarget as HTMLElement;
  if (e.key == 'Escape' && onEscape) {
    e.preventDefault();
    onEscape();
  }
  if (e.key != 'Tab') return;
  // Controls inside a closed <details> have no boxes and take no focus.
  const all = [...box.querySelectorAll<HTMLElement>('a[href],button:not(:disabled),summary')].filter((el) => el.getClientRects().length);
  const first = all[0];
  const last = all[all.length - 1];
  const at = focused();
  if (e.shiftKey ? at == first || at == box : at == last) {
    e.preventDefault();
    (e.shiftKey ? last : first).focus();
  }
};
