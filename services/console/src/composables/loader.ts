// Loading, failure and data of one screen's read, so every screen shows the same loading and error states.
// The services word some of what they return (a story's steps, notifications, problems) in the language
// asked for, so a read that has loaded is read again when the language changes.
import { ref, shallowRef, watch } from 'vue';
import { language } from '../i18n/language';
import { useProblemMessage } from './problem-message';

/** Runs `load` on demand; a reload keeps showing the last data while it runs. */
export function useLoader<T>(load: () => Promise<T>) {
  const message = useProblemMessage();
  const value = shallowRef<T>();
  const loading = ref(false);
  const error = ref<string>();

  async function reload(): Promise<void> {
    loading.value = true;
    try {
      value.value = await load();
      error.value = undefined;
    } catch (failure) {
      error.value = message(failure);
    } finally {
      loading.value = false;
    }
  }

  watch(language, () => {
    if (value.value !== undefined || error.value !== undefined) void reload();
  });

  return { value, loading, error, reload };
}
