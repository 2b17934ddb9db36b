import { Readable } from 'node:stream';

export const CSV_COLUMNS = Object.freeze([
  'received_at', 'id', 'ts', 'revision', 'method', 'categories', 'vendors', 'gpc', 'dnt', 'url', 'lang', 'origin', 'ua_family',
]);
export const FORMATS = Object.freeze({
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
});

// A spreadsheet opening the CSV runs a cell that starts with a formula character as a formula
// (OWASP "CSV injection"): "=", "+", "-", "@", also after leading spaces, tabs or line breaks, and
// their full-width and small forms, which some spreadsheets and IMEs fold to ASCII. Validation
// keeps such text out of new records, but the export must be safe for every row ever stored
// (older versions, a restored backup), so every cell is checked: one that starts with white
// space, a control or format character, or a formula character is prefixed with ' (shown as
// text, not evaluated) and quoted.
const RISKY_START = /^[\s\p{Cc}\p{Cf}=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE62\uFE63\uFE66\u2212]/u;
const QUOTE = /[",\r\n]/;

/** @param {unknown} v */
export function csvCell(v) {
  const s = v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (RISKY_START.test(s)) return `"'${s.replace(/"/g, '""')}"`;
  return QUOTE.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** @param {import('./store.mjs').Row} r */
function csvLine({ receivedAt, record: c, origin, uaFamily }) {
  return [receivedAt, c.id, c.ts, c.revision, c.method, c.categories, c.vendors, c.signals.gpc, c.signals.dnt, c.url, c.lang, origin, uaFamily]
    .map(csvCell)
    .join(',');
}

/** @param {import('./store.mjs').Row} r */
function ndjsonLine({ receivedAt, record, origin, uaFamily }) {
  return JSON.stringify({ receivedAt, origin, uaFamily, record });
}

/** @typedef {'csv' | 'ndjson'} Format */

/** What an export starts with: the CSV header row, nothing for NDJSON. @param {Format} format */
export const exportHeader = (format) => (format === 'csv' ? `${CSV_COLUMNS.join(',')}\r\n` : '');

/**
 * One page of rows as export text, each line ended. Pure, so the SQLite reader thread can
 * format pages off the main thread.
 * @param {import('./store.mjs').Row[]} rows
 * @param {Format} format
 */
export function formatRows(rows, format) {
  const line = format === 'csv' ? csvLine : ndjsonLine;
  const eol = format === 'csv' ? '\r\n' : '\n';
  let text = '';
  for (const r of rows) text += line(r) + eol;
  return text;
}

/**
 * A stream of the export, pulled page by page as the client reads, so memory stays flat
 * however many records there are; destroying it (client gone) stops the queries.
 * @param {AsyncIterable<string>} pages from Store.export
 */
export function exportStream(pages) {
  return Readable.from(pages, { objectMode: false, highWaterMark: 64 * 1024 });
}
