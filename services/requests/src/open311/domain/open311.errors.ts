// Errors as GeoReport v2 answers them: an HTTP status (404 for what does not exist, 403 for a missing or
// bad api_key, 400 for anything else the server cannot do) and a list of { code, description }.
import type { Language, LocalizedText } from '@loop/platform';

/** The statuses a GeoReport v2 answer may have besides 200 (429 when a key files too fast). */
export type Open311Status = 400 | 403 | 404 | 429 | 503;

/** One entry of a GeoReport error answer. */
export interface Open311ErrorEntry {
  /** The HTTP status, as the specification's examples give it. */
  code: number;
  /** What the person using the client should read. */
  description: string;
}

/** A request the facade refuses, with the status and the text the client shows. */
export class Open311Error extends Error {
  constructor(
    readonly status: Open311Status,
    readonly text: LocalizedText,
    /** Seconds to wait before trying again (429 only). */
    readonly retryAfterSeconds?: number,
  ) {
    super(text.en);
    this.name = 'Open311Error';
  }

  /** The error list the client receives. */
  entries(language: Language): Open311ErrorEntry[] {
    return [{ code: this.status, description: this.text[language] }];
  }
}

/** 400: a parameter is missing or malformed. */
export function badRequest(zh: string, en: string): Open311Error {
  return new Open311Error(400, { 'zh-CN': zh, en });
}

/** 403: the api_key is missing, unknown or revoked. */
export function invalidApiKey(): Open311Error {
  return new Open311Error(403, {
    'zh-CN': 'api_key 缺失或无效，无法处理该请求。',
    en: "Invalid api_key received -- can't proceed with the request.",
  });
}

/** 403: the place lies outside the communities the key may file in. */
export function outsideScope(): Open311Error {
  return new Open311Error(403, {
    'zh-CN': '该地点不在此 api_key 可提交的社区范围内。',
    en: 'The place is outside the communities this api_key may file in.',
  });
}

/** 404: no such service_code. */
export function unknownService(code: string): Open311Error {
  return new Open311Error(404, {
    'zh-CN': `没有编号为 ${code} 的服务类型。`,
    en: `service_code ${code} was not found.`,
  });
}

/** 404: no such service request (or not one this client filed). */
export function unknownRequest(id: string): Open311Error {
  return new Open311Error(404, {
    'zh-CN': `没有编号为 ${id} 的服务请求。`,
    en: `service_request_id ${id} was not found.`,
  });
}

/** 404: no such token (or not one issued to this client). */
export function unknownToken(token: string): Open311Error {
  return new Open311Error(404, {
    'zh-CN': `没有令牌 ${token}。`,
    en: `token ${token} was not found.`,
  });
}

/** 404: the format is neither json nor xml. */
export function unknownFormat(format: string): Open311Error {
  return new Open311Error(404, {
    'zh-CN': `不支持 ${format} 格式，请使用 json 或 xml。`,
    en: `Format ${format} is not offered; use json or xml.`,
  });
}
