// Who reads the resident's name and phone in full, and who reads them masked (王**, 138****0000). The
// assignee decides on an offer with the masked contact, calls the resident with the full one while the
// work is theirs, and reads it masked again once the work is confirmed or the assignment ends.
import type { ResidentContact, TicketState } from './ticket.aggregate';
import type { TicketStatus } from './ticket-status';
import {
  actsForCommunity,
  canViewAsCommunity,
  isCurrentAssignee,
  speaksForResident,
  Viewer,
} from './ticket-visibility.policy';

/** How much of the contact a viewer reads. */
export type ContactDisclosure = 'full' | 'masked';

// The work is the assignee's from acceptance until the resident confirms (or it is taken from them).
const workInHandStatuses: ReadonlySet<TicketStatus> = new Set(['accepted', 'in_progress', 'resolved']);

/** How much of the ticket's contact `viewer` reads (they can already see the ticket). */
export function contactDisclosureFor(viewer: Viewer, ticket: TicketState): ContactDisclosure {
  if (speaksForResident(viewer, ticket) || ticket.filedBy.id === viewer.id) return 'full';
  if (actsForCommunity(viewer, ticket) || canViewAsCommunity(viewer, ticket)) return 'full';
  if (isCurrentAssignee(viewer, ticket) && workInHandStatuses.has(ticket.status)) return 'full';
  return 'masked';
}

/** True when the viewer reads the contact in full only because the work is in their hands (the reads staff can list). */
export function isAssigneeDisclosure(viewer: Viewer, ticket: TicketState): boolean {
  return (
    contactDisclosureFor(viewer, ticket) === 'full' &&
    isCurrentAssignee(viewer, ticket) &&
    !speaksForResident(viewer, ticket) &&
    !actsForCommunity(viewer, ticket) &&
    !canViewAsCommunity(viewer, ticket)
  );
}

/** The contact as `disclosure` allows: the surname and the phone's first three and last four digits when masked. */
export function discloseContact(
  contact: ResidentContact | null,
  disclosure: ContactDisclosure,
): ResidentContact | null {
  if (!contact || disclosure === 'full') return contact ? { ...contact } : null;
  return {
    ...(contact.name !== undefined && { name: maskName(contact.name) }),
    ...(contact.phone !== undefined && { phone: maskPhone(contact.phone) }),
  };
}

/** 王小明 → 王**; a one-character name becomes *. */
export function maskName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length <= 1) return '*';
  return `${characters[0]}**`;
}

/** 13800138000 → 138****8000; anything too short to keep digits of is all stars. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < 8) return '*'.repeat(Math.max(digits.length, 4));
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
