// The desk's forms of 吹哨报到: summoning departments to a ticket (1–10 departments picked by name from the
// directory, and a reason) and releasing one (a reason), turned into the dispatch service's requests or
// the key of what is wrong.
import type { DispatchSchemas } from '../api/clients';

/** The summon request the dispatch service takes. */
export type SummonDepartments = DispatchSchemas['schemas']['SummonDepartmentsRequest'];
/** A department as the directory lists it. */
export type Department = DispatchSchemas['schemas']['DepartmentResponse'];

/** A department as the picker offers it: its name, and its office hours as a hint. */
export interface DepartmentChoice {
  id: string;
  name: string;
  /** `08:30–17:30`. */
  hours: string;
  /** Closed on Saturdays and Sundays (make-up working days aside). */
  weekdaysOnly: boolean;
}

/** The departments to offer, by name as a Chinese reader orders them (pinyin). */
export function departmentChoices(departments: readonly Department[]): DepartmentChoice[] {
  const byName = new Intl.Collator('zh-CN');
  return [...departments]
    .sort((a, b) => byName.compare(a.name, b.name))
    .map((department) => ({
      id: department.id,
      name: department.name,
      hours: `${department.opensAt}–${department.closesAt}`,
      weekdaysOnly: !department.weekendsAllDay,
    }));
}

/** The most departments one summons act may call, as the dispatch service allows. */
export const maxDepartments = 10;
/** The longest reason the dispatch service takes. */
export const maxReasonLength = 500;

/** The request for the chosen departments and reason, or the message key of what is missing or wrong. */
export function summonRequest(
  departmentIds: readonly string[],
  reason: string,
): { body: SummonDepartments } | { problem: string } {
  const ids = [...new Set(departmentIds.map((id) => id.trim()).filter(Boolean))];
  if (!ids.length) return { problem: 'desk.summons.needDepartments' };
  if (ids.length > maxDepartments) return { problem: 'desk.summons.tooManyDepartments' };
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
