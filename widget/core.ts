import type { CoreHandle } from '../src/core';
import type { UiOptions } from '../src/types';

/** The loader's core, handed over at run time so none of its code ships twice. */
export const core: CoreHandle = (window as any).consentry.__core;

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
