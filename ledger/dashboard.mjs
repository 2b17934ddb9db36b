// The /admin page: rendered on the server as HTML with inline SVG, no script at all, so it works
// offline, under a strict CSP (only the one <style> element, allowed by nonce) and without a CDN.

import { METHODS } from './record.mjs';

const COLORS = {
  'accept-all': '#2e7d32',
  'reject-all': '#c62828',
  custom: '#1565c0',
  signal: '#6a1b9a',
  'opt-out-default': '#ef6c00',
};
const DAY = 86_400_000;

/** @param {unknown} s */
const esc = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/**
 * Draws what the database has aggregated: a bar per day (the server bounds the range) and a
 * bar per category (the store returns the most common few), so the page stays small.
 * @param {import('./store.mjs').Stats} stats
 * @param {{from: string, to: string, days: number, nonce: string, store: string}} view
 */
export function renderDashboard(stats, { from, to, days, nonce, store }) {
  const dayList = [];
  for (let t = Date.parse(from); t < Date.parse(to); t += DAY) dayList.push(new Date(t).toISOString().slice(0, 10));
  /** @type {Map<string, Record<string, number>>} */
  const byDay = new Map(dayList.map((d) => [d, {}]));
  for (const { day, method, n } of stats.perDay) {
    const row = byDay.get(day) ?? byDay.set(day, {}).get(day);
    row[method] = (row[method] ?? 0) + Number(n);
  }
  let total = 0;
  for (const r of stats.perDay) total += Number(r.n);
  const q = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Consentry ledger</title>
<style nonce="${nonce}">
body{font:15px/1.4 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}svg{width:100%;height:auto}
.axis{font-size:11px;fill:#555}.legend span{display:inline-block;margin-right:1rem}
.sw{display:inline-block;width:.8em;height:.8em;margin-right:.3em;vertical-align:-.05em}
${METHODS.map((m) => `.m-${m}{background:${COLORS[m]}}`).join('')}
table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:right;border-bottom:1px solid #ddd}
td:first-child,th:first-child{text-align:left}form{margin:1rem 0}
</style></head><body>
<h1>Consentry ledger</h1>
<p>${total.toLocaleString('en')} decisions received from ${esc(from.slice(0, 10))} to ${esc(dayList.at(-1) ?? from.slice(0, 10))} (UTC, by receive time). Store: ${esc(store)}.</p>
<form method="get" action="/admin"><label>Days shown <input name="days" type="number" min="1" max="366" value="${days}"></label> <button>Show</button></form>
<p>Export this range: <a href="/admin/export?format=csv&amp;${esc(q)}">CSV</a> · <a href="/admin/export?format=ndjson&amp;${esc(q)}">NDJSON</a></p>
<h2 id="per-day">Decisions per day</h2>
<p class="legend">${METHODS.map((m) => `<span><i class="sw m-${m}"></i>${m}</span>`).join('')}</p>
${dayChart(dayList, byDay)}
<details><summary>Decisions per day as a table</summary>${dayTable(dayList, byDay)}</details>
<h2 id="per-category">Acceptance rate per category</h2>
${categoryChart(stats.perCategory)}
${stats.categories > stats.perCategory.length ? `<p>The ${stats.perCategory.length} most common of ${Number(stats.categories).toLocaleString('en')} category ids in this range.</p>` : ''}
</body></html>`;
}

/**
 * @param {string[]} dayList
 * @param {Map<string, Record<string, number>>} byDay
 */
function dayChart(dayList, byDay) {
  const W = 800, H = 240, left = 44, bottom = 24, top = 8;
  let max = 1;
  for (const d of dayList) max = Math.max(max, sum(byDay.get(d)));
  const scale = niceMax(max);
  const slot = (W - left) / Math.max(1, dayList.length);
  const barW = Math.max(1, slot * 0.8);
  const y = (v) => H - bottom - ((H - bottom - top) * v) / scale;
  let bars = '';
  dayList.forEach((d, i) => {
    const counts = byDay.get(d) ?? {};
    let base = 0;
    const x = left + i * slot + (slot - barW) / 2;
    for (const m of METHODS) {
      const n = counts[m] ?? 0;
      if (!n) continue;
      bars += `<rect x="${x.toFixed(1)}" y="${y(base + n).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(base) - y(base + n)).toFixed(1)}" fill="${COLORS[m] ?? '#999'}"><title>${d} ${m}: ${n}</title></rect>`;
      base += n;
    }
  });
  const ticks = [0, scale / 2, scale]
    .map((v) => `<text class="axis" x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text><line x1="${left}" x2="${W}" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/>`)
    .join('');
  const every = Math.ceil(dayList.length / 8);
  const labels = dayList
    .map((d, i) => (i % every ? '' : `<text class="axis" x="${left + i * slot + slot / 2}" y="${H - 6}" text-anchor="middle">${d.slice(5)}</text>`))
    .join('');
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="per-day">${ticks}${bars}${labels}</svg>`;
}

/**
 * @param {string[]} dayList
 * @param {Map<string, Record<string, number>>} byDay
 */
function dayTable(dayList, byDay) {
  const head = `<tr><th>Day</th>${METHODS.map((m) => `<th>${m}</th>`).join('')}<th>Total</th></tr>`;
  const rows = dayList
    .map((d) => {
      const c = byDay.get(d) ?? {};
      return `<tr><td>${d}</td>${METHODS.map((m) => `<td>${c[m] ?? 0}</td>`).join('')}<td>${sum(c)}</td></tr>`;
    })
    .join('');
  return `<table>${head}${rows}</table>`;
}

/** @param {{category: string, accepted: number, total: number}[]} cats */
function categoryChart(cats) {
  if (cats.length === 0) return '<p>No decisions in this range.</p>';
  const W = 800, row = 28, left = 150, right = 150;
  const H = cats.length * row + 8;
  const bars = cats
    .map((c, i) => {
      const rate = Number(c.total) ? Number(c.accepted) / Number(c.total) : 0;
      const w = (W - left - right) * rate;
      const yy = 4 + i * row;
      return `<text x="${left - 8}" y="${yy + 17}" text-anchor="end">${esc(c.category)}</text>` +
        `<rect x="${left}" y="${yy + 4}" width="${W - left - right}" height="${row - 8}" fill="#eee"/>` +
        `<rect x="${left}" y="${yy + 4}" width="${w.toFixed(1)}" height="${row - 8}" fill="#2e7d32"><title>${esc(c.category)}: ${c.accepted} of ${c.total}</title></rect>` +
        `<text x="${W - right + 8}" y="${yy + 17}">${(rate * 100).toFixed(1)}% of ${c.total}</text>`;
    })
    .join('');
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="per-category">${bars}</svg>`;
}

/** @param {Record<string, number> | undefined} counts */
const sum = (counts) => Object.values(counts ?? {}).reduce((a, b) => a + b, 0);

/** @param {number} max rounds an axis maximum up to 1, 2 or 5 × 10^n */
function niceMax(max) {
  const p = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((f) => f * p).find((v) => v >= max) ?? max;
}
