/** What the visitor's clicks and the core's calls do to the widget's state. */
import type { Decision } from '../src/types';
import type { Child } from './dom';
import { choose as decide, core } from './core';
import { set, state } from './state';
import { $, focused } from './host';
import { t, textsReady } from './texts';

/** Where focus goes back to when the dialog closes. */
let opener: HTMLElement | null = null;

/**
 * Says `said` through the live region. It is emptied first: the same words again (a second save
 * on the page) would change nothing in the DOM, and screen readers would announce nothing.
 */
const say = (said: string) => {
  set({ said: '' });
  setTimeout(() => set({ said }), 100);
};

/** The preferences dialog, once its chunk (widget/prefs/) has run. */
export const dialog: { Prefs?: () => Child } = {};

/**
 * The dialog's chunk: asked for when the visitor reaches for it, so it is usually in by the click.
 * After a failure (a blip while the pointer passed over "Customise") the next need asks again, at
 * a URL of its own: browsers answer a script URL that failed in this page with the same failure.
 */
let prefs: Promise<void> | undefined;
let tries = 0;
export const loadPrefs = () =>
  (prefs ||= core.load(core.asset('consentry-prefs.js') + (tries ? '?retry=' + tries : '')).catch((e) => {
    prefs = undefined;
    tries++;
    throw e;
  }));
export const warm = () => loadPrefs().catch(() => {});

const stamp = () => (core.decision() || { ts: 0 }).ts;

/**
 * `core.ui.show`: waits for the visitor's language so the banner never flashes in English first,
 * and for the dialog's chunk. A choice made while that chunk downloads (the visitor clicked
 * "Customise", then "Accept all") wins: the dialog does not open over it.
 */
export const show = (view: 'banner' | 'prefs', at = stamp()) =>
  textsReady
    .then((): unknown => view == 'prefs' && loadPrefs())
    .then(() => {
      // Told once per opening: show() on an open dialog (a second footer link) is no new `show`.
      const was = state[view];
      if (view == 'prefs') {
        if (at != stamp()) return;
        openPrefs();
      } else {
        set({ banner: true, reload: false });
        // The live region exists before its text changes, so screen readers announce the banner.
        say(t(core.mode == 'opt-out' ? 'optout.title' : 'banner.title'));
        if (core.config.ui.layout == 'modal') $('.bn')!.focus();
      }
      was || core.emit('show', view);
    })
    // The message names the chunk's URL; the banner stays, and its other choices work.
    .catch((e) => console.error('[consentry] ' + e.message));

function openPrefs() {
  if (!state.prefs) opener = focused();
  set({ draft: JSON.parse(JSON.stringify(core.state())), reload: false, prefs: true });
  $('.dlg')!.focus();
}

export function closePrefs() {
  if (!state.prefs) return;
  set({ prefs: false });
  core.emit('hide', 'prefs');
  // The opener may be gone (the banner's Customise after a choice): the reopen button takes over,
  // or, where there is none, the page's own "Cookie Preferences" link, not the page's start.
  const to = opener && opener.isConnected && opener != document.body ? opener : $('.ro') || document.querySelector<HTMLElement>('[data-consentry-open]');
  if (to) to.focus();
}

export function hideBanner() {
  if (!state.banner) return;
  set({ banner: false });
  core.emit('hide', 'banner');
}

/** Any visitor choice (ours or through the API) closes the UI, unless a reload must be offered first. */
export function changed(d: Decision | null) {
  if (!d || d.method == 'signal' || d.method == 'opt-out-default') return;
  if (core.reloadNeeded() && (state.banner || state.prefs)) {
    set({ reload: true });
    say(t('reload.text'));
    $('.rl')!.focus();
  } else {
    say(t('prefs.saved'));
    hideBanner();
    closePrefs();
  }
}

export const choose = (method: 'accept-all' | 'reject-all' | 'custom') => () => decide(method, state.draft);
