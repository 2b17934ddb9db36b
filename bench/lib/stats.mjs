// Medians, ratios and plain-text tables.

export function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const h = v.length >> 1;
  return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
}

/** The p-th quantile (0..1), linear between ranks; null without numbers. */
export function quantile(xs, p) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const i = (v.length - 1) * p;
  const lo = Math.floor(i);
  return v[lo] + (v[Math.min(lo + 1, v.length - 1)] - v[lo]) * (i - lo);
}

export const ratio = (a, b) => (a == null || b == null ? null : b === 0 ? (a === 0 ? 1 : null) : a / b);

/** Formats a value with its unit; null → "n/a". */
export function fmt(v, unit) {
  if (v == null) return 'n/a';
  if (unit === 'KB') return (v / 1024).toFixed(2) + ' KB';
  if (unit === 'ms') return v.toFixed(v < 10 ? 1 : 0) + ' ms';
  if (unit === 'x') return v.toFixed(2) + '×';
  if (unit === 'cls') return v.toFixed(3);
  return String(v);
}

/** rows: array of arrays of strings; the first row is the header. First column left-aligned. */
export function table(rows) {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => (i ? String(c ?? '').padStart(w[i]) : String(c ?? '').padEnd(w[i]))).join('  ');
  return [line(rows[0]), w.map((n) => '-'.repeat(n)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
