import { describe, expect, it } from 'vitest';
import { maxDuplicateReasonLength, optionalReason, similarityText, unmergeReason } from './duplicates';

describe('how alike a proposed duplicate is', () => {
  it('is shown as a whole percentage', () => {
    expect(similarityText(0.624)).toBe('62%');
    expect(similarityText(1)).toBe('100%');
  });
});

describe('the reasons staff give for duplicate decisions', () => {
  it('leaves out a merge or keep-apart reason that says nothing', () => {
    expect(optionalReason('   ')).toEqual({});
    expect(optionalReason(' 同一盏路灯 ')).toEqual({ reason: '同一盏路灯' });
  });

  it('refuses a reason longer than the requests service takes', () => {
    expect(optionalReason('灯'.repeat(maxDuplicateReasonLength + 1))).toEqual({
      problem: 'desk.duplicates.reasonTooLong',
    });
    expect(unmergeReason('灯'.repeat(maxDuplicateReasonLength + 1))).toEqual({
      problem: 'desk.duplicates.reasonTooLong',
    });
  });

  it('asks for at least two characters of reason to unmerge', () => {
    expect(unmergeReason(' 否 ')).toEqual({ problem: 'desk.duplicates.needUnmergeReason' });
    expect(unmergeReason('不是同一盏灯')).toEqual({ reason: '不是同一盏灯' });
  });
});
