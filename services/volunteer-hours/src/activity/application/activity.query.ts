import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Viewer } from '../../access/domain/hours-access.policy';
import { ActivityNotFoundError } from '../domain/activity.errors';
import { assertMayOrganise } from '../domain/activity.policy';
import {
  ActivityCounts,
  ActivityRecord,
  ActivityTypeormRepository,
  SignUpRecord,
} from '../infrastructure/activity.typeorm-repository';

/** Reads activities, their place counts and (for organisers) their sign-ups. */
@Injectable()
export class ActivityQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly activities: ActivityTypeormRepository,
  ) {}

  /** One activity with its counts. */
  async get(activityId: string): Promise<{ activity: ActivityRecord; counts: ActivityCounts }> {
    const manager = this.dataSource.manager;
    const activity = await this.activities.find(manager, activityId);
    if (!activity) throw new ActivityNotFoundError(activityId);
    return { activity, counts: await this.activities.counts(manager, activityId) };
  }

  /** A community's activities with their counts. */
  async list(
    communityId: string,
    endingAfter: Date | null,
    limit: number,
  ): Promise<Array<{ activity: ActivityRecord; counts: ActivityCounts }>> {
    const manager = this.dataSource.manager;
    const activities = await this.activities.listByCommunity(manager, communityId, endingAfter, limit);
    return Promise.all(
      activities.map(async (activity) => ({
        activity,
        counts: await this.activities.counts(manager, activity.id),
      })),
    );
  }

  /** The sign-ups, for whoever organises the activity. */
  async signUps(viewer: Viewer, activityId: string): Promise<SignUpRecord[]> {
    const manager = this.dataSource.manager;
    const activity = await this.activities.find(manager, activityId);
    if (!activity) throw new ActivityNotFoundError(activityId);
    assertMayOrganise(viewer, activity);
    return this.activities.signUps(manager, activityId);
  }
}
