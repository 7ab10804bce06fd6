import { describe, expect, it } from 'vitest';
import { shrunkSize } from './photo-size';

describe('the size a photo is sent at', () => {
  it('shrinks the longest side to 1600 pixels and keeps the proportions', () => {
    expect(shrunkSize(4032, 3024)).toEqual({ width: 1600, height: 1200 });
    expect(shrunkSize(3024, 4032)).toEqual({ width: 1200, height: 1600 });
  });

  it('never enlarges a small picture, and never draws nothing', () => {
    expect(shrunkSize(800, 600)).toEqual({ width: 800, height: 600 });
    expect(shrunkSize(10_000, 1)).toEqual({ width: 1600, height: 1 });
  });
});
