/** Pages with `<div data-consentry-declaration>` for the declaration's browser tests. */
import { openPage, until } from './page';

export const DIV = '<div data-consentry-declaration></div>';

/** A demo company's configuration (demo/configs/<name>.json). */
export async function demoConfig(name: string) {
  const c = await (await fetch(`/demo/configs/${name}.json`)).json();
  delete c.$schema;
  return c;
}

/** A page with the loader and a declaration element (or `body`), once the declaration has rendered. */
export async function declarationPage(config: object, o: Parameters<typeof openPage>[0] = {}) {
  const page = await openPage({ config, body: DIV, ...o });
  const root = await until(() => page.doc.querySelector('.consentry-declaration') as HTMLElement, 4000, 'the declaration to render');
  return { ...page, root };
}
