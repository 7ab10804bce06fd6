import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { maySeeMember, Viewer } from '../../access/domain/hours-access.policy';
import { ChainVerification, verifyChain } from '../domain/ledger-chain';
import { HoursAccessDeniedError } from '../../access/domain/hours-access.errors';
import { LedgerTypeormRepository } from '../infrastructure/ledger.typeorm-repository';
import { MemberPlacementQuery } from './member-placement.query';

/** The outcome of verifying many members' chains. */
export interface LedgerVerification {
  membersChecked: number;
  entriesChecked: number;
  /** The first broken link found (members in id order), or null when the whole ledger verifies. */
  firstBrokenLink: ChainVerification['firstBrokenLink'];
  /** Every member whose chain is broken, with their first broken link. */
  brokenChains: ChainVerification[];
}

/** Recomputes members' hash chains from the stored entries and reports the first broken link. */
@Injectable()
export class VerifyLedgerQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerTypeormRepository,
    private readonly placements: MemberPlacementQuery,
  ) {}

  /** Verifies one member's chain for a viewer allowed to see the member. */
  async verifyMemberFor(viewer: Viewer, memberId: string): Promise<ChainVerification> {
    const placement = await this.placements.placementOf(this.dataSource.manager, memberId);
    if (!maySeeMember(viewer, placement)) throw new HoursAccessDeniedError(`member ${memberId}`);
    return this.verifyMember(memberId);
  }

  /** Verifies one member's chain. */
  async verifyMember(
    memberId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ChainVerification> {
    return verifyChain(memberId, await this.ledger.entriesOfMember(manager, memberId));
  }

  /** Verifies every member's chain. */
  async verifyAll(manager: EntityManager = this.dataSource.manager): Promise<LedgerVerification> {
    const members = await this.ledger.membersWithEntries(manager);
    const results: ChainVerification[] = [];
    for (const memberId of members) results.push(await this.verifyMember(memberId, manager));
    const broken = results.filter((result) => result.firstBrokenLink !== null);
    return {
      membersChecked: results.length,
      entriesChecked: results.reduce((sum, result) => sum + result.entriesChecked, 0),
      firstBrokenLink: broken[0]?.firstBrokenLink ?? null,
      brokenChains: broken,
    };
  }
}
