/**
 * The `__gpp` stub (IAB GPP CMP API 1.1), in the loader because it must exist
 * before any tag asks: `ping` answers at once (cmpStatus "stub", and as the specification's
 * sample stub: no section in force yet, [-1]); every other
 * command waits in order until the GPP chunk (chunk.ts) has filled its sections
 * and answers them. Defined only for a configuration with `gpp`. The baked loader leaves this
 * module out (stub-baked.ts): `consentry bundle` appends stub-chunk.ts to it only when the
 * configuration has `gpp`.
 */
let on = false;
/** Whether our stub (not another tool's `__gpp`) is in place: the GPP chunk then answers it. */
export const stubbed = () => on;

export function gppStub() {
  const w = window as any;
  if (w.__gpp) return;
  on = true;
  const queue: unknown[][] = [];
  w.__gpp = (...a: any[]) =>
    // No command: the CMP API library takes the queue (its "events" call lands there too, and does nothing).
    !a.length ? queue
    : a[0] == 'ping'
      ? a[1]({ gppVersion: '1.1', cmpStatus: 'stub', cmpDisplayStatus: 'hidden', signalStatus: 'not ready', supportedAPIs: [], cmpId: 0, sectionList: [], applicableSections: [-1], gppString: '', parsedSections: {} }, true)
      : queue.push(a);
}

/**
 * GPP's stub must exist before any tag asks: the loader sets it up at once when the configuration
 * is here already (a look at the inline text is enough: a configuration without gpp just answers
 * "not applicable"); a fetched one gets it when it arrives (core.ts).
 */
export function gppEarly(baked: any, me: HTMLScriptElement) {
  if (baked ? baked.gpp : /"gpp"\s*:\s*[{t]/.test((document.getElementById('consentry-config') || me).textContent!)) gppStub();
}
