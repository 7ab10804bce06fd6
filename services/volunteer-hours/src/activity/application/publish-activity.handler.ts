import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { activityPublishedV1 } from '@loop/contracts';
import { requestCause, UnitsOfWork } from '@loop/messaging';
import { Viewer } from '../../access/domain/hours-access.policy';
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
    private readonly units: UnitsOfWork,
    private readonly activities: ActivityTypeormRepository,
  ) {}

  /** Publishes for community staff or a unit's admin. */
  async execute(viewer: Viewer, command: PublishActivityCommand): Promise<ActivityRecord> {
    const organiser = organiserOf(viewer, command.communityId);
    assertValidWindow(command.startsAt, command.endsAt);
    return this.units.run(requestCause(organiser.role, viewer.id), async (unit) => {
      const activity: ActivityRecord = {
        id: unit.newId(),
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
        publishedAt: unit.now,
        // Six digits the organiser shows on site; members who came check in and out with it.
        attendanceCode: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      };
      await this.activities.insert(unit.manager, activity);
      unit.record(activityPublishedV1, {
        activityId: activity.id,
        communityId: activity.communityId,
        categoryCode: activity.categoryCode,
        startsAt: activity.startsAt.toISOString(),
        endsAt: activity.endsAt.toISOString(),
        capacity: activity.capacity,
        publishedAt: activity.publishedAt.toISOString(),
      });
      return activity;
    });
  }
}
