// Serves pages that a browser test composes, at a real URL (unlike srcdoc, so
// location, cookies and the beacon's page URL behave as on a site):
//   POST /test-page        body: HTML → answers the page's id
//   GET  /test-page/<id>   the HTML (any query string or fragment is ignored)
//   GET  /test-cookies     answers the names of the cookies the request carried, and deletes them
//   GET  /held/<chunk>/<ms|missing|once-<token>>/dist/<file>   dist/<file>, except that our chunk
//        named <chunk> (`prefs` for consentry-prefs.<release>.js) comes <ms> later, answers 404,
//        or answers 503 (not to be cached) the first time only: a loader loaded from /held/…
//        fetches its chunks from beside it, so a test can slow or lose one.
// The last is how a test knows its cookies are gone: a document.cookie write in one document reaches
// Chromium's cookie store asynchronously, so a page opened next may still read the old value.
const pages = new Map();
let next = 0;
/** The /held/…/once-… paths answered 503 already. */
const lost = new Set();

export async function testPages(ctx, next_) {
  if (ctx.path === '/test-page' && ctx.method === 'POST') {
    let html = '';
    for await (const chunk of ctx.req) html += chunk;
    const id = String(++next);
    pages.set(id, html);
    ctx.body = id;
    return;
  }
  if (ctx.path === '/test-cookies') {
    const names = (ctx.get('cookie') || '').split(';').map((c) => c.split('=')[0].trim()).filter(Boolean);
    const host = ctx.hostname;
    ctx.set('Set-Cookie', names.flatMap((n) => [`${n}=; Max-Age=0; Path=/`, `${n}=; Max-Age=0; Path=/; Domain=${host}`]));
    ctx.set('Cache-Control', 'no-store');
    ctx.body = names;
    return;
  }
  const held = /^\/held\/([\w-]+)\/(\d+|missing|once-\w+)(\/dist\/.+)$/.exec(ctx.path);
  if (held) {
    if (ctx.path.includes(`/consentry-${held[1]}.`)) {
      if (held[2] == 'missing') {
        ctx.status = 404;
        return;
      }
      // A blip: one 503 that no cache keeps, as a server's or a CDN's is.
      if (held[2].startsWith('once') && !lost.has(ctx.path)) {
        lost.add(ctx.path);
        ctx.status = 503;
        ctx.set('Cache-Control', 'no-store');
        return;
      }
      await new Promise((r) => setTimeout(r, Number(held[2])));
    }
    ctx.path = held[3];
    return next_();
  }
  const m = /^\/test-page\/(\d+)$/.exec(ctx.path);
  if (!m) return next_();
  ctx.type = 'html';
  ctx.body = pages.get(m[1]) ?? 'no such test page';
}
