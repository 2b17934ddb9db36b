import type { CoreHandle } from '../src/core';

/** The loader's core, handed over at run time so none of its code ships twice. */
export const core: CoreHandle = (window as any).consentry.__core;
