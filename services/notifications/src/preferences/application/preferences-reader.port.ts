import type { EntityManager } from 'typeorm';
import type { Preference } from '../domain/preference';

/** A webhook subscription: where to POST a person's notifications and the secret that signs them. */
export interface WebhookSubscription {
  id: string;
  userId: string;
  url: string;
  secret: string;
  createdAt: Date;
}

/** A user's preferences and whether they subscribed a webhook. */
export interface DeliverySettings {
  preference: Preference;
  hasWebhook: boolean;
}

/**
 * What the rest of the notifications service may read of people's preferences and webhooks: the rules
 * plan channels with them, the delivery worker sends by them, the inbox renders in the stored language.
 * Inject this class (it is the DI token); the preferences module binds it to the database-backed
 * repository.
 */
export abstract class PreferencesReader {
  /** The stored preferences of each user, defaults for the others. */
  abstract preferencesOf(
    manager: EntityManager,
    userIds: readonly string[],
  ): Promise<Map<string, Preference>>;

  /** Each user's preferences (defaults for those without) and whether they have a webhook. */
  abstract deliverySettingsOf(
    manager: EntityManager,
    userIds: readonly string[],
  ): Promise<Map<string, DeliverySettings>>;

  /** The user's stored preferences, or null when they never set any. */
  abstract findPreference(manager: EntityManager, userId: string): Promise<Preference | null>;

  /** The webhook subscriptions of the given users, by user. */
  abstract webhooksOf(
    manager: EntityManager,
    userIds: readonly string[],
  ): Promise<Map<string, WebhookSubscription>>;
}
