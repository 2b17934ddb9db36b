// What the journey tests share: the demo server in-process on free ports with a throwaway SQLite
// ledger, a browser of one engine (test/support/engines; with or without Global Privacy
// Control), and small readers of what the page, the stubs and the ledger recorded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { launch } from '../support/engines/index.mjs';
import { startDemo } from '../../demo/server.mjs';
import { until } from './support/until.mjs';

export { until };
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const ADMIN_TOKEN = 'e2e-admin-token';

/** Starts the demo and a browser of `engine`; `close()` stops both and deletes the database. */
export async function startHarness({ engine = 'chromium', gpc = false } = {}) {
  const tmp = mkdtempSync(join(tmpdir(), 'consentry-e2e-'));
  const demo = await startDemo({ port: 0, ledgerPort: 0, db: join(tmp, 'ledger.db'), adminToken: ADMIN_TOKEN, rate: 0 });
  let browser;
  try {
    browser = await launch(engine, { gpc });
  } catch (err) {
    await demo.close();
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  return {
    demo,
    browser,
    /** A fresh visitor (no cookies, no storage) on a 1280×800 page; close it when done. */
    visitor: () => browser.newPage(),
    async close() {
      await browser?.close();
      await demo.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** No uncaught error on the page. (WebKit's WebDriver does not report page errors: not checked there.) */
export function noPageErrors(page) {
  if (page.errors) assert.deepEqual(page.errors, []);
}

/** The ledger's records for a consent id (the visitor's proof), oldest first; [] when none. */
export async function records(demo, id) {
  const res = await fetch(`${demo.ledgerUrl}/api/consent/${encodeURIComponent(id)}`);
  return res.status === 200 ? res.json() : [];
}

/** Waits until the ledger holds at least `n` records for `id`. */
export async function recordsFor(demo, id, n) {
  return until(async () => {
    const r = await records(demo, id);
    return r.length >= n && r;
  }).then((r) => r || records(demo, id));
}

/** An admin route of the ledger, with the bearer token. */
export async function admin(demo, path) {
  const res = await fetch(`${demo.ledgerUrl}${path}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
  return res;
}

/** The stub vendors that ran on this page (each stub records itself), in order. */
export const ran = (page) => page.evaluate(() => (window.__consentryDemo?.ran ?? []).map((r) => r.vendor));

/** The decision Consentry holds on this page, or null. */
export const decision = (page) => page.evaluate(() => window.consentry.get());

/** Stub vendor files the server served for pages loaded since `since` (ms). */
export const fetchedSince = (demo, since) => demo.hits.filter((h) => h.at >= since).map((h) => h.path);

/**
 * What has keyboard focus, looking through open shadow roots: the banner lives in one.
 * Its accessible name is approximated by aria-label, aria-labelledby or text, as the tests need.
 */
export const focused = (page) =>
  page.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    if (!a || a === document.body) return null;
    const root = a.getRootNode();
    const by = a.getAttribute('aria-labelledby');
    const name = a.getAttribute('aria-label') || (by && root.getElementById(by)?.textContent) || a.textContent;
    return {
      tag: a.tagName.toLowerCase(),
      role: a.getAttribute('role'),
      name: (name || '').trim().replace(/\s+/g, ' '),
      checked: a.getAttribute('aria-checked'),
      inDialog: !!a.closest('[role="dialog"]'),
      inShadow: root !== document,
    };
  });

/** Presses Tab until `match(focused)` or `max` presses; returns the names passed on the way. */
export async function tabTo(page, match, max = 80) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.press('Tab');
    const f = await focused(page);
    if (f) seen.push(f.name);
    if (f && match(f)) return { found: f, seen };
  }
  return { found: null, seen };
}
