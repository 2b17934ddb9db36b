/**
 * Adds one of our own chunks as a script carrying the page's nonce, so strict CSP
 * allows it. Once per URL: the loader may start a chunk early that the widget asks for later.
 */
const loading: Record<string, Promise<void>> = {};

export const addScript = (src: string, nonce: string) =>
  (loading[src] ||= new Promise<void>((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.nonce = nonce;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error('failed to load ' + src + ' (serve the loader and its chunks from the same release)'));
    document.head.appendChild(s);
  }));
