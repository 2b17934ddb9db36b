// The flags every suite and the scanner start Chromium with (scanner/chromium-args.mjs) against
// the Chromium and Playwright installed: Chromium keeps only the last --disable-features and
// --enable-features, so ours must carry every feature Playwright's own lists carry.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { baseArgs, executablePath, gpcArgs } from '../support/chromium.mjs';

/** The features the browser process was started with: the last of each switch, as Chromium reads it. */
async function featuresOf(args) {
  const server = await chromium.launchServer({ executablePath, args });
  try {
    const argv = readFileSync(`/proc/${server.process().pid}/cmdline`, 'utf8').split('\0');
    const last = (name) => (argv.findLast((a) => a.startsWith(`--${name}=`)) || '').replace(/^[^=]*=/, '').split(',').filter(Boolean);
    return { disabled: last('disable-features'), enabled: last('enable-features') };
  } finally {
    await server.close();
  }
}

describe('the flags Chromium starts with', () => {
  it("keep every feature Playwright disables or enables, and add ours", async () => {
    const playwright = await featuresOf([]);
    const base = await featuresOf(baseArgs);
    const gpc = await featuresOf(gpcArgs);
    for (const f of playwright.disabled) {
      assert.ok(base.disabled.includes(f), `baseArgs drop Playwright's --disable-features ${f}`);
      assert.ok(gpc.disabled.includes(f), `gpcArgs drop Playwright's --disable-features ${f}`);
    }
    for (const f of playwright.enabled) assert.ok(gpc.enabled.includes(f), `gpcArgs drop Playwright's --enable-features ${f}`);
    assert.ok(base.disabled.includes('WebUIOmniboxPopup'));
    assert.ok(gpc.enabled.includes('GlobalPrivacyControlForce'));
  });

  it('open a browser context without a page for the address bar', async () => {
    const browser = await chromium.launch({ executablePath, args: baseArgs });
    try {
      const context = await browser.newContext();
      await (await context.newPage()).goto('data:text/html,hello');
      const { targetInfos } = await (await browser.newBrowserCDPSession()).send('Target.getTargets');
      assert.deepEqual(targetInfos.map((t) => t.type + ' ' + t.url), ['page data:text/html,hello']);
    } finally {
      await browser.close();
    }
  });
});
