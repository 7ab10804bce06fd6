// vue-i18n with zh-CN as the default and English as the switch; the language ref drives both the
// screens and the Accept-Language the services answer in.
import { watch } from 'vue';
import { createI18n } from 'vue-i18n';
import en from './en';
import { language } from './language';
import zhCN from './zh-CN';

/** The console's i18n instance (Composition API mode). */
export const i18n = createI18n({
  legacy: false,
  locale: language.value,
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

watch(language, (next) => {
  i18n.global.locale.value = next;
});
