// Building blocks for stand-ins: vendor files answered locally that do what the real file does
// with the page's queue, and say that they ran. A stand-in script counts its own runs in
// window.__compat.ran[name]; a vendor page inside an iframe posts { compatRan: name } to its
// parent, and the page's harness counts it the same way (see ../site.mjs).
const J = JSON.stringify;
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Counts one run of `name` in the page. */
export const ranCode = (name) =>
  `(function(C){C.ran[${J(name)}]=(C.ran[${J(name)}]||0)+1})(window.__compat||(window.__compat={ran:{},errors:[]}));`;

/** A vendor script that counts its runs, then runs `code`. */
export const script = (name, code) => ({ type: 'application/javascript', body: `${ranCode(name)}\n${code}` });

/** A vendor page for an iframe: tells its parent it ran, then runs `code` (a script body). */
export const framePage = (name, body = '', code = '') => ({
  type: 'text/html; charset=utf-8',
  body: `<!doctype html><html><head><meta charset="utf-8"><title>${name}</title></head><body>${body}<script>parent.postMessage({ compatRan: ${J(name)} }, '*');${code}</script></body></html>`,
});

export const pixel = () => ({ type: 'image/gif', body: GIF });
export const noContent = () => ({ status: 204 });
export const json = (body) => ({ type: 'application/json', body });
export const css = (body) => ({ type: 'text/css', body });

/**
 * One handler for a host from a table of path prefixes; the longest matching prefix wins.
 * A value is an answer or a function of the request returning one.
 */
export function routes(table) {
  const keys = Object.keys(table).sort((a, b) => b.length - a.length);
  return (req) => {
    const key = keys.find((k) => req.path.startsWith(k));
    if (key === undefined) return undefined;
    const v = table[key];
    return typeof v == 'function' ? v(req) : v;
  };
}

export { J };
