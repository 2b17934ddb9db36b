// A web-test-runner reporter that ends the run with one table: each test file × each browser,
// tests passed / failed / skipped, then every skipped test by name (the name says why).
import { relative } from 'node:path';

function tests(suite, path = []) {
  const here = [...path, suite.name].filter(Boolean);
  return [...suite.tests.map((t) => ({ ...t, title: [...here, t.name].join(' > ') })), ...suite.suites.flatMap((s) => tests(s, here))];
}

export function summaryReporter() {
  return {
    stop({ sessions }) {
      const browsers = [...new Set(sessions.map((s) => s.browser.name))];
      const files = [...new Set(sessions.map((s) => s.testFile))].sort();
      const cell = {};
      const skipped = [];
      for (const s of sessions) {
        const all = s.testResults ? tests(s.testResults) : [];
        const pass = all.filter((t) => t.passed && !t.skipped).length;
        const skip = all.filter((t) => t.skipped);
        const fail = all.length - pass - skip.length + (s.errors?.length && !all.length ? 1 : 0);
        cell[s.testFile + '\0' + s.browser.name] = `${pass}${fail ? ` ✗${fail}` : ''}${skip.length ? ` (${skip.length} skipped)` : ''}`;
        for (const t of skip) skipped.push(`${s.browser.name}: ${relative(process.cwd(), s.testFile)}: ${t.title}`);
      }
      const rows = [['test file (passed ✗failed)', ...browsers], ...files.map((f) => [relative(process.cwd(), f), ...browsers.map((b) => cell[f + '\0' + b] ?? '—')])];
      const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
      const line = (r) => r.map((c, i) => c.padEnd(w[i])).join('  ');
      console.log(['', line(rows[0]), w.map((n) => '-'.repeat(n)).join('  '), ...rows.slice(1).map(line)].join('\n'));
      if (skipped.length) console.log('\nskipped:\n  ' + skipped.join('\n  '));
    },
  };
}
