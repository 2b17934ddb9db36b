/**
 * What the preferences dialog (widget/prefs/, a chunk of its own) borrows from the widget at run
 * time: one renderer, one state, one set of texts and actions. The widget publishes this module as
 * `window.consentry.__w`; the dialog's build reads that object in its place (rollup.config.mjs),
 * so none of it ships twice.
 */
export { h } from './dom';
export { core } from './core';
export { set, state } from './state';
export { catText, en, loc, t } from './texts';
export { trap } from './focus';
export { choose, closePrefs, dialog } from './actions';
export { AcceptAll, Button, RejectAll, Reload } from './Buttons';
export { shadow } from './host';
export { adopt } from './styles';
