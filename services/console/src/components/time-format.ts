// Times as people in the district read them: Beijing time, month-day hour:minute.
const formatter = (language: string) =>
  new Intl.DateTimeFormat(language, {
    timeZone: 'Asia/Shanghai',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });

/** `12/07 14:05` in Beijing time; empty for no time. */
export function beijingTime(iso: string | null | undefined, language: string): string {
  return iso ? formatter(language).format(new Date(iso)) : '';
}
