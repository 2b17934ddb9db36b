// The `--report` file: one HTML page with everything inline (styles, the chart as SVG), so it
// can be mailed or attached to a CI run. Every string from the scanned site is escaped, URLs are
// shown as text rather than links, and a Content-Security-Policy forbids scripts and loads of
// any kind: a hostile page name can neither run nor call home when the report is opened.

const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const PASS_NAMES = { before: 'Before any choice', reject: 'After “Reject all”', accept: 'After “Accept all”' };
const PASS_NOTES = {
  before: '',
  reject: '<p class="muted">What happened after the choice: on the page where it was made, and on the next page view.</p>',
  accept: '<p class="muted">What happened after the choice, on the page where it was made.</p>',
};
const PASS_COLOURS = { before: '#c92a2a', reject: '#5f3dc4', accept: '#2b8a3e' };

const table = (head, rows, empty = 'Nothing.') =>
  rows.length
    ? `<div class="scroll"><table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`
    : `<p class="none">${esc(empty)}</p>`;
const tr = (cells, cls = '') => `<tr${cls ? ` class="${cls}"` : ''}>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;

/** Who: vendor (and category), or what kind of nobody. */
function owner(r, names) {
  if (r.vendor) return `${esc(names.get(r.vendor) || r.vendor)} <span class="muted">${esc(r.category)}</span>`;
  return r.party == 'first' ? '<span class="muted">first party</span>' : '<strong class="warn">unclassified</strong>';
}
const leakRow = (r, pass) => (pass != 'accept' && !r.required ? 'leak' : '');
/** A page of the scanned site as its path; other URLs whole. */
const pageName = (url, site) => {
  try {
    const u = new URL(url);
    return u.origin == new URL(site).origin ? u.pathname + u.search : url;
  } catch {
    return url;
  }
};
/** A list of pages, the first few named. */
const pageList = (pages, site) => esc(pages.slice(0, 5).map((p) => pageName(p, site)).join(', ')) + (pages.length > 5 ? ` (+${pages.length - 5})` : '');
/** Records grouped by `key`, each group with its pages, total count and initiators. */
function group(records, key) {
  const m = new Map();
  for (const r of records) {
    const k = key(r);
    if (!m.has(k)) m.set(k, { ...r, types: new Set(), pages: [], total: 0, initiators: new Set() });
    const g = m.get(k);
    if (r.type) g.types.add(r.type);
    if (!g.pages.includes(r.page)) g.pages.push(r.page);
    g.total += r.count || 1;
    if (r.initiator) g.initiators.add(r.initiator);
  }
  return [...m.values()].sort((a, b) => Number(a.required) - Number(b.required) || b.total - a.total);
}

/** Requests per owner and pass, as grouped horizontal bars. */
function chart(result, names) {
  const rows = new Map();
  for (const r of result.requests) {
    const key = r.vendor ? names.get(r.vendor) || r.vendor : r.party == 'first' ? 'First party' : 'Unclassified third parties';
    if (!rows.has(key)) rows.set(key, { before: 0, reject: 0, accept: 0, leak: false });
    const row = rows.get(key);
    row[r.pass] += r.count;
    if (leakRow(r, r.pass)) row.leak = true;
  }
  const list = [...rows.entries()].sort((a, b) => b[1].before + b[1].reject + b[1].accept - (a[1].before + a[1].reject + a[1].accept)).slice(0, 30);
  if (!list.length) return '<p class="none">No requests.</p>';
  const max = Math.max(1, ...list.flatMap(([, r]) => result.passes.map((p) => r[p])));
  const bar = 9;
  const rowH = result.passes.length * bar + 12;
  const left = 220;
  const width = 760;
  const scale = (n) => (n / max) * (width - left - 60);
  const parts = [];
  list.forEach(([name, r], i) => {
    const y = 30 + i * rowH;
    parts.push(`<text x="${left - 8}" y="${y + (result.passes.length * bar) / 2 + 4}" text-anchor="end" class="${r.leak ? 'leaklabel' : ''}">${esc(name.length > 32 ? name.slice(0, 31) + '…' : name)}</text>`);
    result.passes.forEach((p, j) => {
      const w = scale(r[p]);
      parts.push(`<rect x="${left}" y="${y + j * bar}" width="${Math.max(w, r[p] ? 1 : 0).toFixed(1)}" height="${bar - 1}" fill="${PASS_COLOURS[p]}"><title>${esc(name)}: ${r[p]} in “${esc(PASS_NAMES[p])}”</title></rect>`);
      if (r[p]) parts.push(`<text x="${(left + w + 4).toFixed(1)}" y="${y + j * bar + bar - 1}" class="n">${r[p]}</text>`);
    });
  });
  const legend = result.passes.map((p, j) => `<rect x="${left + j * 170}" y="6" width="12" height="12" fill="${PASS_COLOURS[p]}"/><text x="${left + j * 170 + 18}" y="16">${esc(PASS_NAMES[p])}</text>`).join('');
  const height = 40 + list.length * rowH;
  return `<svg role="img" aria-labelledby="chart-title" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px"><title id="chart-title">Requests per vendor and pass</title>${legend}${parts.join('')}</svg>`;
}

/** One pass: requests grouped by host (and owner), then cookies, then storage. */
function passSection(result, pass, names) {
  const site = result.site;
  const reqs = result.requests.filter((r) => r.pass == pass);
  const hostRows = group(reqs, (r) => r.host + ' ' + r.vendor).map((h) =>
    tr([esc(h.host), owner(h, names), esc(h.party), esc([...h.types].join(', ')), String(h.total), pageList(h.pages, site), esc([...h.initiators].slice(0, 2).map((u) => pageName(u, site)).join('\n'))], leakRow(h, pass)),
  );
  const cookieRows = group(
    result.cookies.filter((c) => c.pass == pass),
    (c) => [c.name, c.domain, c.path].join(' '),
  ).map((c) =>
    tr(
      [esc(c.name), esc(c.domain), esc(c.path), c.session ? 'session' : esc(c.expires.slice(0, 10)), esc(c.party), owner(c, names), pageList(c.pages, site), c.blocked ? `refused by the scanning browser (${esc(c.blocked)}); set where such cookies are allowed` : ''],
      leakRow(c, pass),
    ),
  );
  const storageRows = group(
    result.storage.filter((s) => s.pass == pass),
    (s) => [s.kind, s.origin, s.key].join(' '),
  ).map((s) => tr([esc(s.key), esc(s.kind), esc(s.origin), owner(s, names), pageList(s.pages, site)], leakRow(s, pass)));
  const fullRows = reqs.map((r) => tr([esc(r.url), esc(r.type), owner(r, names), esc(r.initiator || ''), esc(pageName(r.page, site)), String(r.count)], leakRow(r, pass)));
  return `<section id="pass-${pass}"><h2><span class="dot" style="background:${PASS_COLOURS[pass]}"></span>${esc(PASS_NAMES[pass])}</h2>
${PASS_NOTES[pass]}
<h3>Requests by host</h3>${table(['Host', 'Vendor', 'Party', 'Types', 'Requests', 'Pages', 'Initiator'], hostRows, 'No requests.')}
<h3>Cookies</h3>${table(['Name', 'Domain', 'Path', 'Expires', 'Party', 'Vendor', 'Pages', 'Note'], cookieRows, 'No cookies.')}
<h3>Storage</h3>${table(['Key', 'Kind', 'Origin', 'Vendor', 'Pages'], storageRows, 'No storage keys.')}
<details><summary>Every request (${reqs.length})</summary>${table(['URL', 'Type', 'Vendor', 'Initiator', 'Page', 'Count'], fullRows)}</details></section>`;
}

/** The report as one HTML document. */
export function renderReport(result) {
  const names = new Map(result.vendors.map((v) => [v.id, v.name || v.id]));
  const leaks = result.leaks;
  const verdict = leaks.length
    ? `<p class="verdict bad">${leaks.length} leak${leaks.length == 1 ? '' : 's'}: non-required vendors or unknown third parties ran before a choice or after “Reject all”.</p>`
    : `<p class="verdict good">No leaks: nothing non-required ran before a choice or after “Reject all”.</p>`;
  const leakRows = leaks.map((l) => tr([esc(PASS_NAMES[l.pass]), esc(l.kind), esc(l.name), owner(l, names), esc(l.party), pageList(l.pages, result.site)], 'leak'));
  const optRows = result.optOutDefaults.map((l) => tr([esc(l.kind), esc(l.name), owner(l, names), pageList(l.pages, result.site)]));
  const vendorRows = result.vendors.map((v) =>
    tr([esc(v.name || v.id), esc(v.id), esc(v.category) + (v.required && v.category != 'required' ? ' <span class="muted">(required)</span>' : ''), esc(v.source), esc(v.hosts.join(', ')), esc([...v.cookies, ...v.storage].join(', ')), ...['before', 'reject', 'accept'].map((p) => String(v.passes[p]))]),
  );
  const u = result.unclassified;
  const unRows = [
    ...u.hosts.map((h) => tr(['host', esc(h.host), 'third', esc(result.passes.map((p) => `${p} ${h.passes[p]}`).join(', '))])),
    ...u.cookies.map((c) => tr(['cookie', esc(c.name), esc(c.party), esc(c.domain)])),
    ...u.storage.map((s) => tr([esc(s.kind), esc(s.key), esc(s.party), esc(s.origin)])),
  ];
  const pageRows = result.pages.map((p) =>
    tr([
      esc(p.url),
      esc(p.status ?? ''),
      p.consentry ? 'yes' : 'no',
      esc(p.mode || ''),
      esc(p.passes.join(', ')),
      esc([p.duplicateOf ? `same page as ${p.duplicateOf}` : '', p.skipped || '', ...p.errors.map((e) => `${e.pass}: ${e.message}`)].filter(Boolean).join('; ')),
    ]),
  );
  const skippedRows = result.skipped.map((s) => tr([esc(s.url), esc(s.reason), esc(s.from || '')]));
  const s = result.summary;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Consentry scan: ${esc(result.url)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1f;background:#fafafa}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;display:flex;align-items:center;gap:8px}h3{font-size:15px;margin:18px 0 6px}
.meta{color:#555;margin:0 0 12px;word-break:break-all}.muted{color:#666;font-size:12px}.warn{color:#a61e4d}
.verdict{padding:12px 16px;border-radius:6px;font-weight:600}.bad{background:#ffe3e3;color:#8a1c1c;border:1px solid #ffa8a8}.good{background:#d3f9d8;color:#1b5e20;border:1px solid #8ce99a}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top;word-break:break-word;white-space:pre-line}th{background:#f1f3f5;white-space:nowrap}
tr.leak td{background:#fff0f0}tr.leak td:first-child{border-left:4px solid #c92a2a}
.dot{display:inline-block;width:12px;height:12px;border-radius:50%}.none{color:#666;font-style:italic}
dl.sum{display:grid;grid-template-columns:repeat(auto-fill,minmax(130px,1fr));gap:8px;margin:12px 0}dl.sum div{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px}dt{color:#555;font-size:12px}dd{margin:0;font-size:20px;font-weight:600}
svg text{font-size:11px;fill:#333}svg text.n{fill:#555;font-size:10px}svg text.leaklabel{fill:#c92a2a;font-weight:600}
details{margin:8px 0}summary{cursor:pointer;color:#364fc7}
</style>
</head>
<body><main>
<h1>Consentry scan</h1>
<p class="meta">${esc(result.url)} · ${esc(result.startedAt)} · ${(result.durationMs / 1000).toFixed(1)} s · robots.txt ${result.options.robots ? 'honoured' : 'ignored'}${result.options.config ? ` · configuration ${esc(result.options.config)}` : ''}</p>
${verdict}
${result.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('')}
<dl class="sum">${[
    ['Pages', s.pages],
    ['Requests', s.requests],
    ['Hosts', s.hosts],
    ['Cookies', s.cookies],
    ['Storage keys', s.storage],
    ['Vendors', s.vendors],
    ['Unclassified hosts', s.unclassifiedHosts],
    ['Leaks', s.leaks],
  ]
    .map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`)
    .join('')}</dl>
<section id="leaks"><h2>What ran before a choice or after “Reject all”</h2>${table(['Pass', 'Kind', 'Host, cookie or key', 'Vendor', 'Party', 'Pages'], leakRows, 'Nothing non-required.')}
${optRows.length ? `<h3>Allowed by an opt-out default</h3><p>These pages run in an opt-out region: non-required tags may run until the visitor objects, so these do not count as leaks.</p>${table(['Kind', 'What', 'Vendor', 'Pages'], optRows)}` : ''}</section>
<section id="chart"><h2>Requests per vendor and pass</h2>${chart(result, names)}</section>
<section id="vendors"><h2>Vendors found</h2>${table(['Vendor', 'Id', 'Category', 'Known from', 'Hosts', 'Cookies and storage', 'Before', 'Reject', 'Accept'], vendorRows, 'No vendors.')}</section>
<section id="unclassified"><h2>Unclassified</h2>${table(['Kind', 'Name', 'Party', 'Where'], unRows, 'Everything was classified.')}</section>
${result.passes.map((p) => passSection(result, p, names)).join('\n')}
<section id="pages"><h2>Pages</h2>${table(['URL', 'Status', 'Consentry', 'Mode', 'Passes', 'Notes'], pageRows)}
${skippedRows.length ? `<h3>Not visited</h3>${table(['URL', 'Why', 'Linked from'], skippedRows)}` : ''}</section>
</main></body>
</html>
`;
}
