import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { ProblemException } from '../errors/problem.exception';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../validation/json-depth';

/**
 * The largest JSON body a service reads (Express' own default, now stated): every JSON request of ours
 * is a few kilobytes. Bigger bodies are answered 413 before they are parsed. Directory CSV imports are
 * not JSON: dispatch reads them from the stream itself, with its own larger limit.
 */
export const JSON_BODY_LIMIT = '100kb';

/**
 * Registers the JSON body parser with the platform's size limit, followed by the depth check. Nest adds
 * its default parsers at `init()` only for the kinds not registered yet, so this one is used instead.
 */
export function configureBodyParsing(app: INestApplication): void {
  (app as NestExpressApplication).useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.use(rejectDeeplyNestedJson);
}

/**
 * Reads a body the platform does not parse (a CSV import, an uploaded photo) from the request stream,
 * refusing it with `tooLarge` as soon as it passes `maxBytes` rather than after buffering all of it.
 */
export async function readRawBody(
  request: Request,
  maxBytes: number,
  tooLarge: () => ProblemException,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

// Named like a parser so a stack listing shows what it is; runs right after JSON parsing.
function rejectDeeplyNestedJson(request: Request, _response: Response, next: NextFunction): void {
  if (nestsDeeperThan(request.body, MAX_JSON_DEPTH)) {
    next(
      new ProblemException(400, 'request.too-deeply-nested', {
        'zh-CN': `请求内容的嵌套层级不能超过 ${MAX_JSON_DEPTH} 层。`,
        en: `The request body may not nest objects or arrays more than ${MAX_JSON_DEPTH} levels deep.`,
      }),
    );
    return;
  }
  next();
}
