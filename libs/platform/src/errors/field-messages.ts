import type { FieldViolation } from './validation-failed.exception';
import type { Language, LocalizedText } from './language';

/** A field error as it appears in a problem+json `errors` array. */
export interface FieldError {
  /** Dotted path of the field. */
  field: string;
  /** The message in the response's language, without the field name (clients show it beside the field). */
  message: string;
  /** The constraint that failed, e.g. `maxLength`. */
  code: string;
}

// Messages for the class-validator constraints DTOs commonly use. `{0}`, `{1}` are the constraint's
// arguments. Constraints not listed fall back to a generic zh-CN text or class-validator's English.
const MESSAGES: Record<string, LocalizedText> = {
  whitelistValidation: { 'zh-CN': '不允许提交此字段', en: 'is not an allowed field' },
  isDefined: { 'zh-CN': '必须提供', en: 'is required' },
  isNotEmpty: { 'zh-CN': '不能为空', en: 'must not be empty' },
  isString: { 'zh-CN': '必须是文本', en: 'must be text' },
  isInt: { 'zh-CN': '必须是整数', en: 'must be an integer' },
  isNumber: { 'zh-CN': '必须是数字', en: 'must be a number' },
  isNumberString: { 'zh-CN': '必须是数字', en: 'must be a number' },
  isBoolean: { 'zh-CN': '必须是 true 或 false', en: 'must be true or false' },
  isPositive: { 'zh-CN': '必须是正数', en: 'must be a positive number' },
  min: { 'zh-CN': '不能小于 {0}', en: 'must not be less than {0}' },
  max: { 'zh-CN': '不能大于 {0}', en: 'must not be greater than {0}' },
  minLength: { 'zh-CN': '长度不能少于 {0} 个字符', en: 'must be at least {0} characters long' },
  maxLength: { 'zh-CN': '长度不能超过 {0} 个字符', en: 'must be at most {0} characters long' },
  isLength: {
    'zh-CN': '长度必须在 {0} 到 {1} 个字符之间',
    en: 'must be between {0} and {1} characters long',
  },
  isEmail: { 'zh-CN': '必须是有效的电子邮箱地址', en: 'must be a valid email address' },
  isUUID: { 'zh-CN': '必须是有效的 UUID', en: 'must be a valid UUID' },
  isUrl: { 'zh-CN': '必须是有效的网址', en: 'must be a valid URL' },
  isEnum: { 'zh-CN': '必须是以下之一：{1}', en: 'must be one of: {1}' },
  isIn: { 'zh-CN': '必须是以下之一：{0}', en: 'must be one of: {0}' },
  isDateString: { 'zh-CN': '必须是 ISO 8601 格式的日期时间', en: 'must be an ISO 8601 date-time' },
  isISO8601: { 'zh-CN': '必须是 ISO 8601 格式的日期时间', en: 'must be an ISO 8601 date-time' },
  isDate: { 'zh-CN': '必须是日期', en: 'must be a date' },
  isArray: { 'zh-CN': '必须是列表', en: 'must be a list' },
  arrayNotEmpty: { 'zh-CN': '至少需要一项', en: 'must contain at least one item' },
  arrayMinSize: { 'zh-CN': '至少需要 {0} 项', en: 'must contain at least {0} items' },
  arrayMaxSize: { 'zh-CN': '最多 {0} 项', en: 'must contain at most {0} items' },
  arrayUnique: { 'zh-CN': '不能有重复项', en: 'must not contain duplicates' },
  isObject: { 'zh-CN': '必须是对象', en: 'must be an object' },
  nestedValidation: { 'zh-CN': '必须是对象', en: 'must be an object' },
  matches: { 'zh-CN': '格式不正确', en: 'has an invalid format' },
  isMobilePhone: { 'zh-CN': '必须是有效的手机号码', en: 'must be a valid mobile phone number' },
  isPhoneNumber: { 'zh-CN': '必须是有效的电话号码', en: 'must be a valid phone number' },
  isLatitude: { 'zh-CN': '必须是有效的纬度', en: 'must be a valid latitude' },
  isLongitude: { 'zh-CN': '必须是有效的经度', en: 'must be a valid longitude' },
  noControlCharacters: {
    'zh-CN': '不能包含控制字符（如 NUL）',
    en: 'must not contain control characters (such as NUL)',
  },
  isAccountId: { 'zh-CN': '必须是有效的账号 ID', en: 'must be a valid account id' },
  isIntegerBetween: { 'zh-CN': '必须是 {0} 到 {1} 之间的整数', en: 'must be an integer from {0} to {1}' },
};

const GENERIC_ZH = '取值无效';
const LIST_SEPARATOR: LocalizedText = { 'zh-CN': '、', en: ', ' };

/** Translates language-neutral violations into the `errors` entries of a problem response. */
export function translateViolations(violations: FieldViolation[], language: Language): FieldError[] {
  return violations.map((violation) => ({
    field: violation.field,
    code: violation.code,
    message: translateViolation(violation, language),
  }));
}

function translateViolation(violation: FieldViolation, language: Language): string {
  if (violation.text) return violation.text[language];
  const template = MESSAGES[violation.code]?.[language];
  if (template === undefined) return language === 'en' ? violation.fallback : GENERIC_ZH;
  return template.replace(/\{(\d+)\}/g, (_, index: string) =>
    formatParam(violation.params[Number(index)], language),
  );
}

function formatParam(param: unknown, language: Language): string {
  if (Array.isArray(param)) return param.map(String).join(LIST_SEPARATOR[language]);
  if (param !== null && typeof param === 'object')
    return Object.values(param).map(String).join(LIST_SEPARATOR[language]);
  return String(param);
}
