import { Ticket, TicketState } from '../../ticket/domain/ticket.aggregate';
import { decideMerge } from './duplicate-merge.policy';
import {
  AlreadyMergedError,
  DuplicateHasDuplicatesError,
  MasterIsMergedError,
  MergeAcrossCommunitiesError,
  MergeIntoItselfError,
  MergeNotOpenError,
} from './duplicate.errors';

const t0 = new Date('2026-03-01T02:00:00.000Z');

function ticket(id: string, overrides: Partial<TicketState> = {}): TicketState {
  return {
    ...Ticket.submit({
      id,
      number: `LC-2026-${id}`,
      residentId: `resident-${id}`,
      filedBy: { role: 'resident', id: `resident-${id}` },
      source: 'app',
      categoryCode: 'public.lighting',
      urgency: 'normal',
      title: '路灯不亮',
      description: '3号楼门口',
      location: { communityId: 'c-1', gridId: 'g-1', compoundId: 'compound-1' },
      contact: null,
      attachments: [],
      submittedAt: t0,
    }).state,
    ...overrides,
  };
}

describe('the rules of merging a duplicate into its master', () => {
  it('merges two open, unresolved tickets of one community', () => {
    expect(decideMerge(ticket('d'), ticket('m', { status: 'accepted' }), false)).toBe('merge');
  });

  it('takes the same merge again as made already, so a second staff member changes nothing', () => {
    expect(decideMerge(ticket('d', { mergedInto: 'm' }), ticket('m'), false)).toBe('merged-already');
  });

  it('refuses to merge a ticket into itself', () => {
    expect(() => decideMerge(ticket('d'), ticket('d'), false)).toThrow(MergeIntoItselfError);
  });

  it('refuses to merge across communities', () => {
    const elsewhere = ticket('m', { location: { communityId: 'c-2', gridId: 'g-9' } });
    expect(() => decideMerge(ticket('d'), elsewhere, false)).toThrow(MergeAcrossCommunitiesError);
  });

  it('refuses a chain: the master is itself merged, and the caller is told into which ticket', () => {
    expect(() => decideMerge(ticket('d'), ticket('m', { mergedInto: 'root' }), false)).toThrow(
      new MasterIsMergedError('root'),
    );
  });

  it('refuses to merge a master into another ticket while duplicates follow it', () => {
    expect(() => decideMerge(ticket('d'), ticket('m'), true)).toThrow(DuplicateHasDuplicatesError);
  });

  it('refuses a duplicate merged into another master already', () => {
    expect(() => decideMerge(ticket('d', { mergedInto: 'other' }), ticket('m'), false)).toThrow(
      AlreadyMergedError,
    );
  });

  it('merges only open, unresolved tickets', () => {
    for (const status of ['resolved', 'closed', 'cancelled'] as const) {
      expect(() => decideMerge(ticket('d', { status }), ticket('m'), false)).toThrow(MergeNotOpenError);
      expect(() => decideMerge(ticket('d'), ticket('m', { status }), false)).toThrow(MergeNotOpenError);
    }
  });
});
