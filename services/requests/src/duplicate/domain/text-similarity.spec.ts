import { characterBigrams, textSimilarity } from './text-similarity';

describe('the text similarity of two reports', () => {
  it('gives 1 to the same report, whatever its spacing and punctuation', () => {
    expect(textSimilarity('3号楼门口路灯不亮了！', ' 3号楼 门口路灯不亮了')).toBe(1);
  });

  it('gives 0 to reports sharing no pair of characters', () => {
    expect(textSimilarity('路灯不亮', '下水道堵塞')).toBe(0);
  });

  it('scores two neighbours describing the same broken lamp well above two different problems', () => {
    const lamp = textSimilarity('3号楼门口路灯不亮', '3号楼门口的路灯坏了，晚上不亮');
    const different = textSimilarity('3号楼门口路灯不亮', '5号楼楼道里有人堆放杂物');

    expect(lamp).toBeGreaterThan(0.5);
    expect(different).toBeLessThan(0.2);
  });

  it('counts a repeated pair as often as both texts have it (Dice over multisets)', () => {
    expect(characterBigrams('灯灯灯').get('灯灯')).toBe(2);
    expect(textSimilarity('灯灯灯', '灯灯')).toBe(0.667);
  });

  it('compares texts too short for a pair by equality', () => {
    expect(textSimilarity('灯', '灯')).toBe(1);
    expect(textSimilarity('灯', '水')).toBe(0);
  });

  it('ignores letter case and full-width forms', () => {
    expect(textSimilarity('ＬＥＤ路灯', 'led路灯')).toBe(1);
  });
});
