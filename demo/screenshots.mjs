// npm run screenshots: each demo page's banner, preferences dialog (as opened, and with every
// vendor list expanded and scrolled) and blocked-iframe placeholder, light and dark, desktop and
// mobile (390 px; the banner also at 320 px), placeholders in unstyled iframes, a German
// visitor's opt-out notice, dialog and placeholder, the dialog on a phone held sideways, a focus
// ring, and the cookie declarations on a dark system, written to demo/screenshots/. Starts the demo in-process on free ports.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { baseArgs, executablePath } from '../test/support/chromium.mjs';
import { SITES, startDemo } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'screenshots');
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } };
const NARROW = { width: 320, height: 640 };
const SCHEMES = ['light', 'dark'];

mkdirSync(out, { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), 'consentry-shots-'));
const demo = await startDemo({ port: 0, ledgerPort: 0, db: join(tmp, 'ledger.db'), adminToken: 'screenshots' });
const browser = await chromium.launch({ executablePath, args: baseArgs });
const problems = [];
let written = 0;

async function shoot(page, name) {
  await page.screenshot({ path: join(out, `${name}.png`) });
  written++;
}

try {
  const jobs = [];
  for (const site of Object.keys(SITES))
    for (const region of site === 'nimbus' ? ['DE', 'US'] : ['DE'])
      for (const colorScheme of SCHEMES)
        for (const [vp, viewport] of Object.entries(VIEWPORTS)) jobs.push({ site, region, colorScheme, vp, viewport });

  // A few at a time: each job is its own context (a first visit), so they do not share choices.
  const run = async ({ site, region, colorScheme, vp, viewport }) => {
    const context = await browser.newContext({ colorScheme, viewport, reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`${site} ${vp} ${colorScheme}: page error: ${e.message}`));
    const base = `${site}${region === 'DE' ? '' : '-' + region.toLowerCase()}-${colorScheme}-${vp}`;
    try {
      await page.goto(`${demo.url}/${site}/?region=${region}`);
      const banner = page.getByRole('button', { name: /Reject all|Accept all|Do not sell/i }).first();
      await banner.waitFor({ timeout: 5000 }).catch(() => problems.push(`${base}: no banner button appeared`));
      await page.waitForTimeout(300); // let an entrance transition settle
      await shoot(page, `${base}-banner`);
      // A page with an embed: its placeholder beside the banner, as a first visitor sees them.
      const frame = page.locator('iframe[data-src]').first();
      if (await frame.count()) {
        await frame.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await page.frameLocator('iframe[data-src] >> nth=0').locator('button').waitFor({ timeout: 5000 }).catch(() => problems.push(`${base}: no placeholder button`));
        await shoot(page, `${base}-placeholder`);
        await page.evaluate(() => scrollTo(0, 0));
      }
      // The banner may cover the footer link; the API opens the same dialog.
      await page.evaluate(() => window.consentry.show());
      const dialog = page.getByRole('dialog');
      await dialog.waitFor({ timeout: 5000 }).catch(() => problems.push(`${base}: no dialog after "Cookie Preferences"`));
      await page.waitForTimeout(300);
      await shoot(page, `${base}-dialog`);
      // Every vendor list open and the body scrolled halfway: the actions stay in view.
      await page.evaluate(() => {
        const root = document.getElementById('consentry-ui').shadowRoot;
        root.querySelectorAll('details').forEach((d) => (d.open = true));
        const dlg = root.querySelector('.dlg');
        dlg.scrollTop = (dlg.scrollHeight - dlg.clientHeight) / 2;
      });
      await page.waitForTimeout(100);
      await shoot(page, `${base}-dialog-vendors`);
    } catch (e) {
      problems.push(`${base}: ${e.message.split('\n')[0]}`);
    } finally {
      await context.close();
    }
  };
  const queue = jobs.slice();
  await Promise.all([1, 2, 3, 4].map(async () => {
    while (queue.length) await run(queue.shift());
  }));

  // The narrowest phone: three buttons stacked at equal width.
  for (const colorScheme of SCHEMES) {
    const context = await browser.newContext({ colorScheme, viewport: NARROW, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${demo.url}/flockbird/?region=DE`);
    await page.getByRole('button', { name: /Reject all/i }).first().waitFor({ timeout: 5000 }).catch(() => problems.push('narrow: no banner'));
    await shoot(page, `flockbird-${colorScheme}-narrow-banner`);
    await context.close();
  }

  // As a German visitor sees them (data-lang="de" on the embed tag, as a site's German pages
  // would write it): the opt-out notice on a desktop, the dialog with every vendor list open on
  // a phone, and the placeholder; the dialog on a phone held sideways; a banner button's focus
  // ring; each site's cookie declaration on a dark system.
  const german = (page) =>
    page.route(/\/(flockbird|nimbus|wirewell)\/(\?.*)?$/, async (route) => {
      const response = await route.fetch();
      route.fulfill({ response, body: (await response.text()).replace('<script src="/consentry.js"', '<script data-lang="de" src="/consentry.js"') });
    });
  const openAll = (page, half = true) =>
    page.evaluate((half) => {
      const root = document.getElementById('consentry-ui').shadowRoot;
      root.querySelectorAll('details').forEach((d) => (d.open = true));
      const dlg = root.querySelector('.dlg');
      dlg.scrollTop = half ? (dlg.scrollHeight - dlg.clientHeight) / 2 : dlg.scrollHeight;
    }, half);
  for (const [name, site, region, viewport, then] of [
    ['nimbus-us-de-light-desktop-banner', 'nimbus', 'US', VIEWPORTS.desktop, null],
    ['flockbird-de-light-mobile-dialog-vendors', 'flockbird', 'DE', VIEWPORTS.mobile, 'dialog'],
    ['flockbird-de-light-desktop-placeholder', 'flockbird', 'DE', VIEWPORTS.desktop, 'placeholder'],
    ['flockbird-light-landscape-dialog-vendors', 'flockbird', 'DE', { width: 844, height: 390 }, 'dialog'],
    ['flockbird-light-desktop-banner-focus', 'flockbird', 'DE', VIEWPORTS.desktop, 'focus'],
  ]) {
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    const page = await context.newPage();
    if (name.includes('-de-')) await german(page);
    await page.goto(`${demo.url}/${site}/?region=${region}`);
    await page.locator('#consentry-ui .bn button').first().waitFor({ timeout: 5000 }).catch(() => problems.push(`${name}: no banner`));
    await page.waitForTimeout(300);
    if (then == 'dialog') {
      await page.evaluate(() => window.consentry.show());
      await page.getByRole('dialog').waitFor({ timeout: 5000 }).catch(() => problems.push(`${name}: no dialog`));
      await openAll(page);
      await page.waitForTimeout(100);
    } else if (then == 'placeholder') {
      const frame = page.locator('iframe[data-src]').first();
      await frame.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.frameLocator('iframe[data-src] >> nth=0').locator('button').waitFor({ timeout: 5000 }).catch(() => problems.push(`${name}: no placeholder`));
    } else if (then == 'focus') {
      await page.locator('#consentry-ui .bn button').first().focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
    }
    await shoot(page, name);
    await context.close();
  }
  for (const site of Object.keys(SITES)) {
    const context = await browser.newContext({ colorScheme: 'dark', viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    await page.goto(`${demo.url}/${site}/`);
    await page.evaluate(() => window.consentry.acceptAll());
    const decl = page.locator('.consentry-declaration').first();
    await decl.waitFor({ timeout: 5000 }).catch(() => problems.push(`${site}: no declaration`));
    await decl.scrollIntoViewIfNeeded().catch(() => {});
    await page.waitForTimeout(300);
    await shoot(page, `${site}-dark-desktop-declaration`);
    await context.close();
  }

  // Placeholders in iframes the site left unstyled (the browser's inset border, 300 × 150 by
  // default), inserted the way a CMS block would insert them.
  for (const colorScheme of SCHEMES) {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1000, height: 760 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${demo.url}/flockbird/?region=DE`);
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'plain-embeds';
      box.style.padding = '16px';
      box.innerHTML = '<iframe data-consent="youtube" data-src="/vendors/video.html"></iframe> <iframe data-consent="youtube" data-src="/vendors/video.html" width="560" height="315"></iframe>';
      document.body.prepend(box);
    });
    await page.frameLocator('#plain-embeds iframe >> nth=1').locator('button').waitFor({ timeout: 5000 }).catch(() => problems.push('plain embeds: no placeholder'));
    await page.locator('#plain-embeds').screenshot({ path: join(out, `placeholder-plain-${colorScheme}.png`) });
    written++;
    await context.close();
  }

  // Each site as a visitor sees it after "Accept all": the cookie notice and the live panel.
  for (const site of Object.keys(SITES)) {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    await page.goto(`${demo.url}/${site}/`);
    await page.evaluate(() => window.consentry.acceptAll());
    await page.waitForTimeout(1200);
    await page.screenshot({ path: join(out, `${site}-page-light-desktop.png`), fullPage: true });
    written++;
    await context.close();
  }

  for (const colorScheme of SCHEMES) {
    const context = await browser.newContext({ colorScheme, viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    await page.goto(`${demo.url}/playground/?preset=broken`);
    await page.locator('#problems li').first().waitFor({ timeout: 5000 }).catch(() => problems.push('playground: no problems listed'));
    await page.waitForTimeout(800);
    await shoot(page, `playground-${colorScheme}-desktop`);
    await context.close();
  }
} finally {
  await browser.close();
  await demo.close();
  rmSync(tmp, { recursive: true, force: true });
}

console.log(`${written} screenshots in ${out}`);
for (const p of problems) console.log(`  ! ${p}`);
process.exitCode = problems.length ? 1 : 0;
