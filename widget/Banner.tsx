/** The first layer: a notice with equal choices (opt-in), or the opt-out notice. */
import { h } from './dom';
import { core } from './core';
import { state } from './state';
import { t } from './texts';
import { trap } from './focus';
import { choose, hideBanner, show } from './actions';
import { AcceptAll, Button, RejectAll, Reload } from './Buttons';

export function Banner() {
  const { layout, position } = core.config.ui;
  const optOut = core.mode == 'opt-out';
  const modal = layout == 'modal';
  const policy = core.httpUrl(core.config.policyUrl);
  const customise = <Button text={t('banner.customise')} onClick={() => show('prefs')} warm />;
  const box = (
    <div
      class={`bn ${layout} ${position}`}
      role={modal ? 'dialog' : 'region'}
      aria-modal={modal ? 'true' : undefined}
      aria-labelledby="bt"
      // A modal takes focus itself: on "Accept all" it would be the one button with a focus ring.
      tabIndex={modal ? -1 : undefined}
      // Out of sight and out of reach while the dialog is open; back (and focusable) when it closes.
      hidden={state.prefs}
      inert={state.prefs}
      onKeyDown={modal ? trap() : undefined}
    >
      <div class="in">
        <div class="tx">
          <h2 id="bt">{t(optOut ? 'optout.title' : 'banner.title')}</h2>
          <p>
            {t(optOut ? 'optout.text' : 'banner.text')}{' '}
            {policy && <a href={policy}>{t('banner.policy')}</a>}
          </p>
          {optOut && core.signals.gpc && <p class="note">{t('optout.honoured')}</p>}
          {state.reload && <Reload />}
        </div>
        <div class={optOut ? 'bs oo' : 'bs'}>
          {optOut
            ? [<Button text={t('optout.button')} onClick={choose('reject-all')} />, customise, <Button text={t('optout.dismiss')} onClick={hideBanner} />]
            : [<AcceptAll />, <RejectAll />, customise]}
        </div>
      </div>
    </div>
  );
  return modal ? [<div class="back" hidden={state.prefs} />, box] : box;
}
