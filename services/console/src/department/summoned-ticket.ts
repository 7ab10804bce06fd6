// The ticket a department is summoned to, in the words a person reads on the card: its number, its
// category by name and its place from the household's address down to the community.
import type { DispatchSchemas } from '../api/clients';
import { placeText } from '../member/place-text';

type SummonedTicket = DispatchSchemas['schemas']['SummonedTicketResponse'];

/** What the card shows of the ticket. */
export interface SummonedTicketText {
  number: string;
  category: string;
  place: string;
}

/**
 * The card's text of `ticket`; `categoryName` names a code in the screen's language and answers the code
 * itself until the catalogue has loaded, when the name dispatch sent stands in.
 */
export function summonedTicketText(
  ticket: SummonedTicket,
  categoryName: (code: string) => string,
): SummonedTicketText {
  const named = categoryName(ticket.categoryCode);
  return {
    number: ticket.number,
    category: named !== ticket.categoryCode ? named : (ticket.categoryName ?? ticket.categoryCode),
    place: placeText(ticket.place) || '—',
  };
}
