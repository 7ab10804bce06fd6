import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { activityPublishedV1, buildEnvelope } from '@loop/contracts';
import { OutboxWriter } from '@loop/messaging';
import { CLOCK, Clock, correlationContext } from '@loop/platform';
import { DataSource } from 'typeorm';
import { Viewer } from '../../access/domain/hours-access.policy';
import { ID_GENERATOR, IdGenerator } from '../../shared/id-generator';
import { assertValidWindow, organiserOf } from '../domain/activity.policy';
import { ActivityRecord, ActivityTypeormRepository } from '../infrastructure/activity.typeorm-repository';

/** What is published. */
export interface PublishActivityCommand {
  title: string;
  description?: string;
  place: string;
  communityId: string;
  categoryCode: string;
  skills: string[];
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

/** Publishes a volunteer activity and announces it (activity.published) in one transaction. */
@Injectable()
export class PublishActivityHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly activities: ActivityTypeormRepository,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly newId: IdGenerator,
  ) {}

  /** Publishes for community staff or a unit's admin. */
  async execute(viewer: Viewer, command: PublishActivityCommand): Promise<ActivityRecord> {
    const organiser = organiserOf(viewer, command.communityId);
    assertValidWindow(command.startsAt, command.endsAt);
    const activity: ActivityRecord = {
      id: this.newId(),
      title: command.title,
      description: command.description ?? null,
      place: command.place,
      communityId: command.communityId,
      organiserUnitId: organiser.organiserUnitId,
      categoryCode: command.categoryCode,
      skills: command.skills,
      startsAt: command.startsAt,
      endsAt: command.endsAt,
      capacity: command.capacity,
      publishedByRole: organiser.role,
      publishedById: viewer.id,
      publishedAt: this.clock.now(),
      // Six digits the organiser shows on site; members who came check in and out with it.
      attendanceCode: String(randomInt(0, 1_000_000)).padStart(6, '0'),
    };
    await this.dataSource.transaction(async (manager) => {
      await this.activities.insert(manager, activity);
      await this.outbox.add(
        manager,
        buildEnvelope(
          activityPublishedV1,
          {
            activityId: activity.id,
            communityId: activity.communityId,
            categoryCode: activity.categoryCode,
            startsAt: activity.startsAt.toISOString(),
            endsAt: activity.endsAt.toISOString(),
            capacity: activity.capacity,
            publishedAt: activity.publishedAt.toISOString(),
          },
          {
            actor: { role: organiser.role, id: viewer.id },
            clock: this.clock,
            correlationId: correlationContext.current()?.correlationId,
          },
        ),
      );
    });
    return activity;
  }
}
