import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@loop/platform';
import { DataSource, QueryFailedError } from 'typeorm';
import { mayAdjustMember, Viewer } from '../../access/domain/hours-access.policy';
import { ID_GENERATOR, IdGenerator } from '../../shared/id-generator';
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
    private readonly dataSource: DataSource,
    private readonly placements: MemberPlacementQuery,
    private readonly appender: LedgerAppender,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly newId: IdGenerator,
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
    return this.dataSource.transaction(async (manager) => {
      const placement = await this.placements.placementOf(manager, command.memberId);
      if (!mayAdjustMember(staff, placement))
        throw new HoursAccessDeniedError(`adjusting member ${command.memberId}`);
      const role = staff.roles.includes('secretary') ? 'secretary' : 'staff';
      const { entry } = await this.appender.append(manager, {
        id: this.newId(),
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
        occurredAt: this.clock.now(),
      });
      if (entry.memberId !== command.memberId) throw new IdempotencyKeyReusedError();
      return entry;
    });
  }
}

function uniqueViolation(error: QueryFailedError): boolean {
  return (error.driverError as { code?: string } | undefined)?.code === '23505';
}
