/**
 * The embed: `<script src="/consentry.js" data-config="/consentry.json">`, first in <head>.
 * It runs synchronously so the gate is in place before any tag it gates.
 */
import { api, start } from './core';
import { addScript } from './script';
import { chunk } from './release';
import { preview } from './gate';
import { gppEarly } from './gpp/stub';

const w = window as any;
const me = document.currentScript as HTMLScriptElement | null;
// (Not a `<div id="consentry">`, which window.consentry also names until we set it.)
if (w.consentry && w.consentry.acceptAll) console.error('[consentry] loaded twice; keeping the first copy');
else if (me) {
  w.consentry = api;
  const d = me.dataset;
  // `consentry bundle` prepends the validated configuration to this file (and the name of the
  // file with the rest of it, which the baked build takes: config-load-baked.ts).
  const baked = w.__consentryConfig;
  delete w.__consentryConfig;
  // The gate holds the baked hosts' plain tags from the first moment (gate/index.ts preview).
  preview(baked);
  gppEarly(baked, me);
  start({
    config: baked,
    configUrl: d.config,
    lang: d.lang,
    region: d.region,
    beaconUrl: d.beacon,
    nonce: me.nonce,
    assetBase: me.src,
    validator: () => addScript(chunk('consentry-validate.js', me.src), me.nonce || '').then(() => w.consentry.__validate),
  });
} else console.error('[consentry] not started: load consentry.js as a classic script (no type="module"), first in <head>');
