/** The small floating button that brings the dialog back after a choice. */
import { h } from './dom';
import { t } from './texts';
import { show, warm } from './actions';

export const Reopen = ({ hidden }: { hidden: boolean }) => (
  <button type="button" class="ro" hidden={hidden} aria-label={t('reopen')} onClick={() => show('prefs')} onPointerOver={warm} onFocus={warm}>
    <svg viewBox="0 0 24 24" aria-hidden="true">
      <path d="M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5Zm-4 7a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm1 6a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm6 0a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Z" />
    </svg>
  </button>
);
