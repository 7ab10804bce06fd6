import { arrivalDeadline } from './arrival-deadline.policy';

const windows = { urgentMinutes: 120, normalMinutes: 1440 };
const issuedAt = new Date('2026-03-06T09:00:00.000Z'); // a Friday, 17:00 in Shanghai
// A calendar that counts only working minutes: here, every minute counts double as a marker.
const departmentTime = {
  addWorkingMinutes: (from: Date, minutes: number) => new Date(from.getTime() + minutes * 2 * 60_000),
};

describe('arrivalDeadline', () => {
  it('gives urgent and emergency tickets two wall-clock hours, whatever the department’s hours', () => {
    expect(arrivalDeadline('urgent', issuedAt, windows, departmentTime)).toEqual(
      new Date('2026-03-06T11:00:00.000Z'),
    );
    expect(arrivalDeadline('emergency', issuedAt, windows, departmentTime)).toEqual(
      new Date('2026-03-06T11:00:00.000Z'),
    );
  });

  it('counts a normal ticket’s window in the department’s working time', () => {
    expect(arrivalDeadline('normal', issuedAt, windows, departmentTime)).toEqual(
      new Date(issuedAt.getTime() + 2880 * 60_000),
    );
  });

  it('follows configured windows', () => {
    expect(
      arrivalDeadline('urgent', issuedAt, { urgentMinutes: 60, normalMinutes: 600 }, departmentTime),
    ).toEqual(new Date('2026-03-06T10:00:00.000Z'));
  });
});
