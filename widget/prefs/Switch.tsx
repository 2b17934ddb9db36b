/** An on/off switch named by the visible heading it sits beside. */
import { h } from '../shared';
export const Switch = (p: { on: boolean; label: string; disabled?: boolean; set: (on: boolean) => void }) => (
  <button type="button" class="sw" role="switch" aria-checked={String(p.on) as 'true'} aria-labelledby={p.label} disabled={p.disabled} onClick={() => p.set(!p.on)} />
);
