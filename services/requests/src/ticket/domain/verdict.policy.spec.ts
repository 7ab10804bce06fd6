import { mayGiveVerdict, Viewer } from './ticket-visibility.policy';

const viewer = (id: string, roles: string[], communityIds: string[] = []): Viewer => ({
  id,
  roles,
  communityIds,
  gridIds: [],
});
const place = { communityId: 'c-1', gridId: 'g-1' };

describe('who gives the verdict on a ticket', () => {
  const residentsOwn = { residentId: 'resident-1', filedBy: { id: 'resident-1' }, location: place };
  const filedForResident = { residentId: 'resident-1', filedBy: { id: 'staff-1' }, location: place };
  const patrolFinding = { residentId: null, filedBy: { id: 'grid-worker-1' }, location: place };

  it('lets the resident confirm their own ticket, whoever filed it', () => {
    expect(mayGiveVerdict(viewer('resident-1', ['resident']), residentsOwn, 'resident')).toBe(true);
    expect(mayGiveVerdict(viewer('resident-1', ['resident']), filedForResident, 'resident')).toBe(true);
  });

  it('never lets whoever filed a ticket for someone else confirm or rate it', () => {
    expect(mayGiveVerdict(viewer('grid-worker-1', ['grid_worker'], ['c-1']), patrolFinding, 'resident')).toBe(
      false,
    );
    expect(mayGiveVerdict(viewer('staff-1', ['staff'], ['c-1']), filedForResident, 'callback')).toBe(false);
    expect(mayGiveVerdict(viewer('staff-1', ['staff'], ['c-1']), filedForResident, 'resident')).toBe(false);
  });

  it('lets other staff of the community record a callback, and nobody outside it', () => {
    expect(mayGiveVerdict(viewer('staff-2', ['staff'], ['c-1']), patrolFinding, 'callback')).toBe(true);
    expect(mayGiveVerdict(viewer('secretary-1', ['secretary'], ['c-1']), filedForResident, 'callback')).toBe(
      true,
    );
    expect(mayGiveVerdict(viewer('staff-9', ['staff'], ['c-9']), patrolFinding, 'callback')).toBe(false);
    expect(mayGiveVerdict(viewer('resident-1', ['resident']), residentsOwn, 'callback')).toBe(false);
  });
});
