import type { EscalationContact } from './dispatch-case.aggregate';
import {
  CommunityStaffContact,
  queueReminderRecipients,
  supervisionRecipients,
} from './reminder-recipients.policy';

const chain: EscalationContact[] = [
  { level: 1, role: 'secretary', userId: 'secretary-a' },
  { level: 2, role: 'official', userId: 'official-street' },
  { level: 3, role: 'official', userId: 'official-county' },
];
const staff: CommunityStaffContact[] = [
  { id: 'grid-worker-a', role: 'grid_worker' },
  { id: 'secretary-a', role: 'secretary' },
  { id: 'staff-a', role: 'staff' },
  { id: 'staff-b', role: 'staff' },
];

describe('who is reminded of a queued ticket nobody holds', () => {
  it('is the staff who dispatch the queue, not the secretary or the grid workers', () => {
    expect(queueReminderRecipients(staff)).toEqual([
      { role: 'staff', id: 'staff-a' },
      { role: 'staff', id: 'staff-b' },
    ]);
  });

  it('is everyone working for a community that has no staff on record', () => {
    expect(queueReminderRecipients(staff.slice(0, 2))).toEqual([
      { role: 'grid_worker', id: 'grid-worker-a' },
      { role: 'secretary', id: 'secretary-a' },
    ]);
  });
});

describe('who supervises a ticket past the top escalation level (督办)', () => {
  it('is the county leader it was escalated to and the community secretary', () => {
    expect(supervisionRecipients({ role: 'official', id: 'official-county' }, chain, staff)).toEqual([
      { role: 'official', id: 'official-county' },
      { role: 'secretary', id: 'secretary-a' },
    ]);
  });

  it('names the secretary once when the chain stops at the secretary', () => {
    expect(supervisionRecipients({ role: 'secretary', id: 'secretary-a' }, chain.slice(0, 1), staff)).toEqual(
      [{ role: 'secretary', id: 'secretary-a' }],
    );
  });

  it('falls back to the community staff when the chain names nobody', () => {
    expect(supervisionRecipients(null, [], staff)).toEqual([
      { role: 'staff', id: 'staff-a' },
      { role: 'staff', id: 'staff-b' },
    ]);
  });
});
