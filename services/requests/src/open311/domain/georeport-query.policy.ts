// Reads the `GET requests` query: a list of ids overrides everything else; otherwise services,
// statuses and a requested_datetime window of at most 90 days (the most recent 90 days by default),
// answered newest first and at most 1000 at a time, as the specification sets.
import { badRequest } from './open311.errors';

/** What `GET requests` asks for. */
export type GeoReportQuery =
  | { kind: 'ids'; ids: string[] }
  | {
      kind: 'search';
      serviceCodes: string[];
      statuses: Array<'open' | 'closed'>;
      from: Date;
      to: Date;
      limit: number;
    };

/** The longest window one query may span, and the default window. */
export const QUERY_WINDOW_DAYS = 90;
/** The most requests one answer carries. */
export const QUERY_LIMIT = 1000;

const dayMs = 24 * 3600 * 1000;
// w3 date-time with a zone (Z or ±hh:mm), seconds and fractions optional.
const w3DateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Reads the query; 400 for a malformed date, an unknown status or a window over 90 days. */
export function readQuery(query: Record<string, unknown>, now: Date): GeoReportQuery {
  const ids = list(query, 'service_request_id');
  if (ids.length > 0) {
    if (ids.length > QUERY_LIMIT) {
      throw badRequest(
        `一次最多查询 ${QUERY_LIMIT} 个编号。`,
        `At most ${QUERY_LIMIT} service_request_id at once.`,
      );
    }
    return { kind: 'ids', ids };
  }
  const statuses = list(query, 'status');
  const unknownStatus = statuses.find((status) => status !== 'open' && status !== 'closed');
  if (unknownStatus !== undefined) {
    throw badRequest(
      'status 只能是 open 或 closed。',
      `status must be open or closed, not ${unknownStatus}.`,
    );
  }
  const start = date(query, 'start_date');
  const end = date(query, 'end_date');
  const window = QUERY_WINDOW_DAYS * dayMs;
  const to = end ?? (start ? new Date(start.getTime() + window) : now);
  const from = start ?? new Date(to.getTime() - window);
  if (from.getTime() > to.getTime()) {
    throw badRequest('start_date 不能晚于 end_date。', 'start_date may not be after end_date.');
  }
  if (to.getTime() - from.getTime() > window) {
    throw badRequest(
      `查询时间范围不能超过 ${QUERY_WINDOW_DAYS} 天。`,
      `start_date and end_date may not span more than ${QUERY_WINDOW_DAYS} days.`,
    );
  }
  return {
    kind: 'search',
    serviceCodes: list(query, 'service_code'),
    statuses: statuses as Array<'open' | 'closed'>,
    from,
    to,
    limit: QUERY_LIMIT,
  };
}

/** A comma list argument (also given several times); empty when absent. */
function list(query: Record<string, unknown>, field: string): string[] {
  const value = query[field];
  if (value === undefined || value === '') return [];
  const parts = Array.isArray(value) ? value : [value];
  if (parts.some((part) => typeof part !== 'string')) {
    throw badRequest(`${field} 须为逗号分隔的文本。`, `${field} must be a comma-separated list.`);
  }
  const items = (parts as string[])
    .flatMap((part) => part.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.some((item) => item.length > 64)) {
    throw badRequest(`${field} 中的值过长。`, `A value of ${field} is too long.`);
  }
  return [...new Set(items)];
}

function date(query: Record<string, unknown>, field: string): Date | undefined {
  const value = query[field];
  if (value === undefined || value === '') return undefined;
  const parsed = typeof value === 'string' && w3DateTime.test(value) ? new Date(value) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime())) {
    throw badRequest(
      `${field} 须为 w3 格式的时间，例如 2010-01-01T00:00:00Z。`,
      `${field} must use the w3 format, e.g. 2010-01-01T00:00:00Z.`,
    );
  }
  return parsed;
}
