import { computeSummonsFigures, SummonedDepartmentFacts } from './summons-figures';

const asOf = new Date('2026-04-01T08:00:00.000Z');
const hoursAgo = (hours: number) => new Date(asOf.getTime() - hours * 3_600_000);

function summons(overrides: Partial<SummonedDepartmentFacts>): SummonedDepartmentFacts {
  return {
    ticketId: 't-1',
    departmentId: 'd-city',
    departmentLabel: '城管执法队',
    arriveDueAt: hoursAgo(10),
    checkedInAt: null,
    late: null,
    releasedAt: null,
    ...overrides,
  };
}

describe('the summons figures of a report (吹哨报到)', () => {
  it('counts tickets summoned, departments summoned and on-time check-ins by department, in pinyin order', () => {
    const figures = computeSummonsFigures(
      [
        summons({ checkedInAt: hoursAgo(11), late: false }),
        summons({
          departmentId: 'd-housing',
          departmentLabel: '住建所',
          checkedInAt: hoursAgo(8),
          late: true,
        }),
        summons({ ticketId: 't-2', checkedInAt: hoursAgo(12), late: false }),
      ],
      asOf,
    );

    expect(figures).toMatchObject({
      ticketsSummoned: 2,
      departmentsSummoned: 3,
      checkedIn: 3,
      onTimeCheckIns: 2,
      onTimeCheckInRate: 0.6667,
    });
    expect(figures.byDepartment.map((d) => [d.departmentLabel, d.summoned, d.onTimeCheckInRate])).toEqual([
      ['城管执法队', 2, 1],
      ['住建所', 1, 0],
    ]);
  });

  it('holds a department that never came against its rate once the deadline passed, but not before it', () => {
    const absent = computeSummonsFigures([summons({})], asOf);
    expect(absent.onTimeCheckInRate).toBe(0);
    const notYetDue = computeSummonsFigures(
      [summons({ arriveDueAt: new Date(asOf.getTime() + 3_600_000) })],
      asOf,
    );
    expect(notYetDue.onTimeCheckInRate).toBeNull();
  });

  it('does not count a department released before its deadline as late', () => {
    const released = computeSummonsFigures([summons({ releasedAt: hoursAgo(11) })], asOf);
    expect(released.onTimeCheckInRate).toBeNull();
    expect(released.departmentsSummoned).toBe(1);
  });
});
