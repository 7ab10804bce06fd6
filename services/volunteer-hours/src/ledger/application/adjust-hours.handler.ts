import { Injectable } from '@nestjs/common';
import { requestCause, UnitsOfWork } from '@loop/messaging';
import { QueryFailedError } from 'typeorm';
import { mayAdjustMember, Viewer } from '../../access/domain/hours-access.policy';
import { LedgerEntry, LedgerSource } from '../domain/ledger-entry';
import { HoursAccessDeniedError } from '../../access/domain/hours-access.errors';
import { IdempotencyKeyReusedError } from '../domain/ledger.errors';
import { LedgerAppender } from './ledger-appender';
import { MemberPlacementQuery } from './member-placement.query';

/** A staff correction of a member's hours. */
export interface AdjustHoursCommand {
  memberId: string;
  /** Signed minutes: positive adds, negative takes away. */
  minutes: number;
  reason: string;
  source?: LedgerSource;
  /** The client's Idempotency-Key (a UUID): a retried request returns the first adjustment instead of adding another. */
  idempotencyKey?: string;
}

/**
 * Appends a staff adjustment: a separate entry with the reason and the staff member as verifier —
 * nothing already in the ledger changes.
 */
@Injectable()
export class AdjustHoursHandler {
  constructor(
    private readonly units: UnitsOfWork,
    private readonly placements: MemberPlacementQuery,
    private readonly appender: LedgerAppender,
  ) {}

  /** Appends the adjustment for a staff member of the member's community. */
  async execute(
    staff: Viewer & { roles: readonly string[] },
    command: AdjustHoursCommand,
  ): Promise<LedgerEntry> {
    try {
      return await this.append(staff, command);
    } catch (error) {
      // One key sent for two members at the same instant: the members' locks don't serialise them, so
      // the loser meets the ledger's unique cause index. Once more, it finds the winner's entry (409).
      if (!(error instanceof QueryFailedError && uniqueViolation(error))) throw error;
      return this.append(staff, command);
    }
  }

  private async append(
    staff: Viewer & { roles: readonly string[] },
    command: AdjustHoursCommand,
  ): Promise<LedgerEntry> {
    const role = staff.roles.includes('secretary') ? 'secretary' : 'staff';
    return this.units.run(requestCause(role, staff.id), async (unit) => {
      const placement = await this.placements.placementOf(unit.manager, command.memberId);
      if (!mayAdjustMember(staff, placement))
        throw new HoursAccessDeniedError(`adjusting member ${command.memberId}`);
      const { entry } = await this.appender.append(unit, {
        id: unit.newId(),
        memberId: command.memberId,
        kind: 'adjustment',
        minutes: command.minutes,
        unitId: placement.unitId,
        communityId: placement.communityId,
        source: command.source ?? null,
        assignmentId: null,
        // The key takes the place of a causing event, so the ledger's one-entry-per-cause guard applies.
        causedByEventId: command.idempotencyKey ?? null,
        causedByEventType: command.idempotencyKey ? 'http.idempotency-key' : null,
        reversesEntryId: null,
        reason: command.reason.trim(),
        verifiedBy: { role, id: staff.id },
        occurredAt: unit.now,
      });
      if (entry.memberId !== command.memberId) throw new IdempotencyKeyReusedError();
      return entry;
    });
  }
}

function uniqueViolation(error: QueryFailedError): boolean {
  return (error.driverError as { code?: string } | undefined)?.code === '23505';
}
