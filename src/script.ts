import { trust } from './gate/trusted';

/**
 * Adds one of our own chunks as a script carrying the page's nonce, so strict CSP
 * allows it. Once per URL: the loader may start a chunk early that the widget asks for later.
 */
const loading: Record<string, Promise<void>> = {};

export const addScript = (src: string, nonce: string, ordered?: boolean) =>
  (loading[src] ||= new Promise<void>((resolve, reject) => {
    const s = document.createElement('script');
    // A page enforcing Trusted Types takes a URL from the policy only (gate/trusted.ts).
    s.src = trust(src, 'createScriptURL');
    s.nonce = nonce;
    // Our chunks are UTF-8 (the languages' texts); without it a script served with no charset is
    // read in the page's encoding, and a windows-1252 page showed "kÃ¶nnen".
    s.charset = 'utf-8';
    // Ordered scripts run in the order they were added, each as soon as it and those before it are in.
    if (ordered) s.async = false;
    // A script added by script is a low-priority request, which Chromium holds back while the
    // parser is still in <head> (where the loader runs): the banner's chunks would wait for the
    // page's first layout. What we load is what the visitor needs next.
    (s as any).fetchPriority = 'high';
    s.onload = () => resolve();
    s.onerror = () => reject(new Error('failed to load ' + src + ' (serve the loader and its chunks from the same release)'));
    document.head.appendChild(s);
  }));

