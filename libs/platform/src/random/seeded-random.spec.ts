import { SeededRandom } from './seeded-random';

describe('SeededRandom', () => {
  it('replays the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 5 },
        (
          (random) => () =>
            random.next()
        )(new SeededRandom(seed)),
      );
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(7).every((value) => value >= 0 && value < 1)).toBe(true);
  });

  it('keeps integers within both bounds and samples distinct items in list order', () => {
    const random = new SeededRandom(42);
    const integers = Array.from({ length: 200 }, () => random.integer(3, 5));
    expect(new Set(integers)).toEqual(new Set([3, 4, 5]));
    const sample = random.sample(['a', 'b', 'c', 'd', 'e'], 3);
    expect(new Set(sample).size).toBe(3);
    expect([...sample].sort()).toEqual(sample);
  });

  it('chooses by weight and never picks a key of weight zero', () => {
    const random = new SeededRandom(1);
    const picks = Array.from({ length: 1000 }, () =>
      random.weighted([
        ['often', 9],
        ['rarely', 1],
        ['never', 0],
      ] as const),
    );
    expect(picks).not.toContain('never');
    expect(picks.filter((pick) => pick === 'often').length).toBeGreaterThan(800);
    expect(Array.from({ length: 100 }, () => random.chance(0)).some(Boolean)).toBe(false);
  });
});
