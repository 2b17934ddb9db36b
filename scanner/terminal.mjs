// What a person at a terminal sees: a progress bar on stderr while the scan runs (only on a
// terminal: CI logs get no bar), then a short summary of vendors, unclassified hosts and leaks.

const PASS_LABEL = { before: 'before', reject: 'after reject', accept: 'after accept' };

/** A progress bar that redraws one stderr line; silent unless stderr is a terminal. */
export function progressBar(stream = process.stderr) {
  if (!stream.isTTY) return { update() {}, end() {} };
  let last = '';
  return {
    update({ done, total, url, pass }) {
      const width = 24;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      const cols = stream.columns || 80;
      const head = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${pass.padEnd(6)} `;
      last = (head + url).slice(0, cols - 1);
      stream.write('\r\x1b[2K' + last);
    },
    end() {
      if (last) stream.write('\r\x1b[2K');
    },
  };
}

const pad = (s, n) => (s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n));

/**
 * Storage keys, error messages and names come from the scanned site: their control and format
 * characters (escape sequences that clear the screen or overwrite the leak lines, line breaks,
 * bidi overrides) are shown escaped, so only our own colours and lines reach the terminal.
 */
const clean = (s) => s.replace(/[\p{Cc}\p{Cf}]/gu, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));

/** The summary as text lines; `colour` adds ANSI colours for a terminal. */
export function summary(result, { colour = false, files = [] } = {}) {
  result = JSON.parse(JSON.stringify(result), (k, v) => (typeof v == 'string' ? clean(v) : v));
  const c = (code, s) => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);
  const s = result.summary;
  const out = [];
  out.push(`${c(1, 'Consentry scan')} of ${result.url}: ${s.pages} page${s.pages == 1 ? '' : 's'}, passes: ${result.passes.map((p) => PASS_LABEL[p]).join(', ')}, ${(result.durationMs / 1000).toFixed(1)} s`);
  out.push(`  ${s.requests} requests to ${s.hosts} hosts, ${s.cookies} cookies, ${s.storage} storage keys, ${s.vendors} vendors`);
  for (const n of result.notes) out.push(c(33, '  ' + n));
  const skippedRobots = result.skipped.filter((x) => x.reason.startsWith('robots')).length;
  const skippedLimit = result.skipped.filter((x) => x.reason == 'limit').length;
  if (skippedRobots) out.push(`  ${skippedRobots} page${skippedRobots == 1 ? '' : 's'} not visited: robots.txt disallows ${skippedRobots == 1 ? 'it' : 'them'} (--ignore-robots to visit)`);
  if (skippedLimit) out.push(`  ${skippedLimit} more page${skippedLimit == 1 ? '' : 's'} found beyond --pages ${result.options.pages}`);
  const errors = result.pages.flatMap((p) => p.errors.map((e) => `${p.url} (${e.pass}): ${e.message}`));
  for (const e of errors.slice(0, 5)) out.push(c(33, '  error: ' + e));
  if (errors.length > 5) out.push(c(33, `  … and ${errors.length - 5} more errors (see --json)`));
  const vendors = result.vendors.filter((v) => v.source != 'consentry');
  if (vendors.length) {
    out.push('');
    out.push(`  ${pad('Vendor', 30)} ${pad('Category', 14)} ${pad('From', 10)} ${result.passes.map((p) => pad(p, 7)).join('')}`);
    for (const v of vendors) out.push(`  ${pad(v.name || v.id, 30)} ${pad(v.category || '', 14)} ${pad(v.source, 10)} ${result.passes.map((p) => pad(String(v.passes[p]), 7)).join('')}`);
  }
  const u = result.unclassified;
  if (u.hosts.length) out.push('', `  Unclassified third-party hosts: ${u.hosts.map((h) => h.host).join(', ')}`);
  const unknownCookies = u.cookies.map((k) => k.name);
  if (unknownCookies.length) out.push(`  Cookies no vendor claims: ${[...new Set(unknownCookies)].join(', ')}`);
  out.push('');
  if (result.leaks.length) {
    out.push(c('1;31', `  ✗ ${result.leaks.length} leak${result.leaks.length == 1 ? '' : 's'}: non-required things ran before a choice or after "Reject all"`));
    for (const l of result.leaks)
      out.push(`    ${pad(PASS_LABEL[l.pass], 13)} ${pad(l.kind, 8)} ${pad(l.name, 34)} ${l.vendor ? `${l.vendor} (${l.category})` : `unclassified ${l.party} party`}, ${l.pages.length} page${l.pages.length == 1 ? '' : 's'}`);
  } else out.push(c('1;32', '  ✓ No leaks: nothing non-required ran before a choice or after "Reject all"'));
  if (result.optOutDefaults.length) out.push(`  ${result.optOutDefaults.length} non-required thing${result.optOutDefaults.length == 1 ? '' : 's'} ran under an opt-out region's default (not leaks)`);
  for (const f of files) out.push('  ' + f);
  return out.join('\n') + '\n';
}
