// Builds only the widget and language chunks:
// `npx rollup -c test/support/widget-build.mjs && node scripts/release.mjs` (which names them after the release).
// Handy while other parts of the tree are mid-change; `npm run build` builds everything.
import config from '../../rollup.config.mjs';

export default config.filter((c) => /^(widget|src\/i18n)\//.test(c.input));
