// Category names in the screen's language, read once from the requests service's catalogue.
import { ref } from 'vue';
import { data, requestsApi } from '../api/clients';
import { language } from '../i18n/language';

const names = ref<Record<string, { zh: string; en: string }>>({});
let loading: Promise<void> | undefined;

/** The name of a category code; the code itself until the catalogue has loaded. */
export function useCategoryNames(): (code: string) => string {
  loading ??= data(requestsApi.GET('/categories'))
    .then((categories) => {
      names.value = Object.fromEntries(categories.map((c) => [c.code, { zh: c.nameZh, en: c.nameEn }]));
    })
    .catch(() => {
      loading = undefined;
    });
  return (code) => {
    const name = names.value[code];
    return name ? (language.value === 'en' ? name.en : name.zh) : code;
  };
}
