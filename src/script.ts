/** Adds one of our own chunks as a script carrying the page's nonce, so strict CSP allows it. */
export const addScript = (src: string, nonce: string) =>
  new Promise<void>((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.nonce = nonce;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error('failed to load ' + src));
    document.head.appendChild(s);
  });
