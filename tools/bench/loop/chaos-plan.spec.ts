import { chaosSchedule, closedExactlyOnce, exactlyOnceVerdict } from './chaos-plan';

describe('the chaos schedule', () => {
  it('spreads every service kill and the broker restart over the middle of the arrivals', () => {
    expect(chaosSchedule(500)).toEqual([
      { at: 100, what: 'requests' },
      { at: 175, what: 'dispatch' },
      { at: 250, what: 'volunteer-hours' },
      { at: 325, what: 'notifications' },
      { at: 400, what: 'kafka' },
    ]);
  });

  it('puts a single disruption at a fifth of the arrivals', () => {
    expect(chaosSchedule(100, ['kafka'])).toEqual([{ at: 20, what: 'kafka' }]);
  });
});

describe('the exactly-once verdict', () => {
  const credits = (entries: Record<string, string[]>) =>
    new Map(Object.entries(entries).map(([ticket, ids]) => [ticket, new Set(ids)]));

  it('passes a run where every submitted ticket has exactly one credit', () => {
    const verdict = exactlyOnceVerdict(['t1', 't2'], credits({ t1: ['e1'], t2: ['e2'] }));
    expect(verdict).toMatchObject({ submitted: 2, creditedOnce: 2 });
    expect(closedExactlyOnce(verdict)).toBe(true);
  });

  it('names tickets never credited, credited twice, or credited without being submitted', () => {
    const verdict = exactlyOnceVerdict(
      ['t1', 't2', 't3'],
      credits({ t1: ['e1'], t2: ['e2', 'e3'], t9: ['e9'] }),
    );
    expect(verdict).toEqual({
      submitted: 3,
      creditedOnce: 1,
      neverCredited: ['t3'],
      creditedMoreThanOnce: ['t2'],
      creditedUnknown: ['t9'],
    });
    expect(closedExactlyOnce(verdict)).toBe(false);
  });
});
