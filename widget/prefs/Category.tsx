/** One category of the dialog: its switch, what it is for, why a signal turned it off, and its vendors. */
import type { ResolvedCategory, Vendor as V } from '../../src/types';
import { catText, core, h, loc, set, state, t } from '../shared';
import { Switch } from './Switch';

/** A category's switch takes its vendors along, as `set()` does. */
function toggle(kind: 'categories' | 'vendors', id: string, on: boolean) {
  const d = JSON.parse(JSON.stringify(state.draft));
  d[kind][id] = on;
  if (kind == 'categories') for (const v of core.config.vendors) if (v.category == id) d.vendors[v.id] = on;
  set({ draft: d });
}

export function Category({ c, i }: { c: ResolvedCategory; i: number }) {
  const on = !!state.draft.categories[c.id];
  const signal = c.signals.filter((s) => core.signals[s])[0];
  const vendors = core.config.vendors.filter((v) => v.category == c.id);
  return (
    <div class="cat">
      <div class="row">
        <h3 id={'c' + i}>{catText(c, 'name')}</h3>
        <Switch on={on} label={'c' + i} disabled={c.required} set={(v) => toggle('categories', c.id, v)} />
      </div>
      <p>{catText(c, 'description')}</p>
      {signal && !on && <p class="note">{t('prefs.' + signal)}</p>}
      {vendors.length > 0 && (
        <details>
          <summary>{t('prefs.vendors', vendors.length)}</summary>
          <ul>
            {vendors.map((v, j) => (
              <Vendor v={v} id={`v${i}-${j}`} required={c.required} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** A vendor's facts, as a site's cookie notice lists them. */
function Vendor({ v, id, required }: { v: V; id: string; required: boolean }) {
  const facts: [string, string | undefined][] = [
    ['purpose', loc(v.purpose)],
    ['data', v.dataCollected && v.dataCollected.join(', ')],
    ['retention', v.retention],
    ['cookies', v.cookies && v.cookies.map((k) => k.name + (k.match == 'prefix' ? '*' : '') + (k.duration ? ` (${k.duration})` : '')).join(', ')],
  ];
  const link = (raw: string | undefined, key: string, url = core.httpUrl(raw)) =>
    url && (
      <a href={url} target="_blank" rel="noopener noreferrer">
        {t(key)}
        <span class="sr"> ({v.name})</span>
      </a>
    );
  return (
    <li class="v">
      <div class="row">
        <h4 id={id}>{v.name}</h4>
        {required ? (
          <span>{t('prefs.always')}</span>
        ) : (
          core.config.ui.vendorSwitches && <Switch on={!!state.draft.vendors[v.id]} label={id} set={(on) => toggle('vendors', v.id, on)} />
        )}
      </div>
      <dl>{facts.map(([k, val]) => val && [<dt>{t('vendor.' + k)}</dt>, <dd>{val}</dd>])}</dl>
      <p class="row">
        {link(v.privacyPolicyUrl, 'vendor.privacy')}
        {link(v.optOutUrl, 'vendor.optout')}
      </p>
    </li>
  );
}
