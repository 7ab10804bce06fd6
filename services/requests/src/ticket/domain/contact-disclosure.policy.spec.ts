import { contactDisclosureFor, discloseContact, maskName, maskPhone } from './contact-disclosure.policy';
import type { TicketState } from './ticket.aggregate';
import type { TicketStatus } from './ticket-status';

const ticket = (status: TicketStatus): TicketState =>
  ({
    residentId: 'resident-1',
    filedBy: { role: 'resident', id: 'resident-1' },
    location: { communityId: 'c-1', gridId: 'g-1' },
    assignment: { id: 'a-1', assignee: { kind: 'member', id: 'member-1' } },
    contact: { name: '王小明', phone: '13800138000' },
    status,
  }) as TicketState;

const member = { id: 'member-1', roles: ['member'], communityIds: [], gridIds: [] };

describe('contact disclosure', () => {
  it('masks the name to its surname and the phone to its first three and last four digits', () => {
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('王')).toBe('*');
    expect(maskPhone('138 0013 8000')).toBe('138****8000');
    expect(maskPhone('12345')).toBe('*****');
    expect(discloseContact({ name: '王小明', phone: '13800138000' }, 'masked')).toEqual({
      name: '王**',
      phone: '138****8000',
    });
    expect(discloseContact({ phone: '13800138000' }, 'masked')).toEqual({ phone: '138****8000' });
  });

  it('gives the assignee the full contact only while the work is in their hands', () => {
    const stages: TicketStatus[] = [
      'dispatched',
      'accepted',
      'in_progress',
      'resolved',
      'closed',
      'cancelled',
    ];
    expect(stages.map((status) => contactDisclosureFor(member, ticket(status)))).toEqual([
      'masked',
      'full',
      'full',
      'full',
      'masked',
      'masked',
    ]);
  });

  it('always gives the resident and the community’s staff the full contact', () => {
    const resident = { id: 'resident-1', roles: ['resident'], communityIds: [], gridIds: [] };
    const staff = { id: 'staff-1', roles: ['staff'], communityIds: ['c-1'], gridIds: [] };
    expect(contactDisclosureFor(resident, ticket('dispatched'))).toBe('full');
    expect(contactDisclosureFor(staff, ticket('closed'))).toBe('full');
  });
});
