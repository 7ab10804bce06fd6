// The desk's forms of 吹哨报到: summoning departments to a ticket (1–10 department ids and a reason) and
// releasing one (a reason), turned into the dispatch service's requests or the key of what is wrong.
import type { DispatchSchemas } from '../api/clients';

/** The summon request the dispatch service takes. */
export type SummonDepartments = DispatchSchemas['schemas']['SummonDepartmentsRequest'];

/** The most departments one summons act may call, as the dispatch service allows. */
export const maxDepartments = 10;
/** The longest reason the dispatch service takes. */
export const maxReasonLength = 500;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The request for the chosen departments and reason, or the message key of what is missing or wrong. */
export function summonRequest(
  departmentIds: readonly string[],
  reason: string,
): { body: SummonDepartments } | { problem: string } {
  const ids = [...new Set(departmentIds.map((id) => id.trim()).filter(Boolean))];
  if (!ids.length) return { problem: 'desk.summons.needDepartments' };
  if (ids.length > maxDepartments) return { problem: 'desk.summons.tooManyDepartments' };
  if (!ids.every((id) => uuid.test(id))) return { problem: 'desk.summons.badDepartment' };
  const why = reasonText(reason);
  if ('problem' in why) return why;
  return { body: { departmentIds: ids, reason: why.text } };
}

/** A reason trimmed, or the message key of what is wrong with it. */
export function reasonText(reason: string): { text: string } | { problem: string } {
  const text = reason.trim();
  if (!text) return { problem: 'desk.summons.needReason' };
  if (text.length > maxReasonLength) return { problem: 'desk.summons.reasonTooLong' };
  return { text };
}
