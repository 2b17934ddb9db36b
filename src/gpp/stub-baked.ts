/**
 * The GPP stub as the baked loader sees it (rollup.config.mjs puts this module in place of
 * stub.ts for dist/consentry.baked.js): `consentry bundle` appended the stub itself
 * (stub-chunk.ts) when the configuration has `gpp`, so the loader carries no stub code.
 */
export const gppStub = () => {};
export const gppEarly = (_baked: unknown, _me: unknown) => {};
export const stubbed = () => !!(window as any).consentry.__gppStub;
