import { Injectable } from '@nestjs/common';
import { requestCause, UnitsOfWork } from '@loop/messaging';
import { correlationContext, type AuthenticatedUser } from '@loop/platform';
import { DirectoryEntryNotFoundError, OversightChainError } from '../domain/directory.errors';
import type { StaffRole } from '../domain/directory-views';
import { oversightPolicy } from '../domain/oversight.policy';
import {
  DirectoryChange,
  DirectoryChangeLogRepository,
} from '../infrastructure/directory-change-log.typeorm-repository';
import { DirectoryRepository } from '../infrastructure/directory.typeorm-repository';
import { recordMember, recordStaff } from './directory-events';
import { DirectoryScope } from './directory-scope';

/**
 * Retires a member or a staff member: the entry stays (tickets and hours refer to it) but is inactive,
 * so dispatch no longer offers it anything; the new state is published. Retiring twice changes nothing.
 */
@Injectable()
export class RetirePersonHandler {
  constructor(
    private readonly units: UnitsOfWork,
    private readonly repository: DirectoryRepository,
    private readonly changeLog: DirectoryChangeLogRepository,
  ) {}

  /** Retires the member; 404 when unknown, 403 outside the caller's communities. */
  async retireMember(memberId: string, user: AuthenticatedUser): Promise<void> {
    await this.units.run(requestCause(actorRole(user), user.id), async (unit) => {
      const { manager, now } = unit;
      const member = await this.repository.rowById(manager, 'directory_member', memberId);
      if (!member) throw new DirectoryEntryNotFoundError('member', memberId);
      DirectoryScope.of(user).assertManages(String(member.community_id));
      const revision = await this.deactivate(manager, 'directory_member', memberId, now);
      if (revision === null) return;
      const state = {
        memberId,
        unitId: String(member.unit_id),
        communityId: String(member.community_id),
        gridId: String(member.grid_id),
        skills: member.skills as string[],
        householdIds: await this.repository.householdIdsOf(manager, memberId),
        active: false,
        revision,
        changedAt: now,
      };
      recordMember(unit, false, state);
      await this.changeLog.record(manager, this.retired(user, 'member', memberId, state.communityId, now));
    });
  }

  /**
   * Retires the staff member, secretary or grid worker; 404 when unknown, 403 outside the caller's
   * communities, and 403 for a secretary unless the caller is the district admin (the oversight chain).
   */
  async retireStaff(staffId: string, user: AuthenticatedUser): Promise<void> {
    await this.units.run(requestCause(actorRole(user), user.id), async (unit) => {
      const { manager, now } = unit;
      const staff = await this.repository.rowById(manager, 'directory_staff', staffId);
      if (!staff) throw new DirectoryEntryNotFoundError('staff', staffId);
      const scope = DirectoryScope.of(user);
      scope.assertManages(String(staff.community_id));
      const role = staff.role as StaffRole;
      if (!oversightPolicy.mayChange(scope, { kind: 'staff', roleBefore: role, roleAfter: role })) {
        throw new OversightChainError('staffId');
      }
      const revision = await this.deactivate(manager, 'directory_staff', staffId, now);
      if (revision === null) return;
      const state = {
        staffId,
        role: staff.role as StaffRole,
        communityId: String(staff.community_id),
        gridIds: staff.grid_ids as string[],
        active: false,
        revision,
        changedAt: now,
      };
      recordStaff(unit, false, state);
      await this.changeLog.record(manager, this.retired(user, 'staff', staffId, state.communityId, now));
    });
  }

  // The new revision, or null when the entry was already retired.
  private async deactivate(
    manager: Parameters<DirectoryRepository['rowById']>[0],
    table: 'directory_member' | 'directory_staff',
    id: string,
    now: Date,
  ): Promise<number | null> {
    const [rows] = (await manager.query(
      `UPDATE ${table} SET active = false, revision = revision + 1, changed_at = $2 WHERE id = $1 AND active RETURNING revision`,
      [id, now],
    )) as [Array<{ revision: number }>, number];
    return rows.length > 0 ? Number(rows[0].revision) : null;
  }

  private retired(
    user: AuthenticatedUser,
    entryKind: string,
    entryId: string,
    communityId: string,
    now: Date,
  ): DirectoryChange {
    return {
      changedAt: now,
      actorId: user.id,
      actorRole: actorRole(user),
      entryKind,
      entryId,
      action: 'retired',
      communityIds: [communityId],
      correlationId: correlationContext.current()?.correlationId,
    };
  }
}

// Directory changes are made by the district admin or a community's staff.
function actorRole(user: AuthenticatedUser): 'admin' | 'staff' {
  return user.roles.includes('admin') ? 'admin' : 'staff';
}
