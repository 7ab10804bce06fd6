import { fixturePayload, summonsIssuedV1, summonsOverdueV1 } from '@loop/contracts';
import type { StaffFact, TicketFact } from '../../facts/domain/facts';
import type { LoopEvent } from './loop-event';
import { directoryNeedsOf, needsTicketFact, notificationsFor } from './notification-rules';
import { renderNotification } from './templates';

const issued = fixturePayload(summonsIssuedV1);
const overdue = fixturePayload(summonsOverdueV1);

const ticket: TicketFact = {
  ticketId: issued.ticketId,
  ticketNumber: 'LC-20260301-0042',
  residentId: 'resident-1',
  communityId: issued.communityId,
  gridId: '1d1f7a63-2e9b-4c8f-8b66-4f3a2d5c6b71',
  categoryCode: 'property.repair',
  urgency: 'urgent',
  assignee: null,
};

const staffMember: StaffFact = {
  staffId: 'stf-01-1',
  role: 'staff',
  communityId: issued.communityId,
  gridIds: [],
  active: true,
  revision: 1,
};

const event = (type: 'summons.issued' | 'summons.overdue', payload: object): LoopEvent =>
  ({ type, payload, eventId: 'e-1', actor: { role: 'staff', id: 'stf-01-1' } }) as LoopEvent;

describe('who hears of summoned departments (吹哨报到)', () => {
  it('tells each summoned department’s unit admins, with their department and arrival deadline', () => {
    const told = notificationsFor(event('summons.issued', issued), {
      ticket,
      communityStaff: [staffMember],
      officials: [],
    });

    expect(told.map((n) => [n.recipient, n.kind, n.params.departmentLabel])).toEqual([
      [{ id: 'ua-d-01', role: 'unit_admin' }, 'summons_received', '城管执法队'],
      [{ id: 'ua-d-02', role: 'unit_admin' }, 'summons_received', '住建所'],
    ]);
    expect(told[0].priority).toBe('urgent');
    expect(renderNotification(told[0].kind, told[0].params, 'zh-CN').body).toBe(
      '城管执法队 被召集处置工单 LC-20260301-0042，请于 2025-03-01 12:30 前到场报到。',
    );
  });

  it('tells the community’s staff and whoever the late department was escalated to, urgently', () => {
    const told = notificationsFor(event('summons.overdue', overdue), {
      ticket: { ...ticket, urgency: 'normal' },
      communityStaff: [staffMember],
      officials: [],
    });

    expect(told.map((n) => [n.recipient.id, n.kind, n.priority])).toEqual([
      ['sec-01', 'summons_overdue', 'urgent'],
      ['stf-01-1', 'summons_overdue', 'urgent'],
    ]);
    expect(renderNotification(told[0].kind, told[0].params, 'en').title).toBe(
      'A summoned department is late',
    );
  });

  it('needs the ticket for both, and the community’s staff only for a late department', () => {
    expect(needsTicketFact(event('summons.issued', issued))).toBe(true);
    expect(directoryNeedsOf(event('summons.issued', issued))).toEqual({
      communityStaff: false,
      officials: false,
    });
    expect(directoryNeedsOf(event('summons.overdue', overdue))).toEqual({
      communityStaff: true,
      officials: false,
    });
  });
});
