// Duplicate reports at the desk (ADR 0016): how alike a proposed pair is, and the reasons staff give when
// merging, keeping apart or unmerging, checked as the requests service checks them.

/** The similarity of a proposed pair (0–1) as a whole percentage. */
export function similarityText(similarity: number): string {
  return `${Math.round(Math.min(1, Math.max(0, similarity)) * 100)}%`;
}

/** The longest reason the requests service takes for a merge, a keep-apart or an unmerge. */
export const maxDuplicateReasonLength = 200;

/** An optional reason (merge, keep apart): trimmed, absent when empty, or the key of what is wrong. */
export function optionalReason(reason: string): { reason?: string } | { problem: string } {
  const text = reason.trim();
  if (text.length > maxDuplicateReasonLength) return { problem: 'desk.duplicates.reasonTooLong' };
  return text ? { reason: text } : {};
}

/** The reason for unmerging (2–200 characters), or the key of what is wrong. */
export function unmergeReason(reason: string): { reason: string } | { problem: string } {
  const text = reason.trim();
  if (text.length < 2) return { problem: 'desk.duplicates.needUnmergeReason' };
  if (text.length > maxDuplicateReasonLength) return { problem: 'desk.duplicates.reasonTooLong' };
  return { reason: text };
}
