import { describe, expect, it } from 'vitest';
import { dataLines, errorTable, hasRows, rejectedRows, type ImportReport } from './import-report';

const csv = ['id,name,gridCode', 'm-1,王芳,g-01', 'm-2,,g-99', 'm-3,李强,g-01', ''].join('\r\n');

const report: ImportReport = {
  kind: 'members',
  rows: 3,
  created: 2,
  updated: 0,
  unchanged: 0,
  rejected: 1,
  errors: [
    { row: 2, field: 'gridCode', code: 'directory.unknown-reference', message: '网格 g-99 不存在' },
    { row: 2, field: 'name', code: 'validation.required', message: 'name 不能为空' },
  ],
};

describe('the import report', () => {
  it('gathers the errors of a row with the CSV line it came from', () => {
    expect(rejectedRows(report, csv)).toEqual([
      {
        row: 2,
        line: 3,
        source: 'm-2,,g-99',
        errors: [
          { field: 'gridCode', code: 'directory.unknown-reference', message: '网格 g-99 不存在' },
          { field: 'name', code: 'validation.required', message: 'name 不能为空' },
        ],
      },
    ]);
  });

  it('orders rejected rows and works without the source text', () => {
    const rows = rejectedRows({
      ...report,
      errors: [
        { row: 9, field: 'id', code: 'x', message: 'b' },
        { row: 4, field: 'id', code: 'x', message: 'a' },
      ],
    });
    expect(rows.map((row) => [row.row, row.line, row.source])).toEqual([
      [4, 5, undefined],
      [9, 10, undefined],
    ]);
  });

  it('makes one table line per field error, naming the row once', () => {
    expect(errorTable(rejectedRows(report, csv))).toEqual([
      { key: '2:0', row: '2', line: 3, source: 'm-2,,g-99', field: 'gridCode', message: '网格 g-99 不存在' },
      { key: '2:1', row: '', line: 3, source: '', field: 'name', message: 'name 不能为空' },
    ]);
  });

  it('reads the data lines of a CSV without the header or trailing blank lines', () => {
    expect(dataLines(csv)).toEqual(['m-1,王芳,g-01', 'm-2,,g-99', 'm-3,李强,g-01']);
    expect(hasRows('id,name\n\n')).toBe(false);
    expect(hasRows(csv)).toBe(true);
  });
});
