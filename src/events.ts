/** The API's events: `ready`, `change`, `show`, `hide`. */
import type { EventName } from './types';

type Fn = (detail: any) => void;
// No prototype: an event named like an Object method (`constructor`) is just an unknown event.
const listeners: Record<string, Fn[]> = Object.create(null);
/** Events that happen once; a late subscriber hears them at once. */
const once: Record<string, { d: any }> = Object.create(null);

export function on(event: EventName, fn: Fn): () => void {
  // Said at the call that made the mistake, not later from every emit.
  if (typeof fn != 'function') throw new TypeError('[consentry] on(' + JSON.stringify(String(event)) + ', listener): the listener is not a function');
  (listeners[event] ||= []).push(fn);
  if (once[event]) Promise.resolve().then(() => fn(once[event].d));
  return () => {
    const l = listeners[event];
    const i = l.indexOf(fn);
    if (i >= 0) l.splice(i, 1);
  };
}

/** Events waiting for the one being delivered. */
const queue: [EventName, any][] = [];

export function emit(event: EventName, detail?: any, sticky?: boolean) {
  if (sticky) once[event] = { d: detail };
  // A listener that decides again (set() in a change listener) is heard after this event has
  // reached everyone: otherwise the rest would hear the new decision first and the old one last.
  if (queue.push([event, detail]) > 1) return;
  for (let e; (e = queue[0]); queue.shift()) {
    for (const fn of (listeners[e[0]] || []).slice())
      try {
        fn(e[1]);
      } catch (x) {
        // A listener's bug must not stop the others or the consent flow.
        setTimeout(() => {
          throw x;
        });
      }
    if (e[0] == 'change') document.dispatchEvent(new CustomEvent('consentry:change', { detail: e[1] }));
  }
}
