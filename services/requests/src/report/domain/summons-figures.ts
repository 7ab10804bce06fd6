// 吹哨报到 in the reports: how many tickets needed departments, how many departments were summoned, and
// how often each department checked in on time — from the summons facts on the ticket timelines.
import { rate } from './loop-report';

/** One summoned department on one ticket, as the timeline tells it. */
export interface SummonedDepartmentFacts {
  ticketId: string;
  departmentId: string;
  departmentLabel: string;
  arriveDueAt: Date;
  checkedInAt: Date | null;
  /** Whether the check-in came after the deadline; null when not checked in. */
  late: boolean | null;
  releasedAt: Date | null;
}

/** The figures of one department. */
export interface DepartmentSummonsFigures {
  departmentId: string;
  departmentLabel: string;
  summoned: number;
  checkedIn: number;
  onTimeCheckIns: number;
  /** Checked in on time ÷ summonses that fell due (checked in, or past the deadline and not released before it). */
  onTimeCheckInRate: number | null;
}

/** The summons figures of a report's tickets. */
export interface SummonsFigures {
  ticketsSummoned: number;
  departmentsSummoned: number;
  checkedIn: number;
  onTimeCheckIns: number;
  onTimeCheckInRate: number | null;
  byDepartment: DepartmentSummonsFigures[];
}

// A summons counts against the department once it checked in, or once its deadline passed while it was
// still expected — a department released before its deadline was never late.
function fellDue(summons: SummonedDepartmentFacts, asOf: Date): boolean {
  if (summons.checkedInAt) return true;
  const due = summons.arriveDueAt.getTime();
  if (due > asOf.getTime()) return false;
  return !summons.releasedAt || summons.releasedAt.getTime() > due;
}

function figuresOf(summonses: readonly SummonedDepartmentFacts[], asOf: Date) {
  const checkedIn = summonses.filter((s) => s.checkedInAt !== null).length;
  const onTime = summonses.filter((s) => s.checkedInAt !== null && s.late === false).length;
  const due = summonses.filter((s) => fellDue(s, asOf)).length;
  return { checkedIn, onTimeCheckIns: onTime, onTimeCheckInRate: rate(onTime, due) };
}

/** The figures of the summonses, with one line per department (by label, then id). */
export function computeSummonsFigures(
  summonses: readonly SummonedDepartmentFacts[],
  asOf: Date,
): SummonsFigures {
  const byDepartment = new Map<string, SummonedDepartmentFacts[]>();
  for (const summons of summonses) {
    const list = byDepartment.get(summons.departmentId) ?? [];
    list.push(summons);
    byDepartment.set(summons.departmentId, list);
  }
  return {
    ticketsSummoned: new Set(summonses.map((s) => s.ticketId)).size,
    departmentsSummoned: summonses.length,
    ...figuresOf(summonses, asOf),
    byDepartment: [...byDepartment.values()]
      .map((list) => ({
        departmentId: list[0].departmentId,
        departmentLabel: list[list.length - 1].departmentLabel,
        summoned: list.length,
        ...figuresOf(list, asOf),
      }))
      .sort(
        (a, b) =>
          a.departmentLabel.localeCompare(b.departmentLabel, 'zh-CN') ||
          a.departmentId.localeCompare(b.departmentId),
      ),
  };
}
