// The problem message of an error in the screen's language, for toasts and error states.
import { useI18n } from 'vue-i18n';
import { problemMessage } from '../api/problem';

/** Returns a function that words any error for the person. */
export function useProblemMessage(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) =>
    problemMessage(error, {
      network: t('errors.network'),
      status: (status) => t('errors.status', { status }),
      unknown: t('errors.unknown'),
      separator: t('errors.separator'),
    });
}
