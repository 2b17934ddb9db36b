// A test page holding one YouTube iframe, for the placeholder's tests (placeholder.test.ts and
// the axe-core run in widget-a11y.test.ts).
import { openPage, ready, until } from './page';
import { shadowOf } from '../support/widget-ui.mjs';
import { config, fresh as vendorHosts } from './fixtures/vendors';

/** A first visit to a page with one YouTube iframe; resolves once its placeholder is drawn. */
/** `after`: HTML right after the iframe (a script there runs before the placeholder draws). */
export async function held(o: { ui?: object; head?: string; attrs?: string; iframe?: string; after?: string } = {}) {
  const { url, requested } = vendorHosts();
  const page = await openPage({
    config: { ...config, policyUrl: 'https://example.com/cookie-notice', ui: o.ui },
    head: '<title>Tour</title>' + (o.head || ''),
    attrs: o.attrs,
    body: `<main><h1>Tour</h1><p>Before</p><iframe data-consent="yt" data-src="${url('yt', 'embed.html')}" ${o.iframe ?? 'width="480" height="270"'} title="Product tour"></iframe>${o.after || ''}<p>After</p></main>`,
  });
  await ready(page.win);
  const f = page.doc.querySelector('iframe')!;
  const button = await until(() => f.contentDocument?.querySelector('button'), 4000, 'the placeholder');
  const inner = f.contentDocument!;
  return { ...page, f, inner, button, requested, root: await shadowOf(page.doc) };
}

