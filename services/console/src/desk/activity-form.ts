// The organiser's form for a new volunteer activity, turned into the volunteer-hours request. Times are
// typed as Beijing wall-clock time (datetime-local) and sent with their +08:00 offset.
import type { VolunteerHoursSchemas } from '../api/clients';

/** The publish request the volunteer-hours service takes. */
export type PublishActivity = VolunteerHoursSchemas['schemas']['PublishActivityRequestDto'];

/** What the organiser types. */
export interface ActivityForm {
  title: string;
  place: string;
  description: string;
  categoryCode: string;
  /** `YYYY-MM-DDTHH:mm`, Beijing time. */
  startsAt: string;
  endsAt: string;
  capacity: number;
}

/** An empty form: an elderly-care activity tomorrow from 9 to 11 (Beijing time), ten places. */
export function newActivityForm(now: Date): ActivityForm {
  const tomorrow = new Date(now.getTime() + 8 * 3_600_000 + 24 * 3_600_000).toISOString().slice(0, 10);
  return {
    title: '',
    place: '',
    description: '',
    categoryCode: 'elderly_care',
    startsAt: `${tomorrow}T09:00`,
    endsAt: `${tomorrow}T11:00`,
    capacity: 10,
  };
}

const wallClock = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** The request for the form, or the message key of what is missing or wrong. */
export function publishRequest(
  form: ActivityForm,
  communityId: string,
): { body: PublishActivity } | { problem: string } {
  if (!form.title.trim()) return { problem: 'desk.activities.needTitle' };
  if (!form.place.trim()) return { problem: 'desk.activities.needPlace' };
  if (!wallClock.test(form.startsAt) || !wallClock.test(form.endsAt))
    return { problem: 'desk.activities.needTimes' };
  if (form.endsAt <= form.startsAt) return { problem: 'desk.activities.endsBeforeStart' };
  return {
    body: {
      title: form.title.trim(),
      place: form.place.trim(),
      ...(form.description.trim() ? { description: form.description.trim() } : {}),
      communityId,
      categoryCode: form.categoryCode,
      skills: [form.categoryCode],
      startsAt: `${form.startsAt}:00+08:00`,
      endsAt: `${form.endsAt}:00+08:00`,
      capacity: form.capacity,
    },
  };
}
