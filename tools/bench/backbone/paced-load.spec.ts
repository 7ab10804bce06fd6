import { pacedPhases, phaseSchedule } from './paced-load';

describe('phaseSchedule', () => {
  it('starts each phase where the one before ended, at its own rate', () => {
    expect(
      phaseSchedule([
        { count: 3, ratePerSecond: 2 },
        { count: 2, ratePerSecond: 1 },
      ]),
    ).toEqual([0, 500, 1_000, 1_500, 2_500]);
  });
});

describe('pacedPhases', () => {
  it('calls every index of every phase once, in order', async () => {
    const sent: number[] = [];

    await pacedPhases(
      [
        { count: 3, ratePerSecond: 1_000 },
        { count: 2, ratePerSecond: 500 },
      ],
      async (index) => void sent.push(index),
    );

    expect(sent).toEqual([0, 1, 2, 3, 4]);
  });
});
