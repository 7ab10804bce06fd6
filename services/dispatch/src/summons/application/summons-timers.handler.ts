// A summoned department that has not checked in by its arrival deadline is overdue: the summons is raised
// one level up the community's chain (secretary → town/street → county) and checked again one arrival
// window later — the ticket's own escalation is left alone. Runs in the timer poller's transaction under
// the ticket's case lock; a timer that lost the race to a check-in or a release is simply spent.
import { Inject, Injectable } from '@nestjs/common';
import { summonsOverdueV1 } from '@loop/contracts';
import { UnitsOfWork } from '@loop/messaging';
import { APP_CONFIG, DueTimer, scheduleTimer, TimerHandler } from '@loop/platform';
import { EntityManager } from 'typeorm';
import { AssignmentDirectory } from '../../assignment/application/assignment-directory';
import { SLA_TIMER, systemCause } from '../../assignment/application/cause';
import { DispatchCases } from '../../assignment/application/dispatch-cases.port';
import { wallClockTime } from '../../assignment/domain/sla.policy';
import { DispatchConfig } from '../../config/dispatch.config';
import { addWorkingMinutes } from '../../directory/domain/service-calendar';
import { nextArrivalCheck } from '../domain/arrival-deadline.policy';
import { SummonsState } from '../domain/summons.aggregate';
import { DepartmentsRepository } from '../infrastructure/departments.typeorm-repository';
import { SummonsRepository } from '../infrastructure/summons.typeorm-repository';
import { SummonsTimerKinds } from './summons-timers';

/** The arrival deadline of a summoned department. */
@Injectable()
export class SummonsTimersHandler {
  constructor(
    private readonly cases: DispatchCases,
    private readonly summonses: SummonsRepository,
    private readonly departments: DepartmentsRepository,
    private readonly directory: AssignmentDirectory,
    private readonly units: UnitsOfWork,
    @Inject(APP_CONFIG) private readonly config: DispatchConfig,
  ) {}

  /** The department did not arrive in time: escalate the summons one level, and check again later. */
  @TimerHandler(SummonsTimerKinds.arrivalDeadline)
  async onArrivalDeadline(timer: DueTimer, manager: EntityManager): Promise<void> {
    const ticketId = String(timer.payload.ticketId);
    const dispatchCase = await this.cases.lock(manager, ticketId);
    // A cancelled or closed ticket no longer needs the department: its summons is not chased.
    if (!dispatchCase || dispatchCase.status === 'cancelled' || dispatchCase.status === 'closed') return;
    const summons = await this.summonses.find(manager, timer.key);
    if (!summons || summons.status !== 'issued') return;
    const correlationId =
      typeof timer.payload.correlationId === 'string' ? timer.payload.correlationId : undefined;
    await this.units.within(manager, systemCause(SLA_TIMER, { correlationId }), async (unit) => {
      const { now } = unit;
      const s = summons.snapshot();
      const chain = await this.directory.escalationChain(s.communityId);
      const escalation = summons.escalate(chain, now);
      if (!escalation) return;
      await this.summonses.save(manager, summons);
      unit.record(summonsOverdueV1, {
        ticketId,
        summonsId: s.id,
        departmentId: s.departmentId,
        departmentLabel: s.departmentLabel,
        communityId: s.communityId,
        arriveDueAt: s.arriveDueAt.toISOString(),
        level: escalation.level,
        escalatedTo: { role: escalation.escalatedTo.role as 'secretary', id: escalation.escalatedTo.id },
        escalatedAt: now.toISOString(),
      });
      if (escalation.level >= 3) return;
      await this.rearm(manager, timer, s, now);
    });
  }

  // Re-arming the same timer moves it (its version changes), so the poller keeps it for the next level.
  private async rearm(manager: EntityManager, timer: DueTimer, s: SummonsState, now: Date): Promise<void> {
    const [department] = await this.departments.departments(manager, [s.departmentId]);
    const time =
      this.config.SLA_WORKING_TIME === 'wall_clock' || !department
        ? wallClockTime
        : {
            addWorkingMinutes: (from: Date, minutes: number) =>
              addWorkingMinutes(department.calendar, from, minutes),
          };
    const windows = {
      urgentMinutes: this.config.SUMMONS_URGENT_ARRIVAL_MINUTES,
      normalMinutes: this.config.SUMMONS_NORMAL_ARRIVAL_MINUTES,
    };
    await scheduleTimer(manager, {
      kind: timer.kind,
      key: timer.key,
      dueAt: nextArrivalCheck(s.urgency, now, windows, time),
      payload: timer.payload,
    });
  }
}
