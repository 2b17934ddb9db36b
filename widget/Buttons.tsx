/** The three equal choices, and the reload offer that replaces nothing but adds one button. */
import { h } from './dom';
import { t } from './texts';
import { choose, warm } from './actions';

/** `warm`: the button opens the dialog, whose chunk starts downloading as the visitor reaches for it. */
export const Button = (p: { text: string; onClick: () => void; class?: string; warm?: boolean }) => (
  <button type="button" class={'b ' + (p.class || '')} onClick={p.onClick} onPointerOver={p.warm && warm} onFocus={p.warm && warm}>
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
