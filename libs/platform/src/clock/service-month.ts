// The district's service months, shared by every service that counts by month (hours, reports).
// Months are the district's months: a credit at 07:30 on the 1st in Shanghai belongs to the new month,
// although in UTC it is still the last day of the previous one. China keeps one offset all year.
const shanghaiOffsetMs = 8 * 60 * 60 * 1000;

/** The service month (`YYYY-MM`, Asia/Shanghai) an instant falls in. */
export function serviceMonthOf(instant: Date): string {
  return new Date(instant.getTime() + shanghaiOffsetMs).toISOString().slice(0, 7);
}

/** A UTC instant as residents read it: `YYYY-MM-DD HH:mm` in Asia/Shanghai. */
export function formatShanghaiTime(isoInstant: string): string {
  return new Date(new Date(isoInstant).getTime() + shanghaiOffsetMs)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}

/** The UTC bounds [start, end) of a service month `YYYY-MM` in Asia/Shanghai. */
export function serviceMonthBounds(month: string): { start: Date; end: Date } {
  const [year, monthNumber] = month.split('-').map(Number);
  const start = new Date(Date.UTC(year, monthNumber - 1, 1) - shanghaiOffsetMs);
  const end = new Date(Date.UTC(year, monthNumber, 1) - shanghaiOffsetMs);
  return { start, end };
}

/** SQL expression for the service month of a timestamptz column. */
export function serviceMonthSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
}

/** `YYYY-MM` with a real month. */
export const serviceMonthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
