import { FilingNotAllowedError } from './ticket.errors';
import { decideFiling, OPEN311_CLIENT_ROLE } from './ticket-filing.policy';
import { formatTicketNumber, numberingYear } from './ticket-number';
import { actsForCommunity, canView, speaksForResident, Viewer } from './ticket-visibility.policy';

const viewer = (roles: string[], extra: Partial<Viewer> = {}): Viewer => ({
  id: 'me',
  roles,
  communityIds: [],
  gridIds: [],
  ...extra,
});
const ticket = {
  residentId: 'resident-1',
  filedBy: { id: 'grid-worker-1' },
  location: { communityId: 'c-1', gridId: 'g-1' },
};

describe('who may see a ticket', () => {
  it('shows a resident only their own tickets', () => {
    expect(canView(viewer(['resident'], { id: 'resident-1' }), ticket)).toBe(true);
    expect(canView(viewer(['resident'], { id: 'resident-2' }), ticket)).toBe(false);
  });

  it('shows a grid worker what they filed and their grids’ tickets', () => {
    expect(canView(viewer(['grid_worker'], { id: 'grid-worker-1' }), ticket)).toBe(true);
    expect(canView(viewer(['grid_worker'], { gridIds: ['g-1'] }), ticket)).toBe(true);
    expect(canView(viewer(['grid_worker'], { gridIds: ['g-2'], communityIds: ['c-1'] }), ticket)).toBe(false);
  });

  it('shows staff, secretaries and officials their communities only', () => {
    for (const role of ['staff', 'secretary', 'official']) {
      expect(canView(viewer([role], { communityIds: ['c-1'] }), ticket)).toBe(true);
      expect(canView(viewer([role], { communityIds: ['c-2'] }), ticket)).toBe(false);
    }
  });

  it('shows nothing to a member and everything to an admin', () => {
    expect(canView(viewer(['member'], { communityIds: ['c-1'] }), ticket)).toBe(false);
    expect(canView(viewer(['admin']), ticket)).toBe(true);
  });

  it('lets staff act for their community, and the resident (or the filer of a finding) speak for the resident', () => {
    expect(actsForCommunity(viewer(['staff'], { communityIds: ['c-1'] }), ticket)).toBe(true);
    expect(actsForCommunity(viewer(['official'], { communityIds: ['c-1'] }), ticket)).toBe(false);
    expect(speaksForResident(viewer(['resident'], { id: 'resident-1' }), ticket)).toBe(true);
    expect(speaksForResident(viewer(['grid_worker'], { id: 'grid-worker-1' }), ticket)).toBe(false);
    expect(
      speaksForResident(viewer(['grid_worker'], { id: 'grid-worker-1' }), { ...ticket, residentId: null }),
    ).toBe(true);
  });
});

describe('how a ticket is filed', () => {
  const where = { communityId: 'c-1', gridId: 'g-1' };

  it('files a resident’s ticket for themselves through the app', () => {
    expect(decideFiling(viewer(['resident']), where)).toEqual({
      filedBy: { role: 'resident', id: 'me' },
      residentId: 'me',
      source: 'app',
    });
  });

  it('refuses a resident filing for someone else or through another channel', () => {
    expect(() => decideFiling(viewer(['resident']), { ...where, residentId: 'other' })).toThrow(
      FilingNotAllowedError,
    );
    expect(() => decideFiling(viewer(['resident']), { ...where, source: 'hotline' })).toThrow(
      FilingNotAllowedError,
    );
  });

  it('files a grid worker’s patrol finding in their grid, with or without a resident', () => {
    const worker = viewer(['grid_worker'], { gridIds: ['g-1'] });
    expect(decideFiling(worker, where)).toMatchObject({ residentId: null, source: 'grid_patrol' });
    expect(decideFiling(worker, { ...where, residentId: 'r-1', source: 'hotline' })).toMatchObject({
      residentId: 'r-1',
      source: 'hotline',
    });
    expect(() => decideFiling(worker, { ...where, gridId: 'g-2' })).toThrow(FilingNotAllowedError);
  });

  it('files staff tickets in their community only, walk-in by default', () => {
    expect(decideFiling(viewer(['staff'], { communityIds: ['c-1'] }), where)).toMatchObject({
      source: 'walk_in',
      filedBy: { role: 'staff' },
    });
    expect(() => decideFiling(viewer(['staff'], { communityIds: ['c-2'] }), where)).toThrow(
      FilingNotAllowedError,
    );
  });

  it('refuses roles that do not file tickets', () => {
    expect(() => decideFiling(viewer(['member']), where)).toThrow(FilingNotAllowedError);
  });

  it('files an Open311 client’s request as system, with no resident, in its key’s communities only', () => {
    const client = viewer([OPEN311_CLIENT_ROLE], { communityIds: ['c-1'] });
    expect(decideFiling({ ...client, id: 'open311:hotline' }, { ...where, source: 'hotline' })).toEqual({
      filedBy: { role: 'system', id: 'open311:hotline' },
      residentId: null,
      source: 'hotline',
    });
    expect(() => decideFiling(client, { ...where, communityId: 'c-2' })).toThrow(FilingNotAllowedError);
  });
});

describe('ticket numbers', () => {
  it('formats the district code, year and a six-digit sequence', () => {
    expect(formatTicketNumber('LC', 2026, 123)).toBe('LC-2026-000123');
    expect(formatTicketNumber('LC', 2026, 1_234_567)).toBe('LC-2026-1234567');
  });

  it('numbers by the calendar year in Asia/Shanghai', () => {
    expect(numberingYear(new Date('2025-12-31T15:59:59.000Z'))).toBe(2025);
    expect(numberingYear(new Date('2025-12-31T16:00:00.000Z'))).toBe(2026);
  });
});
