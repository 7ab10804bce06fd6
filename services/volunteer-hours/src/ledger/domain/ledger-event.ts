// Which fact a new ledger entry announces: other services act on credits and their reversals, never on
// staff adjustments, which are corrections inside this service.
import {
  EventDefinition,
  HoursReversalReason,
  hoursCreditedV1,
  hoursReversedV1,
  RecordedEvent,
} from '@loop/contracts';
import { LedgerEntry } from './ledger-entry';

/**
 * The event `entry` publishes once appended: `hours.credited` for a credit, `hours.reversed` for a
 * reversal of `reversed` (for `reversalReason`), or null when it announces nothing — an adjustment, or
 * an entry without the source or cause the contracts require.
 */
export function ledgerEventOf(
  entry: LedgerEntry,
  reversed: LedgerEntry | null,
  reversalReason: HoursReversalReason = 'ticket_reopened',
): RecordedEvent | null {
  if (entry.kind === 'credit' && entry.source && entry.causedByEventId) {
    return recorded(hoursCreditedV1, {
      entryId: entry.id,
      memberId: entry.memberId,
      minutes: entry.minutes,
      source: { kind: entry.source.kind, id: entry.source.id },
      causedByEventId: entry.causedByEventId,
      creditedAt: entry.recordedAt.toISOString(),
    });
  }
  if (entry.kind === 'reversal' && reversed?.source && entry.causedByEventId) {
    return recorded(hoursReversedV1, {
      entryId: entry.id,
      reversesEntryId: reversed.id,
      memberId: entry.memberId,
      minutes: -entry.minutes,
      source: { kind: reversed.source.kind, id: reversed.source.id },
      reason: reversalReason,
      causedByEventId: entry.causedByEventId,
      reversedAt: entry.recordedAt.toISOString(),
    });
  }
  return null;
}

// Checks the payload against its definition's type before it loses it in the list of recorded events.
function recorded<P extends object>(definition: EventDefinition<P>, payload: P): RecordedEvent {
  return { definition, payload } as RecordedEvent;
}
