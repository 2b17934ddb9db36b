/**
 * Opens a fresh page with the real loader in an iframe, the way a site embeds it,
 * so each test sees a first load (or a returning visit) of its own. The page is
 * served at a real URL of the test server (see test/support/test-pages.mjs).
 */
export interface PageOptions {
  /** The configuration: inline as #consentry-config (default), or fetched from a data: URL with `fetch: true`. */
  config?: object;
  fetch?: boolean;
  /** No configuration element and no data-config (pass your own in `attrs`). */
  noConfig?: boolean;
  /** Raw configuration text (for broken JSON). */
  rawConfig?: string;
  /** Extra attributes on the loader's script tag, e.g. `data-region="US-CA"`. */
  attrs?: string;
  /** HTML placed before the loader in <head> (e.g. a script faking DNT). */
  head?: string;
  body?: string;
  htmlLang?: string;
  /** Loader file; the default is the built dist/consentry.js; '' for none (the page loads Consentry itself). */
  src?: string;
  /** Query string and fragment of the page's URL, e.g. `?email=x#y`. */
  suffix?: string;
}

export type TestWindow = Window & typeof globalThis & { consentry: any; dataLayer?: any[]; ran?: string[] };

export async function openPage(o: PageOptions = {}): Promise<{ win: TestWindow; doc: Document; frame: HTMLIFrameElement }> {
  const json = o.rawConfig ?? JSON.stringify(o.config ?? { revision: 1 });
  const cfg = o.fetch ? `data-config="data:application/json,${encodeURIComponent(json)}"` : '';
  const inline = o.fetch || o.noConfig ? '' : `<script type="application/json" id="consentry-config">${json}</script>`;
  const html = `<!doctype html><html lang="${o.htmlLang || 'en'}"><head>${o.head || ''}${inline}${o.src === '' ? '' : `<script src="${o.src || '/dist/consentry.js'}" ${cfg} ${o.attrs || ''}></script>`}</head><body>${o.body || ''}</body></html>`;
  const id = await (await fetch('/test-page', { method: 'POST', body: html })).text();
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:800px;height:600px';
  const loaded = new Promise((r) => (frame.onload = r));
  frame.src = `/test-page/${id}${o.suffix || ''}`;
  document.body.appendChild(frame);
  await loaded;
  return { win: frame.contentWindow as TestWindow, doc: frame.contentDocument!, frame };
}

/** Resolves with the `ready` event's detail. */
export const ready = (win: TestWindow) => new Promise<any>((r) => win.consentry.on('ready', r));

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `fn` returns something truthy (or fails after `ms`). */
export async function until<T>(fn: () => T | Promise<T>, ms = 3000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting for ' + what);
    await sleep(20);
  }
}

/** Forgets every cookie and queued record, and removes earlier test pages. */
/**
 * Removes the test pages, cookies and storage. Resolves once the browser's cookie store holds no
 * cookie for this origin (asked through a request): in Chromium a document.cookie write reaches the
 * store asynchronously, so a page opened next could otherwise read a cookie already deleted here.
 */
export async function clearState() {
  document.querySelectorAll('iframe').forEach((f) => f.remove());
  for (const c of document.cookie.split(';')) {
    const name = c.split('=')[0].trim();
    if (name) document.cookie = `${name}=; Max-Age=0; Path=/`;
  }
  localStorage.clear();
  for (let i = 0; i < 20; i++) {
    const left: string[] = await (await fetch('/test-cookies', { cache: 'no-store' })).json();
    if (!left.length) return;
    await sleep(10);
  }
  throw new Error('cookies still set after clearState: ' + document.cookie);
}

let n = 0;
/** A fresh bucket of the test beacon endpoint. */
export function beaconBucket() {
  const name = `b${Date.now().toString(36)}${n++}`;
  const url = `/test-beacon/${name}`;
  return {
    url,
    records: async (): Promise<any[]> => (await (await fetch(url)).json()).records.map((r: any) => r.record),
    raw: async () => (await fetch(url)).json(),
    status: (status: number, delay = 0) => fetch(`${url}?status=${status}&delay=${delay}`, { method: 'PUT' }),
  };
}
