import {
  AlreadySignedUpError,
  AttendanceStateError,
  ActivityAccessDeniedError,
  ActivityWindowInvalidError,
  NotSignedUpError,
  WrongAttendanceCodeError,
} from './activity.errors';
import {
  assertMayCheckIn,
  assertMayCheckOut,
  assertMayOrganise,
  assertMayWithdraw,
  assertOnSite,
  assertValidWindow,
  creditedMinutes,
  organiserOf,
  signUpStatusFor,
} from './activity.policy';

const window = { startsAt: new Date('2025-03-08T01:00:00Z'), endsAt: new Date('2025-03-08T04:00:00Z') };
const activity = {
  id: 'a1',
  communityId: 'c1',
  organiserUnitId: 'u1',
  capacity: 2,
  publishedById: 'staff-1',
  attendanceCode: '042137',
  ...window,
};
const signedUp = { status: 'signed_up' as const, checkedInAt: null, checkedOutAt: null };

describe('volunteer activity rules', () => {
  it('gives places while they last and then the waiting list', () => {
    expect(signUpStatusFor(null, 0, 2)).toBe('signed_up');
    expect(signUpStatusFor(null, 1, 2)).toBe('signed_up');
    expect(signUpStatusFor(null, 2, 2)).toBe('waitlisted');
  });

  it('refuses a second sign-up but lets a member who withdrew join again', () => {
    expect(() => signUpStatusFor(signedUp, 1, 2)).toThrow(AlreadySignedUpError);
    expect(() => signUpStatusFor({ ...signedUp, status: 'waitlisted' }, 2, 2)).toThrow(AlreadySignedUpError);
    expect(signUpStatusFor({ ...signedUp, status: 'withdrawn' }, 0, 2)).toBe('signed_up');
  });

  it('caps the credited minutes by the window when a member stays longer', () => {
    const minutes = creditedMinutes(window, {
      checkedInAt: new Date('2025-03-08T00:30:00Z'),
      checkedOutAt: new Date('2025-03-08T05:00:00Z'),
    });
    expect(minutes).toBe(180);
  });

  it('credits the time attended inside the window', () => {
    const minutes = creditedMinutes(window, {
      checkedInAt: new Date('2025-03-08T01:02:00Z'),
      checkedOutAt: new Date('2025-03-08T03:58:00Z'),
    });
    expect(minutes).toBe(176);
  });

  it('caps minutes the organiser approves by the window', () => {
    const attendance = { checkedInAt: window.startsAt, checkedOutAt: window.startsAt };
    expect(creditedMinutes(window, attendance, 600)).toBe(180);
    expect(creditedMinutes(window, attendance, 90)).toBe(90);
  });

  it('credits nothing for attendance outside the window', () => {
    expect(
      creditedMinutes(window, {
        checkedInAt: new Date('2025-03-08T05:00:00Z'),
        checkedOutAt: new Date('2025-03-08T06:00:00Z'),
      }),
    ).toBe(0);
  });

  it('refuses a window that ends before it starts or lasts more than a day', () => {
    expect(() => assertValidWindow(window.endsAt, window.startsAt)).toThrow(ActivityWindowInvalidError);
    expect(() => assertValidWindow(window.startsAt, new Date('2025-03-09T02:00:00Z'))).toThrow(
      ActivityWindowInvalidError,
    );
  });

  it('checks in only members holding a place, once, and checks out only those checked in, once', () => {
    expect(() => assertMayCheckIn(null)).toThrow(NotSignedUpError);
    expect(() => assertMayCheckIn({ ...signedUp, status: 'waitlisted' })).toThrow(AttendanceStateError);
    expect(() => assertMayCheckIn({ ...signedUp, checkedInAt: new Date() })).toThrow(AttendanceStateError);
    expect(() => assertMayCheckOut(signedUp)).toThrow(AttendanceStateError);
    expect(() =>
      assertMayCheckOut({ ...signedUp, checkedInAt: new Date(), checkedOutAt: new Date() }),
    ).toThrow(AttendanceStateError);
  });

  it('lets a member withdraw until they are checked in', () => {
    expect(() => assertMayWithdraw(signedUp)).not.toThrow();
    expect(() => assertMayWithdraw({ ...signedUp, checkedInAt: new Date() })).toThrow(AttendanceStateError);
    expect(() => assertMayWithdraw({ ...signedUp, status: 'withdrawn' })).toThrow(NotSignedUpError);
  });

  it('lets community staff publish for their community and a unit admin for their unit', () => {
    expect(organiserOf({ id: 's', roles: ['staff'], communityIds: ['c1'] }, 'c1')).toEqual({
      organiserUnitId: null,
      role: 'staff',
    });
    expect(organiserOf({ id: 'a', roles: ['unit_admin'], communityIds: [], unitId: 'u1' }, 'c1')).toEqual({
      organiserUnitId: 'u1',
      role: 'unit_admin',
    });
    expect(() => organiserOf({ id: 's', roles: ['staff'], communityIds: ['c2'] }, 'c1')).toThrow(
      ActivityAccessDeniedError,
    );
    expect(() => organiserOf({ id: 'm', roles: ['member'], communityIds: ['c1'] }, 'c1')).toThrow(
      ActivityAccessDeniedError,
    );
  });

  it('lets the publisher, the community staff and the unit admin organise, and nobody else', () => {
    expect(() => assertMayOrganise({ id: 'staff-1', roles: [], communityIds: [] }, activity)).not.toThrow();
    expect(() =>
      assertMayOrganise({ id: 'x', roles: ['secretary'], communityIds: ['c1'] }, activity),
    ).not.toThrow();
    expect(() =>
      assertMayOrganise({ id: 'x', roles: ['unit_admin'], communityIds: [], unitId: 'u1' }, activity),
    ).not.toThrow();
    expect(() => assertMayOrganise({ id: 'x', roles: ['member'], communityIds: ['c1'] }, activity)).toThrow(
      ActivityAccessDeniedError,
    );
  });

  it('lets a member check in on site only: with the organiser’s code, from half an hour before the start to the end', () => {
    const at = (iso: string) => new Date(iso);
    expect(() => assertOnSite(activity, '042137', at('2025-03-08T00:30:00Z'), 'check-in')).not.toThrow();
    expect(() => assertOnSite(activity, '042137', at('2025-03-08T04:00:00Z'), 'check-in')).not.toThrow();
    expect(() => assertOnSite(activity, '42137', at('2025-03-08T02:00:00Z'), 'check-in')).toThrow(
      WrongAttendanceCodeError,
    );
    expect(() => assertOnSite(activity, '042137', at('2025-03-08T00:29:00Z'), 'check-in')).toThrow(
      AttendanceStateError,
    );
    expect(() => assertOnSite(activity, '042137', at('2025-03-08T04:01:00Z'), 'check-in')).toThrow(
      AttendanceStateError,
    );
    // Checking out late is allowed: the credit is capped by the window anyway.
    expect(() => assertOnSite(activity, '042137', at('2025-03-08T06:00:00Z'), 'check-out')).not.toThrow();
    expect(() => assertOnSite(activity, '000000', at('2025-03-08T03:00:00Z'), 'check-out')).toThrow(
      WrongAttendanceCodeError,
    );
  });
});
