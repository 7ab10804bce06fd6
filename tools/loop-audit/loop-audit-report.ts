// How the loop audit's report reads on a terminal, and what exit code it means. Pure.

/** One broken loop, as GET /audit/loop reports it. */
export interface LoopAuditFinding {
  kind: string;
  ticketId: string;
  ticketNumber: string;
  detail: string;
}

/** The body of GET /audit/loop. */
export interface LoopAuditReport {
  checkedAt: string;
  closedSince?: string;
  ticketsChecked: number;
  eventsChecked: number;
  findings: LoopAuditFinding[];
  counts: Record<string, number>;
}

/** Exit codes of the command. */
export const EXIT_CLEAN = 0;
/** The audit ran and found broken loops. */
export const EXIT_FINDINGS = 1;
/** The audit could not run (bad arguments, service or peer unavailable, refused). */
export const EXIT_FAILED = 2;

/** 0 for a clean report, 1 when it has findings. */
export function exitCodeOf(report: LoopAuditReport): number {
  return report.findings.length === 0 ? EXIT_CLEAN : EXIT_FINDINGS;
}

/** The report as text: one table per kind of finding, or a single line when the loop is clean. */
export function formatLoopAuditReport(report: LoopAuditReport): string {
  const checked = `${report.ticketsChecked} tickets and ${report.eventsChecked} events checked`;
  if (report.findings.length === 0) return `loop audit: clean, ${checked}`;
  const kinds = [...new Set(report.findings.map((finding) => finding.kind))];
  const sections = kinds.map((kind) => {
    const rows = report.findings
      .filter((finding) => finding.kind === kind)
      .map((finding) => [finding.ticketNumber, finding.ticketId, finding.detail]);
    return [`${kind} (${rows.length})`, ...table(['ticket', 'id', 'detail'], rows)].join('\n');
  });
  const total = report.findings.length;
  return [
    ...sections,
    `loop audit: ${total} finding${total === 1 ? '' : 's'}, ${checked} at ${report.checkedAt}`,
  ].join('\n\n');
}

// Left-aligned columns two spaces apart, indented under the section title; the last column is not padded.
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells: string[]) =>
    `  ${cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ')}`;
  return [line(header), ...rows.map(line)];
}

/** The text of a failed audit: the problem's detail when the service gave one. */
export function describeAuditFailure(status: number, body: string): string {
  try {
    const problem = JSON.parse(body) as { detail?: unknown; title?: unknown };
    const text = typeof problem.detail === 'string' ? problem.detail : problem.title;
    if (typeof text === 'string') return `loop audit failed (${status}): ${text}`;
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return `loop audit failed (${status})${body.trim() ? `: ${body.trim().slice(0, 300)}` : ''}`;
}
