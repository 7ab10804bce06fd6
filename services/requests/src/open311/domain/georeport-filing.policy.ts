// Reads a GeoReport v2 `POST requests` body (form-encoded as the specification sends it, or JSON) into
// what a ticket needs, refusing anything malformed with 400 before a ticket is attempted.
import { badRequest } from './open311.errors';
import { URGENCY_ATTRIBUTE, urgencyValues } from './georeport-services.mapper';

/** Where the client says the need is; `addressId` names a directory place, the rest is kept as given. */
export interface GeoReportLocation {
  addressId?: string;
  addressString?: string;
  lat?: number;
  long?: number;
}

/** A filing as read from the body (the api_key is read apart, first). */
export interface GeoReportFiling {
  serviceCode: string;
  urgency: 'normal' | 'urgent' | 'emergency';
  description: string;
  location: GeoReportLocation;
  /** Name and phone of the person reporting, kept under the ticket's contact rules; never read back. */
  contact: { name?: string; phone?: string } | null;
  mediaUrl?: string;
  /** Echoed in the answer as the specification's account_id; not stored. */
  accountId?: string;
}

/** The shortest and longest description a ticket takes. */
export const DESCRIPTION_LENGTH = { min: 10, max: 2000 } as const;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const phonePattern = /^\+?[0-9][0-9 -]{4,19}$/;
const emailPattern = /^[^\s@]{1,64}@[^\s@]{1,189}$/;
// Control characters other than tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const knownFields = new Set([
  'api_key',
  'jurisdiction_id',
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
  'attribute',
]);

/** The api_key of a request (form body, JSON body or query string), or undefined when absent or empty. */
export function apiKeyOf(...sources: ReadonlyArray<Record<string, unknown> | undefined>): string | undefined {
  for (const source of sources) {
    const value = source?.api_key;
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** Reads a `POST requests` body; 400 naming the first field that is missing or malformed. */
export function readFiling(sent: Record<string, unknown>): GeoReportFiling {
  const body = withAttributesNested(sent);
  const unknown = Object.keys(body).find((field) => !knownFields.has(field));
  if (unknown) throw badRequest(`不认识的参数 ${unknown}。`, `Unknown argument ${unknown}.`);
  const serviceCode = text(body, 'service_code', 64);
  if (!serviceCode) throw badRequest('缺少 service_code。', 'service_code was not provided.');
  const description = text(body, 'description', DESCRIPTION_LENGTH.max + 1)?.trim();
  if (
    !description ||
    description.length < DESCRIPTION_LENGTH.min ||
    description.length > DESCRIPTION_LENGTH.max
  ) {
    throw badRequest(
      `description 须为 ${DESCRIPTION_LENGTH.min}–${DESCRIPTION_LENGTH.max} 个字符。`,
      `description must be ${DESCRIPTION_LENGTH.min}–${DESCRIPTION_LENGTH.max} characters.`,
    );
  }
  return {
    serviceCode,
    urgency: urgencyOf(body.attribute),
    description,
    location: locationOf(body),
    contact: contactOf(body),
    ...optional('mediaUrl', mediaUrlOf(body)),
    ...optional('accountId', text(body, 'account_id', 128)),
  };
}

/** A ticket title from the description: its first line, at most 30 characters, or the service's name. */
export function titleFrom(description: string, serviceName: string): string {
  const firstLine = description.split(/\r?\n/)[0].replace(/\s+/g, ' ').trim();
  const title = [...firstLine].slice(0, 30).join('');
  return title.length >= 4 ? title : serviceName;
}

/**
 * A JSON body may name attributes as the form does (`"attribute[urgency]": "urgent"`) or nest them
 * (`"attribute": { "urgency": "urgent" }`); both read the same.
 */
function withAttributesNested(body: Record<string, unknown>): Record<string, unknown> {
  const flat = Object.keys(body).filter((field) => /^attribute\[[^\]]+\]$/.test(field));
  if (flat.length === 0) return body;
  const nested = body.attribute;
  if (nested !== undefined && (typeof nested !== 'object' || nested === null || Array.isArray(nested))) {
    throw badRequest(
      'attribute 须写作 attribute[代码]=值。',
      'attribute must be sent as attribute[code]=value.',
    );
  }
  const attributes: Record<string, unknown> = { ...(nested as Record<string, unknown> | undefined) };
  const rest: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(body)) {
    if (flat.includes(field)) attributes[field.slice('attribute['.length, -1)] = value;
    else if (field !== 'attribute') rest[field] = value;
  }
  return { ...rest, attribute: attributes };
}

function locationOf(body: Record<string, unknown>): GeoReportLocation {
  const addressId = text(body, 'address_id', 64);
  if (addressId !== undefined && !uuidPattern.test(addressId)) {
    throw badRequest(
      'address_id 须为区名录中的住户或小区编号。',
      'address_id must be a household or compound id of the district directory.',
    );
  }
  const addressString = text(body, 'address_string', 200);
  const lat = coordinate(body, 'lat', 90);
  const long = coordinate(body, 'long', 180);
  if ((lat === undefined) !== (long === undefined)) {
    throw badRequest('lat 与 long 须同时提供。', 'lat and long must be sent together.');
  }
  if (addressId === undefined && addressString === undefined && lat === undefined) {
    throw badRequest(
      '须提供地点：lat/long、address_string 或 address_id。',
      'A location is required: lat & long, address_string or address_id.',
    );
  }
  return {
    ...optional('addressId', addressId?.toLowerCase()),
    ...optional('addressString', addressString),
    ...optional('lat', lat),
    ...optional('long', long),
  };
}

function contactOf(body: Record<string, unknown>): GeoReportFiling['contact'] {
  const name = [text(body, 'first_name', 25), text(body, 'last_name', 25)]
    .filter((part): part is string => part !== undefined)
    .join(' ')
    .trim();
  const phone = text(body, 'phone', 20);
  if (phone !== undefined && !phonePattern.test(phone)) {
    throw badRequest('phone 不是有效的电话号码。', 'phone is not a valid phone number.');
  }
  const email = text(body, 'email', 254);
  if (email !== undefined && !emailPattern.test(email)) {
    throw badRequest('email 不是有效的电子邮箱地址。', 'email is not a valid email address.');
  }
  text(body, 'device_id', 128);
  text(body, 'jurisdiction_id', 128);
  if (!name && !phone) return null;
  return { ...optional('name', name || undefined), ...optional('phone', phone) };
}

function urgencyOf(attributes: unknown): GeoReportFiling['urgency'] {
  if (attributes === undefined) return 'normal';
  if (!attributes || typeof attributes !== 'object' || Array.isArray(attributes)) {
    throw badRequest(
      'attribute 须写作 attribute[代码]=值。',
      'attribute must be sent as attribute[code]=value.',
    );
  }
  const entries = Object.entries(attributes as Record<string, unknown>);
  const unknown = entries.find(([code]) => code !== URGENCY_ATTRIBUTE);
  if (unknown) {
    throw badRequest(`该服务没有属性 ${unknown[0]}。`, `The service has no attribute ${unknown[0]}.`);
  }
  const value = (attributes as Record<string, unknown>)[URGENCY_ATTRIBUTE];
  if (value === undefined || value === '') return 'normal';
  const urgency = urgencyValues.find((option) => option.key === value);
  if (!urgency) {
    throw badRequest(
      'attribute[urgency] 须为 normal、urgent 或 emergency。',
      'attribute[urgency] must be normal, urgent or emergency.',
    );
  }
  return urgency.key;
}

function mediaUrlOf(body: Record<string, unknown>): string | undefined {
  const value = text(body, 'media_url', 500);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badRequest('media_url 须为 http 或 https 网址。', 'media_url must be an http or https URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw badRequest('media_url 须为 http 或 https 网址。', 'media_url must be an http or https URL.');
  }
  return value;
}

/** A text argument: undefined when absent or empty ("optional" in the specification's sense). */
function text(body: Record<string, unknown>, field: string, maxLength: number): string | undefined {
  const value = body[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') {
    throw badRequest(`${field} 须为文本。`, `${field} must be a single text value.`);
  }
  if (value.length > maxLength) {
    throw badRequest(
      `${field} 最长 ${maxLength} 个字符。`,
      `${field} may be at most ${maxLength} characters.`,
    );
  }
  if (controlCharacters.test(value)) {
    throw badRequest(`${field} 含有控制字符。`, `${field} contains control characters.`);
  }
  return value.trim() === '' ? undefined : value;
}

function coordinate(body: Record<string, unknown>, field: 'lat' | 'long', limit: number): number | undefined {
  const raw = text(body, field, 32);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^-?\d+(\.\d+)?$/.test(raw.trim()) || !Number.isFinite(value) || Math.abs(value) > limit) {
    throw badRequest(
      `${field} 须为 WGS-84 坐标（±${limit}）。`,
      `${field} must be a WGS-84 coordinate within ±${limit}.`,
    );
  }
  return value;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
