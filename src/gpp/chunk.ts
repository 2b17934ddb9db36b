/**
 * The GPP CMP API as a chunk of its own (dist/consentry-gpp.js), built on the
 * IAB's @iabgpp/cmpapi (its command handling, event queue and string encoder;
 * not its CmpApi wrapper, whose vendor-list client we do not need): only configurations with `gpp` load it, after the
 * loader's stub (stub.ts) has queued what tags asked. In a US region
 * (`data-region` "US" or "US-XX") it fills `usnat` and the state's section from
 * the decision, the configuration and the browser's GPC signal, then answers
 * the queue; elsewhere GPP is not applicable (applicableSections [-1]).
 *
 * Events come in the order the CMP API specification requires: at load
 * cmpStatus "loaded", then signalStatus "ready"; on each change signalStatus
 * "not ready", a sectionChange per section whose string changed, then (after
 * the banner's cmpDisplayStatus "hidden") signalStatus "ready": first and last,
 * as the spec requires. The GPP string is encoded afresh from the sections
 * every time it is read.
 */
import { CallResponder, CmpApiContext } from '@iabgpp/cmpapi';
import type { CoreHandle } from '../core';
import type { GppOptions } from '../types';
import { GPP_SECTIONS } from './sections';

/**
 * The adapter point for other sections (TCF's tcfeuv2 needs a CMP id registered
 * with IAB Europe; see the README): functions in `window.consentryGppAdapters`
 * are called once the chunk loads and on every change, inside the "not ready" …
 * "ready" bracket, and return the names of the sections they set (they may also
 * set the applicable sections, which are [-1] outside the US).
 */
export type GppAdapter = (cmp: CmpApiContext, core: CoreHandle) => string[] | void;

const w = window as any;
const core: CoreHandle = w.consentry.__core;
const o: GppOptions = core.config.gpp === true ? {} : core.config.gpp || {};
const sections: readonly string[] = o.sections || GPP_SECTIONS;
const id = (name: string) => GPP_SECTIONS.indexOf(name as any) + 7;
const region = (core.region || '').toUpperCase();
const us = /^US(-|$)/.test(region);
// usnat, then the state's own section: the last one filled is the one in force.
const names = us && core.config.gpp ? sections.filter((s) => s == 'usnat' || s == 'us' + region.slice(3).toLowerCase()) : [];
const adapters = (): GppAdapter[] => w.consentryGppAdapters || [];

// Calls made before now wait until the sections are filled (the library would answer them at once).
const queued: unknown[][] = w.__gpp().splice(0);
const cmp = new CmpApiContext();
cmp.cmpId = o.cmpId || 0;
cmp.cmpVersion = o.cmpVersion || 1;
cmp.supportedAPIs = sections.map((s) => id(s) + ':' + s);
new CallResponder(cmp);
{
  const api = w.__gpp;
  // Other code's calls: a tag's callback that throws is that tag's error, reported without
  // stopping the calls queued after it, the other listeners' events or this chunk; a command named
  // like an Object property ("constructor", from any frame by postMessage) is no command (the
  // library would find it on its table's prototype and throw): it fails like an unknown one.
  w.__gpp = (command: unknown, cb?: any, ...more: unknown[]) => {
    const tell =
      typeof cb == 'function'
        ? (...r: unknown[]) => {
            try {
              return cb(...r);
            } catch (e) {
              setTimeout(() => {
                throw e;
              });
            }
          }
        : cb;
    try {
      return typeof command == 'string' && command in {} ? tell(null, false) : api(command, tell, ...more);
    } catch (e) {
      setTimeout(() => {
        throw e;
      });
    }
  };
}
const model = cmp.gppModel;
/** Sets a status and fires its event, as the library's CmpApi does. */
const status = (k: 'cmpStatus' | 'cmpDisplayStatus' | 'signalStatus', v: string) => {
  (cmp as any)[k] = v;
  cmp.eventQueue.exec(k, v);
};

/** Notices: 1 given, 2 not given. Opt-outs: 1 opted out, 2 did not opt out. MSPA: 1 yes, 2 no, 0 not applicable. */
function fill(): string[] {
  const n = o.notices || {};
  const notice = (v?: boolean) => (v === false ? 2 : 1);
  const optOut = core.state().categories.advertising === true ? 2 : 1;
  const m = o.mspa || {};
  const mode = (x: string) => (m.covered ? (m.mode == x ? 1 : 2) : 0);
  const gpc = core.signals.gpc;
  const values: Record<string, unknown> = {
    SharingNotice: notice(n.privacy),
    ProcessingNotice: notice(n.privacy),
    SaleOptOutNotice: notice(n.sale),
    SharingOptOutNotice: notice(n.sharing),
    TargetedAdvertisingOptOutNotice: notice(n.targetedAdvertising),
    SaleOptOut: optOut,
    SharingOptOut: optOut,
    TargetedAdvertisingOptOut: optOut,
    MspaCoveredTransaction: m.covered ? 1 : 2,
    MspaOptOutOptionMode: mode('opt-out'),
    MspaServiceProviderMode: mode('service-provider'),
    Gpc: gpc,
  };
  for (const s of names) {
    model.setFieldValue(s, 'Version', 1);
    const fields = model.getSection(s);
    for (const k in values) if (k in fields) model.setFieldValue(s, k, values[k]);
    // Sections with a GPC sub-section always carry it: the signal is part of the decision.
    if ('Gpc' in fields) model.setFieldValue(s, 'GpcSegmentIncluded', true);
  }
  let changed: string[] = [];
  for (const a of adapters())
    try {
      changed = changed.concat(a(cmp, core) || []);
    } catch (e) {
      console.error('[consentry] GPP adapter: ' + (e as Error).message);
    }
  return names.concat(changed);
}

// The state's section when it has one, else usnat; outside the US none (an adapter may set its own).
cmp.applicableSections = names.length ? [id(names[names.length - 1])] : [-1];
let touched = fill();
for (const call of queued) w.__gpp(...call);
status('cmpStatus', 'loaded');
status('signalStatus', 'ready');

core.on('change', () => {
  const before = touched.map((s) => model.encodeSection(s));
  status('signalStatus', 'not ready');
  const was = touched;
  touched = fill();
  for (const s of touched) if (model.encodeSection(s) != before[was.indexOf(s)]) cmp.eventQueue.exec('sectionChange', s);
});
// "ready" closes the chain, after the banner closing on the same click: `hide` is heard right after
// the change that caused it (events.ts), and "ready" waits for the end of the task's listeners.
document.addEventListener('consentry:change', () => Promise.resolve().then(() => status('signalStatus', 'ready')));
core.on('show', () => status('cmpDisplayStatus', 'visible'));
core.on('hide', () => status('cmpDisplayStatus', 'hidden'));

// Frames find the CMP by the `__gppLocator` frame and ask through postMessage (CMP API 1.1).
function locator() {
  if (w.frames.__gppLocator) return;
  if (!document.body) return void setTimeout(locator, 10);
  const f = document.createElement('iframe');
  f.style.display = 'none';
  f.name = '__gppLocator';
  document.body.appendChild(f);
}
locator();
addEventListener('message', (e) => {
  let d = e.data;
  const text = typeof d == 'string';
  try {
    if (text) d = JSON.parse(d);
  } catch {
    return;
  }
  const c = d && d.__gppCall;
  if (!c || !e.source) return;
  w.__gpp(
    c.command,
    (returnValue: unknown, success: boolean) => {
      const r = { __gppReturn: { returnValue, success, callId: c.callId } };
      (e.source as Window).postMessage(text ? JSON.stringify(r) : r, '*');
    },
    c.parameter,
    c.version,
  );
});

w.consentry.__gpp = cmp;
