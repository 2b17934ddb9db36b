// Stand-in third parties for browser tests, served by the test runner itself. Pages reach it
// under other host names (`http://ga.localhost:<port>/__vendor/…`: Chromium resolves every
// *.localhost to this machine), so a vendor's host differs from the page's and nothing leaves
// the machine. Every request is recorded, so a test can prove a URL was never requested.
//   GET /__vendor/<token>/<file>?n=<name>&delay=<ms>   .js pushes <name> (default: file) onto
//                                                      window.ran; .gif is a pixel; .sse an
//                                                      event stream (a "put" event, then a
//                                                      message, then it ends); else HTML
//   GET /__vendor-log/<token>                          [{ host, path }] requested so far
// The token keeps parallel test files apart.
const hits = new Map();
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export async function vendorHosts(ctx, next) {
  const log = /^\/__vendor-log\/([\w-]+)$/.exec(ctx.path);
  if (log) {
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.body = hits.get(log[1]) || [];
    return;
  }
  const m = /^\/__vendor\/([\w-]+)\/(.+)$/.exec(ctx.path);
  if (!m) return next();
  const [, token, file] = m;
  if (!hits.has(token)) hits.set(token, []);
  hits.get(token).push({ host: ctx.hostname, path: file + (ctx.querystring ? '?' + ctx.querystring : '') });
  const delay = Number(ctx.query.delay || 0);
  if (delay) await new Promise((r) => setTimeout(r, delay));
  ctx.set('Cache-Control', 'no-store');
  if (file.endsWith('.js')) {
    ctx.type = 'application/javascript';
    ctx.body = `(window.ran = window.ran || []).push(${JSON.stringify(String(ctx.query.n || file))});`;
  } else if (file.endsWith('.sse')) {
    // Reconnecting after a minute, so a test sees one connection.
    ctx.set('Access-Control-Allow-Origin', ctx.get('Origin') || '*');
    ctx.type = 'text/event-stream';
    ctx.body = 'retry: 60000\nevent: put\ndata: {"flag":true}\n\ndata: hello\n\n';
  } else if (file.endsWith('.gif')) {
    ctx.type = 'image/gif';
    ctx.body = GIF;
  } else {
    ctx.type = 'html';
    ctx.body = `<!doctype html><p id="vendor">${file}</p>`;
  }
}
