import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { maySeeMember, Viewer } from '../../access/domain/hours-access.policy';
import { LedgerEntry } from '../domain/ledger-entry';
import { runningBalance, StatementLine } from '../domain/ledger-invariants';
import { HoursAccessDeniedError } from '../../access/domain/hours-access.errors';
import { LedgerTypeormRepository, Period } from '../infrastructure/ledger.typeorm-repository';
import { MemberPlacementQuery } from './member-placement.query';

/** A member's statement: entries in ledger order with the balance after each. */
export interface MemberStatement {
  memberId: string;
  communityId: string | null;
  unitId: string | null;
  period: Period;
  openingMinutes: number;
  closingMinutes: number;
  lines: StatementLine<LedgerEntry>[];
}

/** Reads a member's statement for a viewer allowed to see it. */
@Injectable()
export class MemberStatementQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerTypeormRepository,
    private readonly placements: MemberPlacementQuery,
  ) {}

  /** The statement of `memberId` over `period` (all time by default). */
  async statementOf(viewer: Viewer, memberId: string, period: Period): Promise<MemberStatement> {
    const manager = this.dataSource.manager;
    const placement = await this.placements.placementOf(manager, memberId);
    if (!maySeeMember(viewer, placement)) throw new HoursAccessDeniedError(`member ${memberId}`);
    const opening = period.from ? await this.ledger.balanceBefore(manager, memberId, period.from) : 0;
    const entries = await this.ledger.entriesOfMember(manager, memberId, period);
    const lines = runningBalance(entries, opening);
    return {
      memberId,
      communityId: placement.communityId,
      unitId: placement.unitId,
      period,
      openingMinutes: opening,
      closingMinutes: lines.length > 0 ? lines[lines.length - 1].balanceMinutes : opening,
      lines,
    };
  }
}
