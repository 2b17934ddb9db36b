/**
 * What the widget shows; the one place its state lives. A plain object and a
 * synchronous re-render per change (dom.ts): a signals runtime would cost 1.5 KB gzip,
 * which the first-visit budget (loader + widget under 17 KB) has no room for.
 */
import type { Allowed } from '../src/decision';

export const state = {
  banner: false,
  prefs: false,
  /** The dialog's switches before Save. */
  draft: { categories: {}, vendors: {} } as Allowed,
  /** A choice denied tags that already ran: offer a reload. */
  reload: false,
  /** Text for the polite live region. */
  said: '',
};

let paint = () => {};
export const painter = (fn: () => void) => (paint = fn);

/** Rendering is synchronous, so focus can move right after a change. */
export function set(change: Partial<typeof state>) {
  Object.assign(state, change);
  paint();
}
