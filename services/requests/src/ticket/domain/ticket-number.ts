// The human-readable ticket number: district code, year, and a sequence per district and year.

const shanghaiYear = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' });

/** The year a ticket is numbered in: the calendar year in Asia/Shanghai, where the district is. */
export function numberingYear(submittedAt: Date): number {
  return Number(shanghaiYear.format(submittedAt));
}

/** Formats a ticket number, e.g. `LC-2026-000123`; sequences beyond 999999 simply grow wider. */
export function formatTicketNumber(districtCode: string, year: number, sequence: number): string {
  return `${districtCode}-${year}-${String(sequence).padStart(6, '0')}`;
}
