import type { Request } from 'express';
import { parse } from 'csv-parse/sync';
import { ProblemException } from '@loop/platform';

// CSV files of a whole district (16,000 households) are a few megabytes; more is surely a mistake.
const maxCsvBytes = 20 * 1024 * 1024;

/**
 * The rows of an import request: a CSV body (`text/csv`, header row first, UTF-8 with or without BOM)
 * or JSON (`application/json`, an array of rows or `{ "rows": [...] }`, parsed by the platform).
 */
export async function importRowsOf(request: Request): Promise<unknown[]> {
  const contentType = String(request.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (contentType === 'text/csv') return parseCsv(await readBody(request));
  if (contentType === 'application/json') {
    const body: unknown = request.body;
    if (Array.isArray(body)) return body;
    if (body && typeof body === 'object' && Array.isArray((body as { rows?: unknown }).rows))
      return (body as { rows: unknown[] }).rows;
    throw malformed({
      'zh-CN': 'JSON 正文应为行数组或 {"rows": [...]}',
      en: 'the JSON body must be an array of rows or {"rows": [...]}',
    });
  }
  throw new ProblemException(415, 'directory.import-media-type', {
    'zh-CN': '只支持 text/csv 或 application/json',
    en: 'Send text/csv or application/json',
  });
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
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxCsvBytes) {
      throw new ProblemException(413, 'directory.import-too-large', {
        'zh-CN': '导入文件不能超过 20 MB',
        en: 'An import file may not exceed 20 MB',
      });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function malformed(detail: { 'zh-CN': string; en: string }): ProblemException {
  return new ProblemException(400, 'directory.import-malformed', detail);
}
