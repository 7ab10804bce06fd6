import { Inject, Injectable } from '@nestjs/common';
import { EventEnvelope, NotificationDelivery, notificationDeliveredV2 } from '@loop/contracts';
import { Actor, causeFollowing, UnitOfWork } from '@loop/messaging';
import { chunk } from '@loop/platform';
import type { EntityManager } from 'typeorm';
import { SMS_ENABLED } from '../../delivery/application/notification-channel';
import { planChannels } from '../../delivery/domain/delivery-plan';
import { DeferredEvents } from '../../facts/application/deferred-events.port';
import { DirectoryFacts } from '../../facts/application/directory-facts.port';
import { TicketFacts } from '../../facts/application/ticket-facts.port';
import { TicketFollowers } from '../../facts/application/ticket-followers.port';
import { applyToTicketFact } from '../../facts/domain/ticket-fact.projection';
import { PreferencesReader } from '../../preferences/application/preferences-reader.port';
import { LoopEvent, loopEventOf, ticketIdOf } from '../domain/loop-event';
import type { TicketFact } from '../../facts/domain/facts';
import {
  directoryNeedsOf,
  followerNotifications,
  isHeardByFollowers,
  needsTicketFact,
  notificationsFor,
} from '../domain/notification-rules';
import { NewNotification, NotificationsRepository } from '../infrastructure/notifications.typeorm-repository';

// The v2 contract's bound on one fact; an event telling more people publishes several.
const maxDeliveriesPerFact = 1_000;

/** The automatic process named as the actor of the facts this service publishes. */
export const notificationsActor: Actor = { role: 'system', id: 'notifications' };

/**
 * Turns one loop event into notifications inside the consumer's inbox transaction: updates the ticket
 * fact, applies the rules, stores each recipient's notification with its deliveries, and publishes one
 * notification.delivered fact naming every recipient — all committing together, or not at all. An event about a
 * ticket not yet submitted waits in `deferred_event` and is handled right after the submission.
 */
@Injectable()
export class RecordNotificationsHandler {
  constructor(
    private readonly tickets: TicketFacts,
    private readonly directory: DirectoryFacts,
    private readonly deferred: DeferredEvents,
    private readonly notifications: NotificationsRepository,
    private readonly preferences: PreferencesReader,
    @Inject(SMS_ENABLED) private readonly smsEnabled: boolean,
    private readonly followers: TicketFollowers,
  ) {}

  /**
   * Handles the loop event in `envelope` with `unit`, this service following it in the inbox
   * transaction.
   */
  async handle(envelope: EventEnvelope, unit: UnitOfWork): Promise<void> {
    const { manager } = unit;
    const event = loopEventOf(envelope);
    const ticketId = ticketIdOf(event);
    // A ledger entry earned on a volunteer activity concerns no ticket.
    if (ticketId === null) return this.notify(event, envelope, null, unit);
    const ticket = await this.tickets.findForUpdate(manager, ticketId);
    if (!ticket && needsTicketFact(event)) {
      // An event from another topic overtook its ticket's submission: it waits, rather than blocking its partition.
      await this.deferred.defer(manager, ticketId, envelope, unit.now);
      return;
    }
    await this.notify(event, envelope, ticket, unit);
    await this.keepFollowers(event, manager);
    if (event.type === 'ticket.submitted') {
      // Each waiting event's facts follow from it, not from the submission that released it.
      for (const waiting of await this.deferred.takeFor(manager, ticketId))
        await this.handle(waiting, unit.withCause(causeFollowing(waiting, notificationsActor)));
    }
  }

  // ticket.merged makes the ticket a follower of its master; unmerging, cancelling or closing it ends that.
  private async keepFollowers(event: LoopEvent, manager: EntityManager): Promise<void> {
    if (event.type === 'ticket.merged') {
      const p = event.payload;
      await this.followers.follow(manager, p.ticketId, p.masterTicketId, new Date(p.mergedAt));
    } else if (
      event.type === 'ticket.unmerged' ||
      event.type === 'ticket.cancelled' ||
      (event.type === 'ticket.confirmed' && event.payload.duplicateOf)
    ) {
      await this.followers.stop(manager, event.payload.ticketId);
    }
  }

  private async notify(
    event: LoopEvent,
    envelope: EventEnvelope,
    ticket: TicketFact | null,
    unit: UnitOfWork,
  ): Promise<void> {
    const { manager } = unit;
    const communityId = event.type === 'ticket.submitted' ? event.payload.communityId : ticket?.communityId;
    const needs = directoryNeedsOf(event);
    const [communityStaff, officials] = communityId
      ? await Promise.all([
          needs.communityStaff ? this.directory.staffOfCommunity(manager, communityId) : [],
          needs.officials ? this.directory.officialsOfCommunity(manager, communityId) : [],
        ])
      : [[], []];
    const facts = { ticket, communityStaff, officials };
    // Residents whose tickets were merged into this one hear what its resident hears (ADR 0016).
    const followers =
      ticket && isHeardByFollowers(event) ? await this.followers.of(manager, ticket.ticketId) : [];
    // Recipients in id order, so the statement that records them touches their rows in one order; one
    // notification per recipient (a resident who filed both the master and a duplicate hears once).
    const seen = new Set<string>();
    const intents = [...notificationsFor(event, facts), ...followerNotifications(event, facts, followers)]
      .filter((told) => !seen.has(told.recipient.id) && Boolean(seen.add(told.recipient.id)))
      .sort((a, b) => a.recipient.id.localeCompare(b.recipient.id));

    const after = applyToTicketFact(ticket, event);
    if (after) await this.tickets.save(manager, after);
    if (intents.length === 0) return;

    const recipientIds = intents.map((intent) => intent.recipient.id);
    const settings = await this.preferences.deliverySettingsOf(manager, recipientIds);
    const now = unit.now;
    const planned: NewNotification[] = intents.map((intent) => {
      const recipient = settings.get(intent.recipient.id);
      const plan = planChannels({
        priority: intent.priority,
        quietHours: recipient?.preference.quietHours ?? null,
        hasWebhook: recipient?.hasWebhook ?? false,
        canSms: this.smsEnabled && Boolean(recipient?.preference.smsNumber),
        now,
      });
      return {
        id: unit.newId(),
        intent,
        deliveries: plan.map((p) => ({
          id: unit.newId(),
          channel: p.channel,
          status: p.status,
          nextAttemptAt: p.notBefore,
          heldByQuietHours: p.heldByQuietHours,
        })),
      };
    });
    const stored = await this.notifications.recordAll(
      manager,
      { eventId: envelope.eventId, eventType: envelope.type, createdAt: now },
      planned,
    );
    // A recipient this event already notified (a replay past the inbox) is announced no second time.
    const fresh = planned.filter((notification) => stored.has(notification.id));
    if (fresh.length === 0) return;
    // One fact per ticket the event told people about (ADR 0043) — the event's own ticket, and each
    // merged duplicate whose resident follows it — naming every recipient: the timeline needs who was
    // told, once.
    const byTicket = new Map<string | null, NotificationDelivery[]>();
    for (const { id, intent } of fresh) {
      const deliveries = byTicket.get(intent.ticketId) ?? [];
      deliveries.push({ notificationId: id, recipient: intent.recipient, channel: 'inbox' });
      byTicket.set(intent.ticketId, deliveries);
    }
    for (const [ticketId, deliveries] of byTicket) {
      for (const part of chunk(deliveries, maxDeliveriesPerFact)) {
        unit.record(notificationDeliveredV2, {
          causedByEventId: envelope.eventId,
          causedByEventType: envelope.type,
          ...(ticketId ? { ticketId } : {}),
          deliveries: part,
          deliveredAt: now.toISOString(),
        });
      }
    }
  }
}
