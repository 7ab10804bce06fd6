import { chunk } from './chunk';

describe('chunk', () => {
  it('cuts a list into slices of at most the batch size', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 2)).toEqual([]);
  });
});
