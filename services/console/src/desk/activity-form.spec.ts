import { describe, expect, it } from 'vitest';
import { newActivityForm, publishRequest } from './activity-form';

describe('the organiser’s form for a new activity', () => {
  const form = {
    ...newActivityForm(new Date('2026-12-07T20:00:00Z')),
    title: ' 敬老院陪伴 ',
    place: '幸福里敬老院',
  };

  it('starts tomorrow in Beijing, nine to eleven', () => {
    expect(newActivityForm(new Date('2026-12-07T20:00:00Z'))).toMatchObject({
      startsAt: '2026-12-09T09:00',
      endsAt: '2026-12-09T11:00',
    });
  });

  it('sends Beijing wall-clock times with their offset, and the category as the skill asked for', () => {
    expect(publishRequest(form, 'c-1')).toEqual({
      body: {
        title: '敬老院陪伴',
        place: '幸福里敬老院',
        communityId: 'c-1',
        categoryCode: 'elderly_care',
        skills: ['elderly_care'],
        startsAt: '2026-12-09T09:00:00+08:00',
        endsAt: '2026-12-09T11:00:00+08:00',
        capacity: 10,
      },
    });
  });

  it('names what is missing or wrong instead of sending it', () => {
    expect(publishRequest({ ...form, title: ' ' }, 'c-1')).toEqual({ problem: 'desk.activities.needTitle' });
    expect(publishRequest({ ...form, place: '' }, 'c-1')).toEqual({ problem: 'desk.activities.needPlace' });
    expect(publishRequest({ ...form, endsAt: form.startsAt }, 'c-1')).toEqual({
      problem: 'desk.activities.endsBeforeStart',
    });
    expect(publishRequest({ ...form, startsAt: 'tomorrow' }, 'c-1')).toEqual({
      problem: 'desk.activities.needTimes',
    });
  });
});
