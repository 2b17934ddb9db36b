import { Readable } from 'node:stream';

export const CSV_COLUMNS = Object.freeze([
  'received_at', 'id', 'ts', 'revision', 'method', 'categories', 'vendors', 'gpc', 'dnt', 'url', 'lang', 'origin', 'ua_family',
]);
export const FORMATS = Object.freeze({
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
});

// Every stored field was validated to a safe alphabet (ids, keys, http URLs, JSON objects), so no
// cell can start with "=", "+" or "@": spreadsheet formula injection needs no escaping here.
const cell = (v) => {
  const s = v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** @param {import('./store.mjs').Row} r */
function csvLine({ receivedAt, record: c, origin, uaFamily }) {
  return [receivedAt, c.id, c.ts, c.revision, c.method, c.categories, c.vendors, c.signals.gpc, c.signals.dnt, c.url, c.lang, origin, uaFamily]
    .map(cell)
    .join(',');
}

/** @param {import('./store.mjs').Row} r */
function ndjsonLine({ receivedAt, record, origin, uaFamily }) {
  return JSON.stringify({ receivedAt, origin, uaFamily, record });
}

/**
 * A stream of the export, pulled row page by row page as the client reads, so memory stays flat
 * however many records there are; destroying it (client gone) stops the queries.
 * @param {AsyncIterable<import('./store.mjs').Row>} rows
 * @param {'csv' | 'ndjson'} format
 */
export function exportStream(rows, format) {
  const line = format === 'csv' ? csvLine : ndjsonLine;
  async function* chunks() {
    let buf = format === 'csv' ? `${CSV_COLUMNS.join(',')}\r\n` : '';
    const eol = format === 'csv' ? '\r\n' : '\n';
    for await (const r of rows) {
      buf += line(r) + eol;
      if (buf.length >= 64 * 1024) {
        yield buf;
        buf = '';
      }
    }
    if (buf) yield buf;
  }
  return Readable.from(chunks(), { objectMode: false, highWaterMark: 64 * 1024 });
}
