// 吹哨报到: staff summon departments to a ticket; each department checks in on site and reports, or staff
// release it. Every command locks the ticket's dispatch case first, so it is serialised with the member's
// completion (which the summonses gate) and with the arrival timer: exactly one outcome wins.
import { Inject, Injectable } from '@nestjs/common';
import {
  summonsCheckedInV1,
  summonsIssuedV1,
  summonsReleasedV1,
  summonsReportedV1,
  type ActorRole,
} from '@loop/contracts';
import { UnitOfWork, UnitsOfWork } from '@loop/messaging';
import { APP_CONFIG } from '@loop/platform';
import { EntityManager } from 'typeorm';
import { Cause } from '../../assignment/application/cause';
import { DispatchCases } from '../../assignment/application/dispatch-cases.port';
import { DispatchCaseNotFoundError } from '../../assignment/domain/assignment.errors';
import { DispatchCase } from '../../assignment/domain/dispatch-case.aggregate';
import { wallClockTime } from '../../assignment/domain/sla.policy';
import { DispatchConfig } from '../../config/dispatch.config';
import { addWorkingMinutes } from '../../directory/domain/service-calendar';
import { arrivalDeadline, ArrivalWindows, DepartmentTime } from '../domain/arrival-deadline.policy';
import { Summons } from '../domain/summons.aggregate';
import {
  DepartmentAlreadySummonedError,
  OutsideSummonsScopeError,
  SummonsNotFoundError,
  TicketNotSummonableError,
  UnknownDepartmentError,
} from '../domain/summons.errors';
import { mayCallDepartments, SummonsScopeActor } from '../domain/summons-scope.policy';
import { Department, DepartmentsRepository } from '../infrastructure/departments.typeorm-repository';
import { SummonsRepository } from '../infrastructure/summons.typeorm-repository';
import { armArrivalDeadline, disarmArrivalDeadline } from './summons-timers';

/** Staff, a secretary or the district admin acting on a ticket's summonses. */
export interface CallingActor extends SummonsScopeActor {
  cause: Cause;
}

/** A department's unit admin acting for it. */
export interface DepartmentActor {
  id: string;
  unitId?: string;
  cause: Cause;
}

/** Summon, check in, report and release, each in one transaction with its event. */
@Injectable()
export class SummonsCommandsHandler {
  constructor(
    private readonly units: UnitsOfWork,
    private readonly cases: DispatchCases,
    private readonly summonses: SummonsRepository,
    private readonly departments: DepartmentsRepository,
    @Inject(APP_CONFIG) private readonly config: DispatchConfig,
  ) {}

  /** Summons departments to an open ticket, each with its arrival deadline; one event for the act. */
  summon(
    ticketId: string,
    departmentIds: readonly string[],
    reason: string,
    actor: CallingActor,
  ): Promise<Summons[]> {
    return this.units.run(actor.cause, async (unit) => {
      const { manager, now } = unit;
      const dispatchCase = await this.lockCase(manager, ticketId, actor);
      if (!dispatchCase.isOpen()) throw new TicketNotSummonableError(ticketId, dispatchCase.status);
      const uniqueIds = [...new Set(departmentIds)];
      const found = await this.departments.departments(manager, uniqueIds);
      const byId = new Map(found.map((department) => [department.id, department]));
      const missing = uniqueIds.find((id) => !byId.has(id));
      if (missing) throw new UnknownDepartmentError(missing);
      const open = (await this.summonses.ofTicket(manager, ticketId)).filter((s) => s.isOutstanding());
      const again = open.find((s) => byId.has(s.departmentId));
      if (again) throw new DepartmentAlreadySummonedError(ticketId, again.departmentLabel);

      const s = dispatchCase.snapshot();
      const issued: Summons[] = [];
      for (const id of uniqueIds) {
        const department = byId.get(id) as Department;
        const summons = Summons.issue({
          id: unit.newId(),
          ticketId,
          communityId: s.communityId,
          departmentId: department.id,
          departmentLabel: department.label,
          adminIds: department.adminIds,
          reason,
          urgency: s.urgency,
          issuedBy: actor.cause.actor,
          issuedAt: now,
          arriveDueAt: arrivalDeadline(s.urgency, now, this.windows(), this.timeOf(department)),
        });
        await this.summonses.insert(manager, summons);
        await armArrivalDeadline(
          manager,
          summons.id,
          ticketId,
          summons.arriveDueAt,
          actor.cause.correlationId,
        );
        issued.push(summons);
      }
      unit.record(summonsIssuedV1, {
        ticketId,
        communityId: s.communityId,
        departments: issued.map((summons) => {
          const state = summons.snapshot();
          return {
            summonsId: state.id,
            departmentId: state.departmentId,
            departmentLabel: state.departmentLabel,
            adminIds: state.adminIds,
            arriveDueAt: state.arriveDueAt.toISOString(),
          };
        }),
        reason,
        issuedBy: { role: unit.cause.actor.role, id: unit.cause.actor.id },
        issuedAt: now.toISOString(),
      });
      return issued;
    });
  }

  /** The department arrived on site (报到); its arrival deadline is met or, if late, it is recorded so. */
  checkIn(summonsId: string, actor: DepartmentActor): Promise<Summons> {
    return this.runForDepartment(summonsId, actor, async (unit, summons) => {
      const { late } = summons.checkIn(actor.id, unit.now);
      await disarmArrivalDeadline(unit.manager, summons.id);
      unit.record(summonsCheckedInV1, {
        ...this.factOf(summons),
        checkedInBy: actor.id,
        late,
        checkedInAt: unit.now.toISOString(),
      });
    });
  }

  /** The department reports what it did; the ticket no longer waits for it. */
  report(summonsId: string, report: string, actor: DepartmentActor): Promise<Summons> {
    return this.runForDepartment(summonsId, actor, async (unit, summons) => {
      summons.reportDone(report, unit.now);
      unit.record(summonsReportedV1, {
        ...this.factOf(summons),
        report,
        reportedAt: unit.now.toISOString(),
      });
    });
  }

  /** The community lets a department go before it reported. */
  release(summonsId: string, reason: string, actor: CallingActor): Promise<Summons> {
    return this.units.run(actor.cause, async (unit) => {
      const { manager, now } = unit;
      const unlocked = await this.summonses.find(manager, summonsId);
      if (!unlocked) throw new SummonsNotFoundError(summonsId);
      await this.lockCase(manager, unlocked.ticketId, actor);
      const summons = (await this.summonses.find(manager, summonsId)) as Summons;
      summons.release(reason, now);
      await this.summonses.save(manager, summons);
      await disarmArrivalDeadline(manager, summons.id);
      unit.record(summonsReleasedV1, {
        ...this.factOf(summons),
        reason,
        releasedBy: { role: unit.cause.actor.role as ActorRole, id: unit.cause.actor.id },
        releasedAt: now.toISOString(),
      });
      return summons;
    });
  }

  // Load (404, 403 before any lock), lock the ticket's case, reload under the lock, apply, save.
  private runForDepartment(
    summonsId: string,
    actor: DepartmentActor,
    step: (unit: UnitOfWork, summons: Summons) => Promise<void>,
  ): Promise<Summons> {
    return this.units.run(actor.cause, async (unit) => {
      const { manager } = unit;
      const unlocked = await this.summonses.find(manager, summonsId);
      if (!unlocked) throw new SummonsNotFoundError(summonsId);
      unlocked.ensureAddressedTo(actor.unitId);
      await this.cases.lock(manager, unlocked.ticketId);
      const summons = (await this.summonses.find(manager, summonsId)) as Summons;
      await step(unit, summons);
      await this.summonses.save(manager, summons);
      return summons;
    });
  }

  private async lockCase(
    manager: EntityManager,
    ticketId: string,
    actor: CallingActor,
  ): Promise<DispatchCase> {
    const unlocked = await this.cases.find(manager, ticketId);
    if (!unlocked) throw new DispatchCaseNotFoundError(ticketId);
    if (!mayCallDepartments(actor, unlocked.communityId)) throw new OutsideSummonsScopeError();
    return (await this.cases.lock(manager, ticketId)) as DispatchCase;
  }

  private factOf(summons: Summons) {
    return {
      ticketId: summons.ticketId,
      summonsId: summons.id,
      departmentId: summons.departmentId,
      departmentLabel: summons.departmentLabel,
    };
  }

  private windows(): ArrivalWindows {
    return {
      urgentMinutes: this.config.SUMMONS_URGENT_ARRIVAL_MINUTES,
      normalMinutes: this.config.SUMMONS_NORMAL_ARRIVAL_MINUTES,
    };
  }

  // A department's own office hours, or every minute when deadlines are configured to count so.
  private timeOf(department: Department): DepartmentTime {
    if (this.config.SLA_WORKING_TIME === 'wall_clock') return wallClockTime;
    return { addWorkingMinutes: (from, minutes) => addWorkingMinutes(department.calendar, from, minutes) };
  }
}
