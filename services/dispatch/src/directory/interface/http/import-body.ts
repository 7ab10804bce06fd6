import type { Request } from 'express';
import { parse } from 'csv-parse/sync';
import { IsArray } from 'class-validator';
import { createValidationPipe, ProblemException, readRawBody } from '@loop/platform';

// CSV files of a whole district (16,000 households) are a few megabytes; more is surely a mistake.
const maxCsvBytes = 20 * 1024 * 1024;

/**
 * A JSON import body: `{ "rows": [...] }` and nothing else. Each row is checked against its kind's row
 * class later, row by row, so that one bad row is reported without refusing the file.
 */
export class ImportRowsRequest {
  /** The rows, one object each. */
  @IsArray() rows!: unknown[];
}

// The same global rules as every other body: unknown fields refused, no control characters anywhere.
const bodyValidation = createValidationPipe();

/**
 * The rows of an import request: a CSV body (`text/csv`, header row first, UTF-8 with or without BOM)
 * or JSON (`application/json`, `{ "rows": [...] }`, parsed by the platform). Either way the rows pass the
 * platform's body validation, so a bare array, an unknown field or a control character is refused with 400.
 */
export async function importRowsOf(request: Request): Promise<unknown[]> {
  const contentType = String(request.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (contentType === 'text/csv') return validated({ rows: parseCsv(await readBody(request)) });
  if (contentType === 'application/json') return validated(request.body);
  throw new ProblemException(415, 'directory.import-media-type', {
    'zh-CN': '只支持 text/csv 或 application/json',
    en: 'Send text/csv or application/json',
  });
}

async function validated(body: unknown): Promise<unknown[]> {
  if (Array.isArray(body) || body === null || typeof body !== 'object') {
    throw malformed({
      'zh-CN': 'JSON 正文应为 {"rows": [...]}',
      en: 'the JSON body must be {"rows": [...]}',
    });
  }
  const request = (await bodyValidation.transform(body, {
    type: 'body',
    metatype: ImportRowsRequest,
  })) as ImportRowsRequest;
  return request.rows;
}

function parseCsv(text: string): unknown[] {
  try {
    return parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw malformed({
      'zh-CN': `CSV 无法解析：${(error as Error).message}`,
      en: `the CSV cannot be parsed: ${(error as Error).message}`,
    });
  }
}

// The platform parses JSON only; a CSV body is still unread on the request stream.
async function readBody(request: Request): Promise<string> {
  const body = await readRawBody(
    request,
    maxCsvBytes,
    () =>
      new ProblemException(413, 'directory.import-too-large', {
        'zh-CN': '导入文件不能超过 20 MB',
        en: 'An import file may not exceed 20 MB',
      }),
  );
  return body.toString('utf8');
}

function malformed(detail: { 'zh-CN': string; en: string }): ProblemException {
  return new ProblemException(400, 'directory.import-malformed', detail);
}
