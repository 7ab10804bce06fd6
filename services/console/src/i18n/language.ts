// The console's language: zh-CN unless the person switched to English. The services answer in the same
// language (Accept-Language), so problem messages match the screen.
import { ref } from 'vue';

/** The languages the console and the services speak. */
export const languages = ['zh-CN', 'en'] as const;
/** One of {@link languages}. */
export type Language = (typeof languages)[number];

const storageKey = 'console.language';

function storedLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(storageKey);
  return stored === 'en' ? 'en' : 'zh-CN';
}

/** The current language, reactive. */
export const language = ref<Language>(storedLanguage());

/** Switches the language and remembers the choice. */
export function setLanguage(next: Language): void {
  language.value = next;
  globalThis.localStorage?.setItem(storageKey, next);
  if (globalThis.document) document.documentElement.lang = next;
}
