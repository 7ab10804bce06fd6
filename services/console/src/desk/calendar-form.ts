// The service calendar as the settings form edits it: the service's answer becomes the form, and the
// form becomes the request body — the community's own closures typed one date a line.
import type { DispatchSchemas } from '../api/clients';

/** The calendar the dispatch service answers. */
export type ServiceCalendar = DispatchSchemas['schemas']['ServiceCalendarResponse'];
/** The calendar it takes. */
export type ServiceCalendarRequest = DispatchSchemas['schemas']['ServiceCalendarRequest'];

/** The form's fields: the calendar with its closures as text. */
export type CalendarForm = Omit<ServiceCalendar, 'holidays'> & { holidaysText: string };

/** The form for a calendar. */
export function calendarForm(calendar: ServiceCalendar): CalendarForm {
  const { holidays, ...rest } = calendar;
  return { ...rest, holidaysText: holidays.join('\n') };
}

/** The request body for a form: closures one per line or separated by commas, blanks dropped, sorted, once each. */
export function calendarRequest(form: CalendarForm): ServiceCalendarRequest {
  const { holidaysText, ...rest } = form;
  const holidays = [
    ...new Set(
      holidaysText
        .split(/[\s,，]+/)
        .map((day) => day.trim())
        .filter(Boolean),
    ),
  ].sort();
  return { ...rest, holidays };
}
