/**
 * INTERFACE ONLY — being replaced by the tag gate (issue 3).
 * Holds every gated tag until `host.allowed(target)` says yes.
 */
import type { ResolvedConfig } from '../types';

export interface GateHost {
  /** Whether a category or vendor id is released for tags now. */
  allowed(target: string): boolean;
  /** The visitor allowed one vendor from a placeholder. */
  grant(vendorId: string): void;
}

export interface Gate {
  /** Installs the interception; called synchronously by the loader, before any config is known. */
  start(nonce: string): void;
  /** The configuration is known: vendors' hosts, required categories, autoBlock. */
  rules(config: ResolvedConfig): void;
  /** Re-evaluates every held element against `host.allowed` and releases what is allowed. */
  update(): void;
  /** Whether a tag of this vendor (or category) ran on this page. */
  ran(id: string): boolean;
}

export function startGate(host: GateHost): Gate {
  return { start() {}, rules() {}, update() {}, ran: () => false };
}
