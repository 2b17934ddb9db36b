/**
 * dist/consentry-gpp-stub.js: what `consentry bundle` appends to the baked loader of a
 * configuration with `gpp`, so the stub exists before the page's first tag asks.
 */
import { gppStub, stubbed } from './stub';

gppStub();
if (stubbed()) (window as any).consentry.__gppStub = 1;
