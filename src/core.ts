/**
 * The flow of a decision: config → decision → gate + store + beacon → UI.
 * This module owns the page's consent state and is the only one that changes it.
 */
import type { Choice, ConsentryApi, Decision, EventName, Method, Mode, ResolvedConfig, Signals } from './types';
import type { Validator } from './config';
// The baked loader (rollup.config.mjs) swaps this module for one without fetching and checking,
// which fetches the rest of its configuration instead.
import { fetchRest, loadConfig, preDefault, withRest } from './config-load';
import { acceptAll, Allowed, apply, current, decision, defaults, deniedBySignal, modeFor, newId, rejectAll } from './decision';
import { readSignals } from './signals';
import * as store from './store';
import { LANGS, pickLang } from './lang';
import { emit, on } from './events';
import { addScript } from './script';
import { chunk } from './release';
import { startGate } from './gate';
import { httpUrl } from './url';
import { gppStub, stubbed } from './gpp/stub';
// What records a decision (the decision, the cookie, the ledger's record) is in the loader, so that
// every API call applies in its own task, a returning visitor's too: `set(); location.reload()`
// keeps the choice.
import { flush, pageUrl, send } from './beacon';

export interface Options {
  /** The configuration itself (what `consentry bundle` bakes in). */
  config?: unknown;
  /** URL of the JSON configuration, when `config` is not given and there is no inline element. */
  configUrl?: string | null;
  lang?: string | null;
  region?: string | null;
  beaconUrl?: string | null;
  nonce?: string;
  /** Base URL of the widget chunk and its language files. */
  assetBase: string;
  /** Supplies the configuration check (the loader fetches it as a chunk, in parallel with the configuration). */
  validator: () => Promise<Validator>;
  /** Check `config` too (the ES module's; a baked one was checked by `consentry bundle`). */
  checkConfig?: boolean;
}

/** What the widget chunk gets at run time (as `window.consentry.__core`), so no core code ships twice. */
export interface CoreHandle {
  config: ResolvedConfig;
  /** The configuration's first problem, or null. */
  error: string | null;
  mode: Mode;
  /** data-region, as given. */
  region?: string | null;
  signals: Signals;
  lang: string;
  nonce: string;
  /** The stored decision, if it still applies. */
  decision(): Decision | null;
  /** What is allowed now: the decision, or the defaults before one. */
  state(): Allowed;
  /** True when a tag that ran on this page is now denied: only a reload stops it. */
  reloadNeeded(): boolean;
  on: typeof on;
  emit: typeof emit;
  /** URL of a file beside the loader. */
  asset(name: string): string;
  /** Adds a script carrying the loader's nonce. */
  load(src: string): Promise<void>;
  /** Loads one of our chunks that reads the whole configuration (texts, vendor facts): the rest of a baked one runs first. */
  need(name: string): Promise<void>;
  /** The check of a URL from the configuration (url.ts), for the widget's links. */
  httpUrl: typeof httpUrl;
  /** Set by the widget chunk when it runs. */
  ui?: { show(view: 'banner' | 'prefs'): void };
  /** The visitor's built-in language file, loading (ui() starts it), if it is not English. */
  i18n?: Promise<void>;
}

let core: CoreHandle;
let stored: Decision | null = null;
let consentId = '';
let beaconUrl = '';
/** What the gate releases: it lags a new decision until the ledger acknowledges it. */
let released: Allowed = { categories: {}, vendors: {} };
let ranDenied = false;
/** The vendors a stored choice that no longer applies allowed (a new revision, a new signal): the next decision withdraws them. */
let old: Record<string, boolean> = {};
let pending = 0;
let widget: Promise<NonNullable<CoreHandle['ui']>> | null = null;
let placeholders: Promise<void> | null = null;
let cleanup: Promise<void> | null = null;
/** Google Consent Mode, when the configuration turns it on (a chunk: see consent-mode-chunk.ts). */
let consentMode: typeof import('./consent-mode') | undefined;
/** Vendors' own consent switches, when a vendor has `consentApi` (a chunk: see vendor-apis/chunk.ts). */
let vendorApis: typeof import('./vendor-apis/chunk').vendorApis | undefined;
const queued: (() => void)[] = [];
const runQueued = () => {
  for (const fn of queued.splice(0)) fn();
};

function state(): Allowed {
  if (core.error) return rejectAll(core.config); // an invalid configuration fails closed
  return stored || defaults(core.config, core.mode, core.signals);
}

/** Every Allowed lists required categories and their vendors as true (decision.ts expand); `=== true`, as "constructor" is no grant. */
const isAllowed = (a: Allowed, id: string) => a.categories[id] === true || a.vendors[id] === true;

function setReleased(a: Allowed) {
  released = a;
  gate._update();
}

/** After the state changed: delete what withdrawn vendors left, tell Consent Mode. */
function changed(before: Allowed): Allowed {
  const now = state();
  const lost = (a: Record<string, boolean>, b: Record<string, boolean>) => Object.keys(a).filter((id) => a[id] && !b[id]);
  const vendors = lost(before.vendors, now.vendors).concat(lost(old, now.vendors));
  const gone = core.config.vendors.filter((v) => vendors.includes(v.id));
  // Only a withdrawal needs the cleanup, so it is a chunk (cleanup-chunk.ts), fetched then.
  if (gone.length)
    (cleanup ||= core.need('consentry-cleanup.js')).then(() => api.__cleanup!(gone), failed);
  // A tag that already ran keeps running until the page reloads; the widget offers that reload.
  if (vendors.concat(lost(before.categories, now.categories)).some(gate._ran)) ranDenied = true;
  consentMode && consentMode.consentUpdate(core.config, now);
  vendorApis && vendorApis.update(core.config, now);
  return now;
}

/** Records a decision: cookie, cleanup, events, beacon, then the gate. */
function decide(a: Allowed, method: Method) {
  const before = state();
  const last = stored && stored.ts;
  stored = decision(core.config, a, method, core.signals, (consentId ||= newId()));
  // The ledger keeps one record per consent id and time: two calls in one millisecond are two decisions.
  if (last && stored.ts <= last) stored.ts = new Date(Date.parse(last) + 1).toISOString();
  store.write(stored, core.config);
  const now = changed(before);
  const token = ++pending;
  const acked = beaconUrl && send(beaconUrl, { v: 1, ...stored, url: pageUrl(), lang: core.lang });
  const release = () => token == pending && setReleased(state());
  // Nothing to wait for (no beacon, or waitMs 0): one pass of the gate, in the click's own task,
  // releases the tags before anything else (listeners, the widget's re-render) runs.
  if (!acked || !core.config.beacon.waitMs) release();
  else {
    // Withdrawals apply at once; what the decision newly allows waits for the ledger, briefly.
    const narrowed: Allowed = { categories: {}, vendors: {} };
    for (const k of ['categories', 'vendors'] as const) for (const id in now[k]) narrowed[k][id] = now[k][id] && released[k][id];
    setReleased(narrowed);
    // An answer that is no 2xx (an error status, the network down) acknowledges nothing: the tags
    // wait out waitMs, as for no answer, and the record stays queued.
    Promise.race([acked.then((ok) => ok || new Promise(() => {})), new Promise((r) => setTimeout(r, core.config.beacon.waitMs))]).then(release);
  }
  // Listeners (the widget re-rendering among them) hear of it after the tags are on their way.
  emit('change', get());
}

// Not where there is no document (the ES module imported by a server's render): init() is for browsers.
const gate: ReturnType<typeof startGate> = typeof document == 'object' ? startGate({
  // The gate asks before it holds or passes a vendor's URL or tag. The vendor's snippet made its
  // queue before giving its script a URL: its consent default goes in first.
  _allowed: (id) => (vendorApis && vendorApis.defaults(core.config, state(), stored, id), isAllowed(released, id)),
  // The visitor's recorded choice is what the gate releases (not a lag for the ledger): refused means refused.
  _final: () => released == stored,
  _placeholder: (frame, id) =>
    (placeholders ||= core.need('consentry-placeholder.js')).then(() =>
      // Its button grants the vendor, or the category when no vendor claims the tag.
      api.__placeholder!(frame, id, core.config, core.lang, core.nonce, (id) =>
        set({ [core.config.vendors.some((v) => v.id == id) ? 'vendors' : 'categories']: { [id]: true } }),
      ),
    ),
}) : ({} as any);

/** Runs `fn` now if the configuration is loaded, else once it is. */
function whenReady(fn: () => void) {
  if (core) return fn();
  queued.push(fn);
}

export function get(): Decision | null {
  // An invalid configuration fails closed for site code too: what it reads is what runs
  // (the choice itself is stored and recorded, and applies once the configuration is fixed).
  return stored && JSON.parse(JSON.stringify(core.error ? { ...stored, ...state() } : stored));
}
export const allowed = (id: string) => !!core && isAllowed(state(), id);
const acceptAllFn = () => whenReady(() => decide(acceptAll(core.config, core.signals), 'accept-all'));
const rejectAllFn = () => whenReady(() => decide(rejectAll(core.config), 'reject-all'));
/** Whether `m` sets any of `list` to true or false. */
const names = (m: any, list: { id: string }[]) => !!m && list.some((x) => typeof m[x.id] == 'boolean');
export function set(choice: Choice) {
  whenReady(() => {
    const c = choice || {};
    // set(), set({}) or set({ categories: { performance: "yes" } }) from careless code would record
    // a "custom" decision the visitor never made, and hide the banner that should ask them.
    if (names(c.categories, core.config.categories) || names(c.vendors, core.config.vendors)) decide(apply(core.config, state(), c), 'custom');
    else console.error('[consentry] set(): names no category or vendor; nothing changed');
  });
}
export function reset() {
  whenReady(() => {
    const before = state();
    store.clear(core.config);
    stored = null;
    consentId = '';
    setReleased(changed(before));
    emit('change', get());
    firstView();
  });
}
export const show = (): Promise<void> =>
  new Promise((done) => whenReady(done as () => void))
    .then(ui)
    .then((u) => u.show('prefs'), () => {});
export { on };

function ui() {
  // The banner's language file comes in parallel, not after the widget asks for it; the widget
  // waits for it and handles its failure (widget/texts.ts). (English, LANGS[0], is inside the widget.)
  if (LANGS.indexOf(core.lang) > 0) (core.i18n = core.load(core.asset(`consentry-i18n-${core.lang}.js`))).catch(() => {});
  return (widget ||= core.need('consentry-widget.js').then(() => (api.__widget!(), core.ui!)));
}

/** Whether a first view records the opt-out region's default (firstView). */
const recordsDefault = () => core.mode == 'opt-out' && !core.error;

/** No decision applies yet: opt-out regions record the default, everyone sees the banner. */
function firstView() {
  if (recordsDefault()) {
    const a = defaults(core.config, 'opt-out', core.signals);
    const bySignal = core.config.categories.some((c) => !c.required && deniedBySignal(c, core.signals));
    decide(a, bySignal ? 'signal' : 'opt-out-default');
  }
  ui().then(
    // Not over a choice the site made through the API while the widget downloaded.
    (u) => (!stored || store.METHODS.indexOf(stored.method) > 2) && u.show('banner'),
    // The message names the widget chunk's URL.
    failed,
  );
}

const failed = (e: Error) => console.error('[consentry] ' + e.message);

/** A cookie-notice page's `<div data-consentry-declaration>` gets the declaration chunk; other pages pay nothing. */
const declaration = () => document.querySelector('[data-consentry-declaration]') && core.need('consentry-declaration.js').catch(failed);

export async function start(opts: Options): Promise<CoreHandle> {
  const nonce = opts.nonce || '';
  // Our own requests (widget, configuration, validator) leave before the gate's set-up, which
  // takes the loader's longest stretch of a slow CPU and needs none of them. A first visit's
  // widget downloads while the configuration does and waits for its check, not after them.
  // Without a cookie holding a decision of ours (store.ts: `1.<uuid>.…`) there is none to find,
  // whatever the configuration names its cookie.
  // (The widget chunk only registers itself when it runs; ui() starts it.)
  const first = !/=1\.[\da-f-]{36}\./.test(store.jar());
  if (first) addScript(chunk('consentry-widget.js', opts.assetBase), nonce).catch(() => {});
  // A baked configuration's texts too: the widget runs once both are in (need() below).
  fetchRest(opts.assetBase, nonce, first);
  const loading = loadConfig(opts.config, opts.configUrl || null, opts.validator, opts.checkConfig);
  // Where our own files and records go is no third party: the ES module's options too.
  gate._start(nonce, [opts.assetBase, opts.configUrl, opts.beaconUrl]);
  // A footer "Cookie Preferences" link works whenever it is clicked: inside a component's shadow
  // root too (the click's path, not its retargeted target), and heard before the page's own
  // handlers, one of which may stop the click on its way up.
  document.addEventListener(
    'click',
    (e) => e.composedPath().some((t: any) => t.matches && t.matches('[data-consentry-open]')) && (e.preventDefault(), show()),
    true,
  );
  const { config, error } = await loading;
  const html = document.documentElement.lang;
  const signals = readSignals();
  // A server's template may leave spaces around its geo header's value.
  const region = (opts.region || '').trim();
  // Published as `core` only once complete: until then API calls wait in `queued`.
  const c: CoreHandle = {
    config,
    error,
    mode: modeFor(config, region),
    region,
    signals,
    lang: pickLang([opts.lang, html, ...(navigator.languages || [])], Object.keys(config.texts)),
    nonce,
    decision: get,
    state,
    reloadNeeded: () => ranDenied,
    on,
    emit,
    asset: (name) => chunk(name, opts.assetBase),
    load: (src) => addScript(src, nonce),
    need: (name) => withRest(c.asset(name), nonce),
    httpUrl,
  };
  // beacon.url was validated; data-beacon was not: a javascript: or data: URL there is refused
  // like a bad field (nothing could record the decisions), naming the attribute.
  beaconUrl = httpUrl(opts.beaconUrl || config.beacon.url);
  if (opts.beaconUrl && !beaconUrl) c.error = 'data-beacon: not an http(s) URL';
  // Without these defaults Google's and other vendors' tags would assume "granted": fail closed.
  const need = (on: unknown, have: unknown, name: string) =>
    on && !have && c.load(c.asset(name)).catch((e) => {
      c.error = '(root): ' + e.message;
    });
  const gcm = need(config.googleConsentMode, api.__consentMode, 'consentry-consent-mode.js');
  await need(config.vendors.some((v) => v.consentApi), api.__vendorApis, 'consentry-vendor-apis.js');
  await gcm;
  if (config.gpp) gppStub();
  if (c.error) console.error('[consentry] configuration problem, only required categories run: ' + c.error);
  consentMode = api.__consentMode;
  core = c;
  vendorApis = api.__vendorApis;
  const prev = store.read(config);
  stored = !core.error && current(prev, config, core.mode, signals) ? prev : null;
  if (!stored && prev) {
    old = prev.vendors;
    // A new revision asks again and, until the visitor answers, only required runs: in an opt-out
    // region too once they had chosen there (its default would undo their "Do not sell").
    if (prev.revision != config.revision && store.METHODS.indexOf(prev.method) < 3) core.mode = 'opt-in';
  }
  // A first view in an opt-out region records its default at once (firstView): its update is the one.
  consentMode && consentMode.consentDefault(config, state(), region, stored, preDefault, !stored && recordsDefault());
  vendorApis && vendorApis.defaults(config, state(), stored);
  // A returning visitor's tags run at once; a first view's wait for its decision to be recorded.
  released = stored ? state() : rejectAll(config);
  gate._rules(config);
  // The widget reads it when it runs.
  api.__core = core;
  // (Started here; firstView() below shows it, or logs why it could not.)
  if (!stored) ui().catch(() => {});
  // Records an earlier page could not deliver go out now.
  if (beaconUrl) flush(beaconUrl);
  // Keep the consent id across a re-prompt so the ledger links old and new decisions.
  consentId = prev ? prev.id : '';
  // The GPP chunk answers what the stub queued; it delays nothing.
  if (stubbed()) core.load(core.asset('consentry-gpp.js')).catch(failed);
  // Now, and again once the page is parsed (the chunk is fetched once).
  declaration();
  document.addEventListener('DOMContentLoaded', declaration);
  // Ready first: what follows (API calls made before it, an opt-out region's default) is a change.
  // A late subscriber hears the decision in force when it subscribes.
  emit('ready', get(), get);
  runQueued();
  // Not after a choice the site made in the meantime (queued, or in a ready listener).
  if (!stored) firstView();
  return core;
}

export const api: ConsentryApi & {
  __core?: CoreHandle;
  __placeholder?: typeof import('./gate/placeholder').placeholder;
  __cleanup?: typeof import('./cleanup').deleteCookies;
  __consentMode?: typeof import('./consent-mode');
  __vendorApis?: typeof import('./vendor-apis/chunk').vendorApis;
  /** Merges in the rest of a baked configuration (config-load-baked.ts), before any chunk reads it. */
  __more?: (rest: Record<string, any>) => void;
  /** Set by the GPP stub a baked loader carries (gpp/stub-chunk.ts). */
  __gppStub?: number;
  /** Starts the widget chunk (dist/consentry-widget.js defines it). */
  __widget?: () => void;
} = {
  get,
  allowed,
  acceptAll: acceptAllFn,
  rejectAll: rejectAllFn,
  set,
  reset,
  show,
  on: on as ConsentryApi['on'],
};

export type { EventName };
