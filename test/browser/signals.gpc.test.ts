import { expect } from '@esm-bundle/chai';

describe('a browser sending Global Privacy Control', () => {
  it('exposes navigator.globalPrivacyControl === true', () => {
    expect((navigator as any).globalPrivacyControl).to.equal(true);
  });
});
