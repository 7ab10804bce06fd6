// A directory import's report as the desk shows it: the summary counts, and one table row per rejected
// row with every field it failed on, each with the CSV line it came from (row 1 is the first data row,
// the header being line 1) and the source text of that row when the person pasted or chose the file.
import type { DispatchSchemas } from '../api/clients';

/** The import report the dispatch service answers. */
export type ImportReport = DispatchSchemas['schemas']['ImportReportResponse'];

/** One rejected row, with its errors gathered. */
export interface RejectedRow {
  row: number;
  /** The line of the CSV file (the header is line 1). */
  line: number;
  /** The row's text as sent, when known. */
  source?: string;
  errors: { field: string; message: string; code: string }[];
}

/** The kinds a community's staff may import (district kinds are the admin's). */
export const communityImportKinds = [
  'grids',
  'compounds',
  'buildings',
  'households',
  'residents',
  'members',
  'staff',
] as const;

/** The data lines of a CSV text (the header and blank trailing lines left out). */
export function dataLines(csv: string): string[] {
  const lines = csv.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.slice(1);
}

/** Gathers the report's errors by row, in row order, with the source line of each. */
export function rejectedRows(report: ImportReport, csv?: string): RejectedRow[] {
  const lines = csv === undefined ? [] : dataLines(csv);
  const byRow = new Map<number, RejectedRow>();
  for (const error of report.errors) {
    const entry = byRow.get(error.row) ?? {
      row: error.row,
      line: error.row + 1,
      source: lines[error.row - 1],
      errors: [],
    };
    entry.errors.push({ field: error.field, message: error.message, code: error.code });
    byRow.set(error.row, entry);
  }
  return [...byRow.values()].sort((a, b) => a.row - b.row);
}

/** The error table's rows: one per field error, the row's number and source on its first line only. */
export function errorTable(rows: readonly RejectedRow[]) {
  return rows.flatMap((row) =>
    row.errors.map((error, index) => ({
      key: `${row.row}:${index}`,
      row: index === 0 ? String(row.row) : '',
      line: row.line,
      source: index === 0 ? (row.source ?? '') : '',
      field: error.field,
      message: error.message,
    })),
  );
}

/** True when the text is worth sending: a header and at least one data line. */
export function hasRows(csv: string): boolean {
  return dataLines(csv).some((line) => line.trim() !== '');
}
