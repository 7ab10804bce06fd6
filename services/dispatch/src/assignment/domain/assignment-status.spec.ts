import { alreadyDone } from './assignment-status';

describe('a repeated assignee command', () => {
  it('is already done once the assignment stands where the command takes it, or beyond', () => {
    expect(alreadyDone('accept', 'accepted')).toBe(true);
    expect(alreadyDone('accept', 'in_progress')).toBe(true);
    expect(alreadyDone('start', 'completed')).toBe(true);
    expect(alreadyDone('complete', 'completed')).toBe(true);
    expect(alreadyDone('decline', 'declined')).toBe(true);
    expect(alreadyDone('hand back', 'handed_back')).toBe(true);
  });

  it('is not done when the assignment went another way: the conflict stands', () => {
    expect(alreadyDone('accept', 'offered')).toBe(false);
    expect(alreadyDone('accept', 'withdrawn')).toBe(false);
    expect(alreadyDone('accept', 'expired')).toBe(false);
    expect(alreadyDone('accept', 'declined')).toBe(false);
    expect(alreadyDone('start', 'accepted')).toBe(false);
    expect(alreadyDone('complete', 'handed_back')).toBe(false);
    expect(alreadyDone('decline', 'accepted')).toBe(false);
  });
});
