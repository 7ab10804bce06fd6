// Spreadsheets in zh-CN locales guess the encoding from a byte-order mark; without it Excel shows
// the Chinese headers as mojibake.
const byteOrderMark = '\uFEFF';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  // A leading =, +, - or @ would be run as a formula by spreadsheets (CSV injection).
  const safe = /^[=+\-@]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a header row, CRLF line ends and a UTF-8 byte-order mark. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return byteOrderMark + [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
