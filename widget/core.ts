import type { CoreHandle } from '../src/core';
import type { Choice, UiOptions } from '../src/types';

/** The loader's core, handed over at run time so none of its code ships twice. */
export const core: CoreHandle = (window as any).consentry.__core;

/** Decides for the visitor through the public API, as any site code could. */
export const choose = (method: 'accept-all' | 'reject-all' | 'custom', draft?: Choice) => {
  const api = (window as any).consentry;
  method == 'custom' ? api.set(draft) : method == 'accept-all' ? api.acceptAll() : api.rejectAll();
};

// The look's defaults live here, not in the loader: only the widget reads them.
const ui: UiOptions = core.config.ui;
core.config.ui = {
  layout: 'bar',
  theme: 'auto',
  reopenButton: true,
  vendorSwitches: true,
  ...ui,
  position: ui.position || (ui.layout == 'box' ? 'bottom-right' : 'bottom'),
};
