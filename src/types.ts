/**
 * The shapes of Consentry's public contract, described once. The JSON Schema
 * (consentry.schema.json), the runtime check (validate.ts) and the README's
 * config reference are tested against each other, not copied by hand.
 */

export type Mode = 'opt-in' | 'opt-out';
export type Signal = 'gpc' | 'dnt';
export type Method = 'accept-all' | 'reject-all' | 'custom' | 'signal' | 'opt-out-default';
/** A text in several languages (`{ "en": "…", "de": "…" }`) or one string for all. */
export type Localized = string | Record<string, string>;

export interface Category {
  id: string;
  /** Always allowed; no choice needed, shown as on and disabled. */
  required?: boolean;
  /** Browser privacy signals that deny this category by default. */
  signals?: Signal[];
  name?: Localized;
  description?: Localized;
}

export interface VendorCookie {
  name: string;
  /** How `name` matches a cookie's name. Default `exact`. */
  match?: 'exact' | 'prefix' | 'regex';
  duration?: string;
}

export interface Vendor {
  id: string;
  name: string;
  category: string;
  purpose?: Localized;
  /** Hosts whose scripts, iframes and images belong to this vendor: `cdn.example.com` or `*.example.com`. */
  hosts?: string[];
  cookies?: VendorCookie[];
  dataCollected?: string[];
  retention?: string;
  privacyPolicyUrl?: string;
  optOutUrl?: string;
  /** The vendor's own consent switch, told the vendor's state before its first request and on every change (docs/ad-tech.md). */
  consentApi?: ConsentApi;
}

/** Vendors with a consent switch of their own (src/vendor-apis). */
export type ConsentApi = (typeof import('./vendor-apis/names').CONSENT_APIS)[number];

/** IAB Global Privacy Platform (src/gpp). */
export interface GppOptions {
  /** Sections to fill: `usnat` and state sections (`usca`, `usva`, …). Default: all supported. */
  sections?: GppSection[];
  /** Whether the site gave each notice. Default: all true. */
  notices?: { privacy?: boolean; sale?: boolean; sharing?: boolean; targetedAdvertising?: boolean };
  /** Multi-State Privacy Agreement: covered transactions, and in which mode. Default: not covered. */
  mspa?: { covered?: boolean; mode?: 'opt-out' | 'service-provider' };
  /** IAB-assigned CMP id (0 until one is registered) and the CMP's version. */
  cmpId?: number;
  cmpVersion?: number;
}

export type GppSection = (typeof import('./gpp/sections').GPP_SECTIONS)[number];

export interface GoogleConsentModeOptions {
  /** Milliseconds Google tags wait for an update before using the defaults. Default 500. */
  waitForUpdate?: number;
  adsDataRedaction?: boolean;
  urlPassthrough?: boolean;
}

export interface UiOptions {
  /** Banner layout. Default `bar`. */
  layout?: 'bar' | 'box' | 'modal';
  /** Where a bar or box sits. Default `bottom` (bar), `bottom-right` (box). */
  position?: 'top' | 'bottom' | 'bottom-left' | 'bottom-right';
  /** Colour theme. Default `auto` (follows the visitor's system setting). */
  theme?: 'light' | 'dark' | 'auto';
  /** Show the floating reopen button after a choice. Default true. */
  reopenButton?: boolean;
  /** Offer a switch per vendor in the preferences dialog. Default true. */
  vendorSwitches?: boolean;
}

export interface Config {
  revision: number;
  policyUrl?: string;
  mode?: { default: Mode; regions?: Record<string, Mode> };
  categories?: Category[];
  vendors?: Vendor[];
  cookie?: { name?: string; expiresDays?: number; domain?: string };
  beacon?: { url?: string; waitMs?: number };
  googleConsentMode?: boolean | GoogleConsentModeOptions;
  autoBlock?: { unknownHosts?: 'allow' | 'block' };
  texts?: Record<string, Record<string, string>>;
  ui?: UiOptions;
  gpp?: boolean | GppOptions;
}

/** A configuration with every default filled in; what the rest of the code reads. */
export interface ResolvedConfig {
  revision: number;
  policyUrl: string;
  mode: { default: Mode; regions: Record<string, Mode> };
  categories: ResolvedCategory[];
  vendors: Vendor[];
  cookie: { name: string; expiresDays: number; domain: string };
  beacon: { url: string; waitMs: number };
  googleConsentMode: GoogleConsentModeOptions | null;
  autoBlock: { unknownHosts: 'allow' | 'block' };
  texts: Record<string, Record<string, string>>;
  /** As configured; the GPP chunk reads it (src/gpp/chunk.ts). */
  gpp?: boolean | GppOptions;
  /** As configured in the loader; the widget fills in its defaults when it starts (widget/core.ts). */
  ui: Required<Pick<UiOptions, 'layout' | 'theme' | 'reopenButton' | 'vendorSwitches'>> & { position: NonNullable<UiOptions['position']> };
}

export interface ResolvedCategory {
  id: string;
  required: boolean;
  signals: Signal[];
  name?: Localized;
  description?: Localized;
}

export interface Signals {
  gpc: boolean;
  dnt: boolean;
}

/** What the visitor (or a signal, or the opt-out default) decided. */
export interface Decision {
  /** Random consent id, never derived from the visitor. */
  id: string;
  /** ISO time of the decision. */
  ts: string;
  revision: number;
  categories: Record<string, boolean>;
  vendors: Record<string, boolean>;
  method: Method;
  signals: Signals;
}

/** The record sent to the beacon endpoint (contract section 6). */
export interface ConsentRecord extends Decision {
  v: 1;
  /** Page origin and path only. */
  url: string;
  lang: string;
}

/** What `set()` takes: the categories and vendors to change; the rest keep their state. */
export interface Choice {
  categories?: Record<string, boolean>;
  vendors?: Record<string, boolean>;
}

/** What each event's listener receives. */
export interface EventMap {
  /** Once, when the configuration is known: the stored decision, or null before one. */
  ready: Decision | null;
  /** After every decision, withdrawal or reset: the new decision, or null after `reset()`. */
  change: Decision | null;
  /** The widget opened the banner or the preferences dialog. */
  show: 'banner' | 'prefs';
  /** The widget closed the banner or the preferences dialog. */
  hide: 'banner' | 'prefs';
}

export type EventName = keyof EventMap;

/** The public API: `window.consentry` and the ES module's exports. */
export interface ConsentryApi {
  get(): Decision | null;
  allowed(id: string): boolean;
  acceptAll(): void;
  rejectAll(): void;
  set(choice: Choice): void;
  reset(): void;
  show(): Promise<void>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<K extends EventName>(event: K, fn: (detail: EventMap[K]) => void): () => void;
}

declare global {
  interface Window {
    /** The API of the loader script (`<script src="/consentry.js">`), or of `init()`; absent until one has run. */
    consentry?: ConsentryApi;
  }
  interface DocumentEventMap {
    /** Each change, with the new decision (null after `reset()`) as `detail`. */
    'consentry:change': CustomEvent<Decision | null>;
  }
}
