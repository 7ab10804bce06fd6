import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { notificationLanguageOf } from '../../notification/domain/templates';
import {
  DeliverySettings,
  PreferencesReader,
  WebhookSubscription,
} from '../application/preferences-reader.port';
import { defaultPreference, Preference } from '../domain/preference';

interface PreferenceRow {
  user_id: string;
  language: string;
  quiet_start_minute: number | null;
  quiet_end_minute: number | null;
  sms_number: string | null;
}

// A user's preference columns (all null without a stored row) and whether they have a webhook.
type SettingsRow = Omit<PreferenceRow, 'language'> & { language: string | null; has_webhook: boolean };

/** People's preferences and webhook subscriptions. */
@Injectable()
export class PreferencesRepository implements PreferencesReader {
  /** The stored preferences of each user, defaults for the others. */
  async preferencesOf(manager: EntityManager, userIds: readonly string[]): Promise<Map<string, Preference>> {
    const rows: PreferenceRow[] = userIds.length
      ? await manager.query(`SELECT * FROM preference WHERE user_id = ANY($1)`, [userIds])
      : [];
    const byUser = new Map(userIds.map((id) => [id, defaultPreference(id)]));
    for (const row of rows) byUser.set(row.user_id, toPreference(row));
    return byUser;
  }

  /**
   * What decides each user's delivery channels, in one round trip: their preferences (defaults for
   * those without) and whether they have a webhook.
   */
  async deliverySettingsOf(
    manager: EntityManager,
    userIds: readonly string[],
  ): Promise<Map<string, DeliverySettings>> {
    if (userIds.length === 0) return new Map();
    const rows: SettingsRow[] = await manager.query(
      `SELECT u.user_id, p.language, p.quiet_start_minute, p.quiet_end_minute, p.sms_number,
                w.user_id IS NOT NULL AS has_webhook
         FROM unnest($1::text[]) AS u (user_id)
         LEFT JOIN preference p ON p.user_id = u.user_id
         LEFT JOIN webhook_subscription w ON w.user_id = u.user_id`,
      [userIds],
    );
    return new Map(
      rows.map((row) => [
        row.user_id,
        {
          // No stored language means no stored preferences: the defaults apply.
          preference:
            row.language === null
              ? defaultPreference(row.user_id)
              : toPreference({ ...row, language: row.language }),
          hasWebhook: row.has_webhook,
        },
      ]),
    );
  }

  /** The user's stored preferences, or null when they never set any. */
  async findPreference(manager: EntityManager, userId: string): Promise<Preference | null> {
    const rows: PreferenceRow[] = await manager.query(`SELECT * FROM preference WHERE user_id = $1`, [
      userId,
    ]);
    return rows[0] ? toPreference(rows[0]) : null;
  }

  /** The user's preferences (defaults when none are stored). */
  async preferenceOf(manager: EntityManager, userId: string): Promise<Preference> {
    return (await this.preferencesOf(manager, [userId])).get(userId) ?? defaultPreference(userId);
  }

  /** Replaces the user's preferences. */
  async save(manager: EntityManager, preference: Preference, now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO preference (user_id, language, quiet_start_minute, quiet_end_minute, sms_number, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id) DO UPDATE SET language = EXCLUDED.language,
         quiet_start_minute = EXCLUDED.quiet_start_minute, quiet_end_minute = EXCLUDED.quiet_end_minute,
         sms_number = EXCLUDED.sms_number, updated_at = EXCLUDED.updated_at`,
      [
        preference.userId,
        preference.language,
        preference.quietHours?.startMinute ?? null,
        preference.quietHours?.endMinute ?? null,
        preference.smsNumber,
        now,
      ],
    );
  }

  /** The webhook subscriptions of the given users, by user. */
  async webhooksOf(
    manager: EntityManager,
    userIds: readonly string[],
  ): Promise<Map<string, WebhookSubscription>> {
    if (userIds.length === 0) return new Map();
    const rows: Array<{ id: string; user_id: string; url: string; secret: string; created_at: Date }> =
      await manager.query(`SELECT * FROM webhook_subscription WHERE user_id = ANY($1)`, [userIds]);
    return new Map(
      rows.map((row) => [
        row.user_id,
        { id: row.id, userId: row.user_id, url: row.url, secret: row.secret, createdAt: row.created_at },
      ]),
    );
  }

  /** Creates or replaces the user's webhook subscription. */
  async saveWebhook(manager: EntityManager, subscription: WebhookSubscription): Promise<void> {
    await manager.query(
      `INSERT INTO webhook_subscription (user_id, id, url, secret, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) DO UPDATE SET id = EXCLUDED.id, url = EXCLUDED.url, secret = EXCLUDED.secret,
         created_at = EXCLUDED.created_at`,
      [subscription.userId, subscription.id, subscription.url, subscription.secret, subscription.createdAt],
    );
  }

  /** Removes the user's webhook subscription; false when there was none. */
  async deleteWebhook(manager: EntityManager, userId: string): Promise<boolean> {
    const result = (await manager.query(`DELETE FROM webhook_subscription WHERE user_id = $1`, [userId])) as [
      unknown[],
      number,
    ];
    return result[1] > 0;
  }
}

function toPreference(row: PreferenceRow): Preference {
  return {
    userId: row.user_id,
    language: notificationLanguageOf(row.language),
    quietHours:
      row.quiet_start_minute !== null && row.quiet_end_minute !== null
        ? { startMinute: row.quiet_start_minute, endMinute: row.quiet_end_minute }
        : null,
    smsNumber: row.sms_number,
  };
}
