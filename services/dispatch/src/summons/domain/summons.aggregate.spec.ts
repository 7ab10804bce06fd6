import { ensureNoSummonsOutstanding, Summons } from './summons.aggregate';
import { NotYourSummonsError, SummonsOutstandingError, SummonsStateConflictError } from './summons.errors';

const issuedAt = new Date('2026-03-02T02:00:00.000Z');
const arriveDueAt = new Date('2026-03-02T04:00:00.000Z');
const department = '0195a0f0-2222-7aaa-8bbb-000000000001';
const chain = [
  { level: 2, role: 'official', userId: 'o2-01' },
  { level: 1, role: 'secretary', userId: 'sec-01' },
  { level: 3, role: 'official', userId: 'o3-01' },
];

function aSummons(label = '城管执法队', departmentId = department): Summons {
  return Summons.issue({
    id: `0195a1c0-0a1b-7c2d-8e3f-4a5b6c7d8e0${label.length}`,
    ticketId: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
    communityId: '0195a0f0-1111-7aaa-8bbb-000000000001',
    departmentId,
    departmentLabel: label,
    adminIds: ['ua-d-01'],
    reason: '主干管道堵塞',
    urgency: 'urgent',
    issuedBy: { role: 'staff', id: 'stf-01-1' },
    issuedAt,
    arriveDueAt,
  });
}

const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

describe('Summons', () => {
  it('is outstanding from issue until the department reports what it did', () => {
    const summons = aSummons();
    expect(summons.isOutstanding()).toBe(true);
    summons.checkIn('ua-d-01', minutesAfter(issuedAt, 30));
    expect(summons.isOutstanding()).toBe(true);
    summons.reportDone('已疏通管道', minutesAfter(issuedAt, 90));
    expect(summons.isOutstanding()).toBe(false);
    expect(summons.snapshot()).toMatchObject({ status: 'reported', report: '已疏通管道' });
  });

  it('says a check-in after the arrival deadline is late and one before it is not', () => {
    expect(aSummons().checkIn('ua-d-01', minutesAfter(arriveDueAt, -1))).toEqual({ late: false });
    expect(aSummons().checkIn('ua-d-01', minutesAfter(arriveDueAt, 1))).toEqual({ late: true });
  });

  it('refuses a report before the department has checked in, and a second check-in', () => {
    const summons = aSummons();
    expect(() => summons.reportDone('已处置', issuedAt)).toThrow(SummonsStateConflictError);
    summons.checkIn('ua-d-01', issuedAt);
    expect(() => summons.checkIn('ua-d-01', issuedAt)).toThrow(SummonsStateConflictError);
  });

  it('lets the community release a department until it has reported, but not after', () => {
    const released = aSummons();
    released.release('无需到场', issuedAt);
    expect(released.isOutstanding()).toBe(false);
    expect(() => released.release('again', issuedAt)).toThrow(SummonsStateConflictError);

    const reported = aSummons();
    reported.checkIn('ua-d-01', issuedAt);
    reported.reportDone('已处置', issuedAt);
    expect(() => reported.release('无需到场', issuedAt)).toThrow(SummonsStateConflictError);
  });

  it('refuses the admin of another department', () => {
    expect(() => aSummons().ensureAddressedTo('0195a0f0-2222-7aaa-8bbb-000000000009')).toThrow(
      NotYourSummonsError,
    );
    expect(() => aSummons().ensureAddressedTo(undefined)).toThrow(NotYourSummonsError);
    expect(() => aSummons().ensureAddressedTo(department)).not.toThrow();
  });

  it('is overdue only while the department has not checked in past its deadline', () => {
    const summons = aSummons();
    expect(summons.isOverdue(minutesAfter(arriveDueAt, -1))).toBe(false);
    expect(summons.isOverdue(minutesAfter(arriveDueAt, 1))).toBe(true);
    summons.checkIn('ua-d-01', minutesAfter(arriveDueAt, 5));
    expect(summons.isOverdue(minutesAfter(arriveDueAt, 10))).toBe(false);
  });

  it('escalates a late department one level at a time up the chain, stopping at the county', () => {
    const summons = aSummons();
    const at = minutesAfter(arriveDueAt, 1);
    expect(summons.escalate(chain, at)).toEqual({
      level: 1,
      escalatedTo: { role: 'secretary', id: 'sec-01' },
      escalatedAt: at,
    });
    expect(summons.escalate(chain, at)?.escalatedTo).toEqual({ role: 'official', id: 'o2-01' });
    expect(summons.escalate(chain, at)?.level).toBe(3);
    expect(summons.escalate(chain, at)).toBeUndefined();
    expect(summons.escalationLevel).toBe(3);
  });

  it('does not escalate a department that has checked in meanwhile', () => {
    const summons = aSummons();
    summons.checkIn('ua-d-01', minutesAfter(arriveDueAt, 1));
    expect(summons.escalate(chain, minutesAfter(arriveDueAt, 2))).toBeUndefined();
    expect(summons.escalationLevel).toBe(0);
  });
});

describe('the completion gate', () => {
  it('holds the ticket while any summoned department has neither reported nor been released', () => {
    const reported = aSummons('城管执法队');
    reported.checkIn('ua-d-01', issuedAt);
    reported.reportDone('已处置', issuedAt);
    const waiting = aSummons('住建所', '0195a0f0-2222-7aaa-8bbb-000000000002');
    waiting.checkIn('ua-d-02', issuedAt);

    let refusal: unknown;
    try {
      ensureNoSummonsOutstanding(reported.ticketId, [reported, waiting]);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(SummonsOutstandingError);
    expect(refusal).toMatchObject({ code: 'summons.outstanding', departmentLabels: ['住建所'] });
  });

  it('lets the ticket complete once every department reported or was released, or none was summoned', () => {
    const released = aSummons();
    released.release('无需到场', issuedAt);
    expect(() => ensureNoSummonsOutstanding(released.ticketId, [released])).not.toThrow();
    expect(() => ensureNoSummonsOutstanding(released.ticketId, [])).not.toThrow();
  });
});
