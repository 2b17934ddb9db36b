/** The preferences dialog: one switch per category, Accept all, Reject all, Save. */
import { AcceptAll, Button, RejectAll, Reload, choose, closePrefs, core, h, state, t, trap } from '../shared';
import { Category } from './Category';

export function Prefs() {
  const d = core.decision();
  const policy = core.httpUrl(core.config.policyUrl);
  return [
    <div class="back" />,
    <div class="dlg" role="dialog" aria-modal="true" aria-labelledby="pt" tabIndex={-1} onKeyDown={trap(closePrefs)}>
      <div class="hd">
        <h2 id="pt">{t('prefs.title')}</h2>
        <button type="button" class="x" aria-label={t('prefs.close')} onClick={closePrefs}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M6 6l12 12M18 6 6 18" />
          </svg>
        </button>
      </div>
      <p>
        {t('prefs.text')} {policy && <a href={policy}>{t('banner.policy')}</a>}
      </p>
      {core.config.categories.map((c, i) => (
        <Category c={c} i={i} />
      ))}
      {/* Support staff find the visitor's records in the ledger by this id. */}
      <p class="meta">
        {d ? [`${t('prefs.id')}: ${d.id} · `, <span class="nw">{`${t('prefs.date')}: ${new Date(d.ts).toLocaleString(core.lang)}`}</span>] : t('prefs.none')}
      </p>
      {state.reload && <Reload />}
      <div class="bs">
        {/* In the banner's order: the visitor's pointer finds each where it was. */}
        <AcceptAll />
        <RejectAll />
        <Button text={t('prefs.save')} onClick={choose('custom')} />
      </div>
    </div>,
  ];
}
