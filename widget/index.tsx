/**
 * The widget chunk (dist/consentry-widget.js; widget/dom.ts renders it). The loader fetches it only when UI must
 * show, and it reaches the core through `window.consentry.__core`, so no core code ships twice.
 */
import { h, render } from './dom';
import { core } from './core';
import { mount } from './host';
import { painter, state } from './state';
import { dir, lang } from './texts';
import { changed, dialog, show } from './actions';
import * as shared from './shared';
import { Banner } from './Banner';
import { Reopen } from './Reopen';

const { theme, reopenButton } = core.config.ui;

function App() {
  // A site with its own "Cookie Preferences" link needs no floating button.
  const reopen = reopenButton && core.decision() && !document.querySelector('[data-consentry-open]');
  return (
    <div class={'r ' + theme} dir={dir} lang={lang}>
      {state.banner && <Banner />}
      {state.prefs && dialog.Prefs!()}
      {/* Kept while hidden, so focus can return to it when the dialog closes. */}
      {reopen && <Reopen hidden={state.banner || state.prefs} />}
      <p class="sr" role="status">
        {state.said}
      </p>
    </div>
  );
}

painter(() => render(<App />, mount));
render(<App />, mount);
core.on('change', changed);
core.ui = { show };
// For the preferences dialog's chunk (widget/prefs/), which the widget fetches when needed.
(window as any).consentry.__w = shared;
