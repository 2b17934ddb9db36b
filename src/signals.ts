/**
 * The browser's privacy signals, read exactly as the contract says: GPC is
 * `navigator.globalPrivacyControl === true`; DNT is any of the three historic
 * spellings equal to "1" or "yes".
 */
import type { Signals } from './types';

const on = (v: unknown) => v === '1' || v === 'yes';

export function readSignals(): Signals {
  const n = navigator as any;
  return {
    gpc: n.globalPrivacyControl === true,
    dnt: on(n.doNotTrack) || on((window as any).doNotTrack) || on(n.msDoNotTrack),
  };
}
