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
  const l = (listeners[event] ||= []);
  l.push(fn);
  if (once[event]) Promise.resolve().then(() => fn(once[event].d));
  // Once only: a second call must not take away another subscription of the same function.
  let i = 0;
  return () => {
    i++ || l.splice(l.indexOf(fn) >>> 0, 1);
  };
}

function deliver(event: EventName, detail: any) {
  for (const fn of (listeners[event] || []).slice())
    try {
      fn(detail);
    } catch (x) {
      // A listener's bug must not stop the others or the consent flow.
      setTimeout(() => {
        throw x;
      });
    }
  if (event == 'change') document.dispatchEvent(new CustomEvent('consentry:change', { detail }));
}

/** Changes waiting for the one being delivered. */
const changes: any[] = [];

export function emit(event: EventName, detail?: any, sticky?: boolean) {
  if (sticky) once[event] = { d: detail };
  if (event != 'change') return deliver(event, detail);
  // A listener that decides again (set() in a change listener) is heard after this change has
  // reached everyone: otherwise the rest would hear the new decision first and the old one last.
  // A listener that does so on every change would loop for ever: after 50, the rest are not told.
  if (changes.push(detail) > 1) return;
  for (let n = 0; changes.length; changes.shift())
    if (n++ < 50) deliver(event, changes[0]);
    else console.error('[consentry] change listeners loop: stopped telling them');
}
