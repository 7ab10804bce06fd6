// Quiet hours are a daily window on the Asia/Shanghai clock (UTC+8, no daylight saving) during which
// normal notifications to push channels wait; urgent ones go through.

const shanghaiOffsetMs = 8 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

/** A daily window, e.g. 22:00–07:00 (crossing midnight) or 13:00–14:00, as minutes after midnight. */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

/** Parses `HH:MM` (00:00–23:59) into minutes after midnight, or null when malformed. */
export function parseClockTime(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Formats minutes after midnight as `HH:MM`. */
export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * When a normal notification may be pushed: `now` itself outside the quiet window, otherwise the end
 * of the window (the next time the Shanghai clock shows `endMinute`). An empty window never holds.
 */
export function releaseTimeAfterQuietHours(now: Date, quiet: QuietHours | null): Date {
  if (!quiet || quiet.startMinute === quiet.endMinute) return now;
  const local = now.getTime() + shanghaiOffsetMs;
  const minuteOfDay = Math.floor((local % dayMs) / 60_000);
  const { startMinute, endMinute } = quiet;
  const inside =
    startMinute < endMinute
      ? minuteOfDay >= startMinute && minuteOfDay < endMinute
      : minuteOfDay >= startMinute || minuteOfDay < endMinute;
  if (!inside) return now;
  const localMidnight = local - (local % dayMs);
  // The end is later today, unless the window crossed midnight and we are still before it.
  const endToday = localMidnight + endMinute * 60_000;
  const endLocal = endToday > local ? endToday : endToday + dayMs;
  return new Date(endLocal - shanghaiOffsetMs);
}
