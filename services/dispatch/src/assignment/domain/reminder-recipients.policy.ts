// Who is reminded when nobody in particular holds a ticket: the community's staff for a ticket waiting
// in their queue, and — past the top escalation level — whoever it was escalated to last (the county
// leader) together with the community secretary (督办). Pure: the caller loads the chain and the staff.
import type { EscalationContact } from './dispatch-case.aggregate';

/** A person to remind, in the role they are reminded in. */
export interface ReminderRecipient {
  role: 'staff' | 'secretary' | 'grid_worker' | 'official';
  id: string;
}

/** An active person working for the community, as the directory lists them. */
export interface CommunityStaffContact {
  id: string;
  role: 'staff' | 'secretary' | 'grid_worker';
}

/**
 * The staff who dispatch the community's queue (社区工作者). A community with no staff on record falls
 * back to everyone working for it, so the reminder reaches somebody.
 */
export function queueReminderRecipients(staff: readonly CommunityStaffContact[]): ReminderRecipient[] {
  const dispatchers = staff.filter((person) => person.role === 'staff');
  return (dispatchers.length > 0 ? dispatchers : staff).map((person) => ({
    role: person.role,
    id: person.id,
  }));
}

/**
 * Who supervises a ticket past the top escalation level: the holder of its escalation (the county
 * leader at level 3, or the highest level the chain has) and the community secretary, each once. With
 * nobody in the chain at all, the community's staff are reminded instead.
 */
export function supervisionRecipients(
  escalatedTo: { role: string; id: string } | null,
  chain: readonly EscalationContact[],
  staff: readonly CommunityStaffContact[],
): ReminderRecipient[] {
  const secretary = chain.find((contact) => contact.level === 1);
  const candidates: ReminderRecipient[] = [
    ...(escalatedTo
      ? [{ role: escalatedTo.role === 'secretary' ? 'secretary' : 'official', id: escalatedTo.id } as const]
      : []),
    ...(secretary ? [{ role: 'secretary', id: secretary.userId } as const] : []),
  ];
  const unique = candidates.filter(
    (candidate, index) => candidates.findIndex((other) => other.id === candidate.id) === index,
  );
  return unique.length > 0 ? unique : queueReminderRecipients(staff);
}
