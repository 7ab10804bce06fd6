// When a summoned department must have checked in (报到), from the ticket's urgency (ADR 0026): urgent and
// emergency tickets count wall-clock minutes — a blocked sewer does not wait for office hours — while a
// normal ticket counts working minutes of the department's own service calendar.

/** Working minutes from an instant, in some calendar. */
export interface DepartmentTime {
  addWorkingMinutes(from: Date, minutes: number): Date;
}

/** The arrival windows, in minutes. */
export interface ArrivalWindows {
  /** Wall-clock minutes for urgent and emergency tickets (120 by default). */
  urgentMinutes: number;
  /** Working minutes of the department's calendar for normal tickets (1,440 by default). */
  normalMinutes: number;
}

const roundTheClock: ReadonlySet<string> = new Set(['urgent', 'emergency']);

/** The arrival deadline of a department summoned at `issuedAt` to a ticket of `urgency`. */
export function arrivalDeadline(
  urgency: string,
  issuedAt: Date,
  windows: ArrivalWindows,
  departmentTime: DepartmentTime,
): Date {
  if (roundTheClock.has(urgency)) return new Date(issuedAt.getTime() + windows.urgentMinutes * 60_000);
  return departmentTime.addWorkingMinutes(issuedAt, windows.normalMinutes);
}

/**
 * When a late department's escalated summons is checked again: one more arrival window after `now`,
 * counted the same way as the first.
 */
export function nextArrivalCheck(
  urgency: string,
  now: Date,
  windows: ArrivalWindows,
  departmentTime: DepartmentTime,
): Date {
  return arrivalDeadline(urgency, now, windows, departmentTime);
}
