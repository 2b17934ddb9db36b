/** The three equal choices, and the reload offer that replaces nothing but adds one button. */
import { h } from './dom';
import { t } from './texts';
import { choose } from './actions';

export const Button = (p: { text: string; onClick: () => void; class?: string }) => (
  <button type="button" class={'b ' + (p.class || '')} onClick={p.onClick}>
    {p.text}
  </button>
);

export const AcceptAll = () => <Button text={t('banner.acceptAll')} onClick={choose('accept-all')} />;
export const RejectAll = () => <Button text={t('banner.rejectAll')} onClick={choose('reject-all')} />;

/** Tags that already ran stop only when the page reloads. */
export const Reload = () => (
  <div class="row">
    <p class="note">{t('reload.text')}</p>
    <Button class="rl" text={t('reload.button')} onClick={() => location.reload()} />
  </div>
);
