// The resident's contact on a ticket, as far as the reader may see it: the API documents it as a free
// object (name, phone), masked until the reader has accepted the work.

/** A contact to show, with a dialable number when it is not masked. */
export interface ShownContact {
  name?: string;
  phone?: string;
  /** `tel:` link, only for an unmasked number. */
  telHref?: string;
}

/** Reads the ticket's contact; undefined when there is none. */
export function contactOf(contact: unknown, masked: boolean): ShownContact | undefined {
  if (typeof contact !== 'object' || contact === null) return undefined;
  const fields = contact as Record<string, unknown>;
  const name = typeof fields.name === 'string' ? fields.name : undefined;
  const phone = typeof fields.phone === 'string' ? fields.phone : undefined;
  if (!name && !phone) return undefined;
  const dialable = !masked && phone && /^\+?[\d\s-]{3,20}$/.test(phone);
  return { name, phone, telHref: dialable ? `tel:${phone.replace(/[\s-]/g, '')}` : undefined };
}
