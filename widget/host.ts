/** The widget's place in the page: an open shadow root on one host element, styled under the page's CSP. */
import { adopt, css } from './styles';
import { core } from './core';

const host = document.createElement('div');
host.id = 'consentry-ui';
export const shadow = host.attachShadow({ mode: 'open' });
adopt(shadow, css, core.nonce);
/** The widget renders here (dom.ts); a sibling `<style>` (the CSP fallback) stays untouched. */
export const mount = shadow.appendChild(document.createElement('div'));
(document.body || document.documentElement).appendChild(host);

/** The focused element, looking through shadow roots (ours and the site's). */
export function focused(): HTMLElement | null {
  let a = document.activeElement as HTMLElement | null;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement as HTMLElement;
  return a;
}

export const $ = (sel: string) => shadow.querySelector(sel) as HTMLElement | null;
