/** The API's events: `ready`, `change`, `show`, `hide`. */
import type { EventName } from './types';

type Fn = (detail: any) => void;
// No prototype: an event named like an Object method (`constructor`) is just an unknown event.
const listeners: Record<string, Fn[]> = Object.create(null);
/** Events that happen once, with what a late subscriber hears at once (the decision in force then). */
const once: Record<string, () => any> = Object.create(null);

/** Each listener gets its own copy: one that edits what it was given changes nothing for the rest. */
const copy = (d: any) => (d && typeof d == 'object' ? JSON.parse(JSON.stringify(d)) : d);

function call(fn: Fn, detail: any) {
  try {
    fn(copy(detail));
  } catch (x) {
    // A listener's bug must not stop the others or the consent flow.
    setTimeout(() => {
      throw x;
    });
  }
}

export function on(event: EventName, fn: Fn): () => void {
  // Said at the call that made the mistake, not later from every emit.
  if (typeof fn != 'function') throw new TypeError('[consentry] on(' + JSON.stringify(String(event)) + ', listener): the listener is not a function');
  const l = (listeners[event] ||= []);
  l.push(fn);
  const late = once[event];
  // Unless it unsubscribed in the meantime.
  if (late) Promise.resolve().then(() => l.includes(fn) && call(fn, late()));
  // Once only: a second call must not take away another subscription of the same function.
  let i = 0;
  return () => {
    i++ || l.splice(l.indexOf(fn) >>> 0, 1);
  };
}

function deliver(event: EventName, detail: any) {
  const l = listeners[event] || [];
  // As the DOM does: a listener added during the delivery hears the next one, one removed is not called.
  for (const fn of l.slice()) l.includes(fn) && call(fn, detail);
  if (event == 'change') document.dispatchEvent(new CustomEvent('consentry:change', { detail: copy(detail) }));
}

/** Events waiting for the one being delivered. */
const queue: [EventName, any][] = [];

/** Tells the listeners; `sticky` (for `ready`) supplies what later subscribers hear. */
export function emit(event: EventName, detail?: any, sticky?: () => any) {
  if (sticky) once[event] = sticky;
  // What a listener causes (a decision made in a change listener, the banner hiding after a
  // choice) is heard after this event has reached everyone: otherwise the rest would hear
  // `hide` before the `change` that caused it, or the new decision first and the old one last.
  // A listener that decides again on every change would loop for ever: after 50, the rest are not told.
  if (queue.push([event, detail]) > 1) return;
  for (let n = 0; queue.length; queue.shift())
    if (n++ < 50) deliver(...queue[0]);
    else console.error('[consentry] event listeners loop: stopped telling them');
}
