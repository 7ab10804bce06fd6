import type { NotificationLanguage } from '../../notification/domain/templates';
import type { QuietHours } from './quiet-hours';

/** A person's notification preferences; everyone without a stored row gets the defaults. */
export interface Preference {
  userId: string;
  language: NotificationLanguage;
  quietHours: QuietHours | null;
  /** The person's own mobile number for SMS notifications to themselves; null turns SMS off. */
  smsNumber: string | null;
}

/** The preferences of someone who never set any: zh-CN, no quiet hours, no SMS. */
export function defaultPreference(userId: string): Preference {
  return { userId, language: 'zh-CN', quietHours: null, smsNumber: null };
}
