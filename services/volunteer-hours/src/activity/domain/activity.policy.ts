import { Viewer } from '../../access/domain/hours-access.policy';
import {
  ActivityAccessDeniedError,
  ActivityWindowInvalidError,
  AlreadySignedUpError,
  AttendanceStateError,
  NotSignedUpError,
  WrongAttendanceCodeError,
} from './activity.errors';

/** The longest activity window: one ledger entry holds at most a day's minutes. */
export const MAX_ACTIVITY_MINUTES = 1440;

/** A sign-up's state: holding a place, waiting for one, or gone. */
export type SignUpStatus = 'signed_up' | 'waitlisted' | 'withdrawn';

/** A published activity's facts the rules need. */
export interface ActivityFacts {
  id: string;
  communityId: string;
  organiserUnitId: string | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  publishedById: string;
  /** The six-digit code the organiser shows on site (签到码). */
  attendanceCode: string;
}

/** A member's sign-up as the rules see it. */
export interface SignUpFacts {
  status: SignUpStatus;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
}

/** Refuses windows that end before they start or last longer than a day. */
export function assertValidWindow(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) throw new ActivityWindowInvalidError('ends before it starts');
  if (windowMinutes(startsAt, endsAt) > MAX_ACTIVITY_MINUTES)
    throw new ActivityWindowInvalidError('longer than a day');
}

/** Who organises a new activity: community staff for their community, or a unit's admin for their unit. */
export function organiserOf(
  viewer: Viewer,
  communityId: string,
): { organiserUnitId: string | null; role: 'staff' | 'secretary' | 'unit_admin' } {
  if (
    viewer.roles.some((role) => role === 'staff' || role === 'secretary') &&
    viewer.communityIds.includes(communityId)
  ) {
    return { organiserUnitId: null, role: viewer.roles.includes('secretary') ? 'secretary' : 'staff' };
  }
  if (viewer.roles.includes('unit_admin') && viewer.unitId)
    return { organiserUnitId: viewer.unitId, role: 'unit_admin' };
  throw new ActivityAccessDeniedError(`publish an activity in community ${communityId}`);
}

/** Whether the viewer runs the activity's attendance: its publisher, the community's staff, or the organising unit's admin. */
export function mayOrganise(viewer: Viewer, activity: ActivityFacts): boolean {
  if (viewer.id === activity.publishedById) return true;
  if (
    viewer.roles.some((role) => role === 'staff' || role === 'secretary') &&
    viewer.communityIds.includes(activity.communityId)
  )
    return true;
  return (
    viewer.roles.includes('unit_admin') &&
    activity.organiserUnitId !== null &&
    viewer.unitId === activity.organiserUnitId
  );
}

/** Refuses anyone who does not run the activity's attendance (see {@link mayOrganise}). */
export function assertMayOrganise(viewer: Viewer, activity: ActivityFacts): void {
  if (!mayOrganise(viewer, activity)) throw new ActivityAccessDeniedError(`organise activity ${activity.id}`);
}

/**
 * Where a new sign-up lands: a place while places are left, the waiting list otherwise. A member who
 * still holds a place or a waiting-list place cannot sign up again; one who withdrew may.
 */
export function signUpStatusFor(
  existing: SignUpFacts | null,
  placesTaken: number,
  capacity: number,
): 'signed_up' | 'waitlisted' {
  if (existing && existing.status !== 'withdrawn') throw new AlreadySignedUpError();
  return placesTaken < capacity ? 'signed_up' : 'waitlisted';
}

/** A member may withdraw while they hold or wait for a place and have not been checked in. */
export function assertMayWithdraw(signUp: SignUpFacts | null): asserts signUp is SignUpFacts {
  if (!signUp || signUp.status === 'withdrawn') throw new NotSignedUpError();
  if (signUp.checkedInAt)
    throw new AttendanceStateError('already checked in; cannot withdraw', '已签到，不能取消报名');
}

/** Only a member holding a place is checked in, once. */
export function assertMayCheckIn(signUp: SignUpFacts | null): asserts signUp is SignUpFacts {
  if (!signUp || signUp.status === 'withdrawn') throw new NotSignedUpError();
  if (signUp.status === 'waitlisted')
    throw new AttendanceStateError('still on the waiting list', '该党员仍在候补名单中，不能签到');
  if (signUp.checkedInAt) throw new AttendanceStateError('already checked in', '该党员已签到');
}

/** A checked-in member is checked out, once. */
export function assertMayCheckOut(
  signUp: SignUpFacts | null,
): asserts signUp is SignUpFacts & { checkedInAt: Date } {
  if (!signUp || signUp.status === 'withdrawn') throw new NotSignedUpError();
  if (!signUp.checkedInAt) throw new AttendanceStateError('not checked in', '该党员尚未签到');
  if (signUp.checkedOutAt) throw new AttendanceStateError('already checked out', '该党员已签退');
}

/** How early before the start a member may check themselves in. */
export const EARLY_CHECK_IN_MINUTES = 30;

/**
 * A member checks themselves in or out only on site: with the code the organiser shows, and — for the
 * check-in — between half an hour before the start and the end.
 */
export function assertOnSite(
  activity: ActivityFacts,
  code: string,
  now: Date,
  step: 'check-in' | 'check-out',
): void {
  if (code !== activity.attendanceCode) throw new WrongAttendanceCodeError();
  if (step === 'check-out') return;
  const opens = activity.startsAt.getTime() - EARLY_CHECK_IN_MINUTES * 60_000;
  if (now.getTime() < opens || now.getTime() > activity.endsAt.getTime())
    throw new AttendanceStateError(
      'check-in is open from 30 minutes before the start until the end',
      '签到时间为活动开始前 30 分钟至活动结束',
    );
}

/** Whole minutes between two instants (never negative). */
export function windowMinutes(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000));
}

/**
 * Minutes credited on check-out: the time attended inside the activity's window, or the minutes the
 * organiser approves — in either case never more than the window itself.
 */
export function creditedMinutes(
  window: { startsAt: Date; endsAt: Date },
  attendance: { checkedInAt: Date; checkedOutAt: Date },
  approvedMinutes?: number,
): number {
  const cap = windowMinutes(window.startsAt, window.endsAt);
  if (approvedMinutes !== undefined) return Math.min(approvedMinutes, cap);
  const from = Math.max(window.startsAt.getTime(), attendance.checkedInAt.getTime());
  const to = Math.min(window.endsAt.getTime(), attendance.checkedOutAt.getTime());
  return Math.min(windowMinutes(new Date(from), new Date(to)), cap);
}
