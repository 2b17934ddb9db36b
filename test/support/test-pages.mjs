// Serves pages that a browser test composes, at a real URL (unlike srcdoc, so
// location, cookies and the beacon's page URL behave as on a site):
//   POST /test-page        body: HTML → answers the page's id
//   GET  /test-page/<id>   the HTML (any query string or fragment is ignored)
const pages = new Map();
let next = 0;

export async function testPages(ctx, next_) {
  if (ctx.path === '/test-page' && ctx.method === 'POST') {
    let html = '';
    for await (const chunk of ctx.req) html += chunk;
    const id = String(++next);
    pages.set(id, html);
    ctx.body = id;
    return;
  }
  const m = /^\/test-page\/(\d+)$/.exec(ctx.path);
  if (!m) return next_();
  ctx.type = 'html';
  ctx.body = pages.get(m[1]) ?? 'no such test page';
}
