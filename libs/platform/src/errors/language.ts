/** The languages user-facing text is written in; zh-CN is the default. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
/** A language user-facing text is available in. */
export type Language = (typeof LANGUAGES)[number];
/** The language used when the client expresses no usable preference. */
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/** A user-facing text in every supported language. */
export type LocalizedText = Record<Language, string>;

interface LanguageRange {
  tag: string;
  quality: number;
  order: number;
}

/**
 * Picks zh-CN or English from an `Accept-Language` header (RFC 9110 §12.5.4): the supported language
 * with the highest q-value wins, zh-CN when the header is absent or names neither.
 */
export function preferredLanguage(acceptLanguage: string | string[] | undefined): Language {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  if (!header) return DEFAULT_LANGUAGE;

  const ranges = header
    .split(',')
    .map((part, order) => parseRange(part, order))
    .filter((range): range is LanguageRange => range !== undefined && range.quality > 0)
    // Stable on ties: the client's own order decides between equally weighted languages.
    .sort((a, b) => b.quality - a.quality || a.order - b.order);

  for (const range of ranges) {
    const language = supportedLanguageFor(range.tag);
    if (language) return language;
  }
  return DEFAULT_LANGUAGE;
}

function parseRange(part: string, order: number): LanguageRange | undefined {
  const [tag, ...parameters] = part.trim().split(';');
  if (!tag) return undefined;
  const qualityParameter = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
  const quality = qualityParameter ? Number(qualityParameter.slice(2)) : 1;
  return Number.isFinite(quality) ? { tag: tag.trim().toLowerCase(), quality, order } : undefined;
}

function supportedLanguageFor(tag: string): Language | undefined {
  // Any Chinese variant gets the zh-CN text: it is the only Chinese text there is.
  if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  return undefined;
}
