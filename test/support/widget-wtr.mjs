// Runs only the widget's browser tests: npx web-test-runner --config test/support/widget-wtr.mjs
import base from '../../web-test-runner.config.mjs';

export default {
  ...base,
  groups: base.groups.map((g) => ({ ...g, files: g.files.map((f) => f.replace('**/*.', '**/widget*.').replace('**/*.gpc', '**/widget*.gpc')) })),
};
