import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActivityFacts, SignUpFacts, SignUpStatus } from '../domain/activity.policy';

/** An activity as stored. */
export interface ActivityRecord extends ActivityFacts {
  title: string;
  description: string | null;
  place: string;
  categoryCode: string;
  skills: string[];
  publishedByRole: string;
  publishedAt: Date;
}

/** A sign-up as stored. */
export interface SignUpRecord extends SignUpFacts {
  activityId: string;
  memberId: string;
  signedUpAt: Date;
  queuedAt: Date;
  creditedMinutes: number | null;
}

/** Place counts of an activity. */
export interface ActivityCounts {
  signedUp: number;
  waitlisted: number;
}

interface ActivityRow {
  id: string;
  title: string;
  description: string | null;
  place: string;
  community_id: string;
  organiser_unit_id: string | null;
  category_code: string;
  skills: string[];
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  published_by_role: string;
  published_by_id: string;
  published_at: Date;
  attendance_code: string;
}

interface SignUpRow {
  activity_id: string;
  member_id: string;
  status: SignUpStatus;
  signed_up_at: Date;
  queued_at: Date;
  checked_in_at: Date | null;
  checked_out_at: Date | null;
  credited_minutes: number | null;
}

function toActivity(row: ActivityRow): ActivityRecord {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    place: row.place,
    communityId: row.community_id,
    organiserUnitId: row.organiser_unit_id,
    categoryCode: row.category_code,
    skills: row.skills,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    capacity: Number(row.capacity),
    publishedByRole: row.published_by_role,
    publishedById: row.published_by_id,
    publishedAt: new Date(row.published_at),
    attendanceCode: row.attendance_code,
  };
}

function toSignUp(row: SignUpRow): SignUpRecord {
  return {
    activityId: row.activity_id,
    memberId: row.member_id,
    status: row.status,
    signedUpAt: new Date(row.signed_up_at),
    queuedAt: new Date(row.queued_at),
    checkedInAt: row.checked_in_at ? new Date(row.checked_in_at) : null,
    checkedOutAt: row.checked_out_at ? new Date(row.checked_out_at) : null,
    creditedMinutes: row.credited_minutes === null ? null : Number(row.credited_minutes),
  };
}

const activityColumns = `id, title, description, place, community_id, organiser_unit_id, category_code, skills, starts_at,
  ends_at, capacity, published_by_role, published_by_id, published_at, attendance_code`;
const signUpColumns = `activity_id, member_id, status, signed_up_at, queued_at, checked_in_at, checked_out_at, credited_minutes`;

/** Activities and sign-ups, through the caller's EntityManager. */
@Injectable()
export class ActivityTypeormRepository {
  /** Stores a new activity. */
  async insert(manager: EntityManager, activity: ActivityRecord): Promise<void> {
    await manager.query(
      `INSERT INTO activity (${activityColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13, $14, $15)`,
      [
        activity.id,
        activity.title,
        activity.description,
        activity.place,
        activity.communityId,
        activity.organiserUnitId,
        activity.categoryCode,
        JSON.stringify(activity.skills),
        activity.startsAt,
        activity.endsAt,
        activity.capacity,
        activity.publishedByRole,
        activity.publishedById,
        activity.publishedAt,
        activity.attendanceCode,
      ],
    );
  }

  /**
   * The activity, locked until the transaction ends when `lock` is set: sign-ups and withdrawals of one
   * activity take turns on this row, which is what keeps the capacity under concurrent sign-ups.
   */
  async find(manager: EntityManager, activityId: string, lock = false): Promise<ActivityRecord | null> {
    const rows = (await manager.query(
      `SELECT ${activityColumns} FROM activity WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [activityId],
    )) as ActivityRow[];
    return rows.length > 0 ? toActivity(rows[0]) : null;
  }

  /** Activities of a community, soonest first, optionally only those ending after `endingAfter`. */
  async listByCommunity(
    manager: EntityManager,
    communityId: string,
    endingAfter: Date | null,
    limit: number,
  ): Promise<ActivityRecord[]> {
    const rows = (await manager.query(
      `SELECT ${activityColumns} FROM activity WHERE community_id = $1 AND ($2::timestamptz IS NULL OR ends_at > $2)
        ORDER BY starts_at, id LIMIT $3`,
      [communityId, endingAfter, limit],
    )) as ActivityRow[];
    return rows.map(toActivity);
  }

  /** How many places are taken and how many members wait. */
  async counts(manager: EntityManager, activityId: string): Promise<ActivityCounts> {
    const rows = (await manager.query(
      `SELECT COUNT(*) FILTER (WHERE status = 'signed_up')::int AS signed_up, COUNT(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
         FROM activity_sign_up WHERE activity_id = $1`,
      [activityId],
    )) as Array<{ signed_up: number; waitlisted: number }>;
    return { signedUp: Number(rows[0].signed_up), waitlisted: Number(rows[0].waitlisted) };
  }

  /** One member's sign-up. */
  async findSignUp(
    manager: EntityManager,
    activityId: string,
    memberId: string,
  ): Promise<SignUpRecord | null> {
    const rows = (await manager.query(
      `SELECT ${signUpColumns} FROM activity_sign_up WHERE activity_id = $1 AND member_id = $2`,
      [activityId, memberId],
    )) as SignUpRow[];
    return rows.length > 0 ? toSignUp(rows[0]) : null;
  }

  /** Every sign-up of an activity: places first, then the waiting list in order, then withdrawals. */
  async signUps(manager: EntityManager, activityId: string): Promise<SignUpRecord[]> {
    const rows = (await manager.query(
      `SELECT ${signUpColumns} FROM activity_sign_up WHERE activity_id = $1
        ORDER BY CASE status WHEN 'signed_up' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, queued_at, member_id`,
      [activityId],
    )) as SignUpRow[];
    return rows.map(toSignUp);
  }

  /** The member's position on the waiting list (1 = next to be promoted). */
  async waitlistPosition(manager: EntityManager, activityId: string, memberId: string): Promise<number> {
    // Same order as nextWaiting: arrival time, then member id for arrivals within one millisecond.
    const rows = (await manager.query(
      `SELECT COUNT(*)::int AS ahead FROM activity_sign_up mine
         JOIN activity_sign_up other ON other.activity_id = mine.activity_id AND other.status = 'waitlisted'
          AND (other.queued_at, other.member_id) < (mine.queued_at, mine.member_id)
        WHERE mine.activity_id = $1 AND mine.member_id = $2`,
      [activityId, memberId],
    )) as Array<{ ahead: number }>;
    return Number(rows[0].ahead) + 1;
  }

  /** Creates or renews a sign-up (a member who withdrew joins again at the back of the queue). */
  async saveSignUp(manager: EntityManager, signUp: SignUpRecord): Promise<void> {
    await manager.query(
      `INSERT INTO activity_sign_up (${signUpColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (activity_id, member_id) DO UPDATE SET status = EXCLUDED.status, signed_up_at = EXCLUDED.signed_up_at,
         queued_at = EXCLUDED.queued_at, checked_in_at = EXCLUDED.checked_in_at, checked_out_at = EXCLUDED.checked_out_at,
         credited_minutes = EXCLUDED.credited_minutes`,
      [
        signUp.activityId,
        signUp.memberId,
        signUp.status,
        signUp.signedUpAt,
        signUp.queuedAt,
        signUp.checkedInAt,
        signUp.checkedOutAt,
        signUp.creditedMinutes,
      ],
    );
  }

  /** The member waiting longest, if any. */
  async nextWaiting(manager: EntityManager, activityId: string): Promise<SignUpRecord | null> {
    const rows = (await manager.query(
      `SELECT ${signUpColumns} FROM activity_sign_up WHERE activity_id = $1 AND status = 'waitlisted' ORDER BY queued_at, member_id LIMIT 1`,
      [activityId],
    )) as SignUpRow[];
    return rows.length > 0 ? toSignUp(rows[0]) : null;
  }
}
