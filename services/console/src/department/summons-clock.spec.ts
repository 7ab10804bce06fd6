import { describe, expect, it } from 'vitest';
import { arrivalClock, reportMaxLength, reportToSend } from './summons-clock';

const due = '2026-12-07T10:00:00Z';
const at = (iso: string) => Date.parse(iso);

describe('the arrival clock of a summoned department', () => {
  it('counts down to the arrival deadline while the department has not checked in', () => {
    const clock = arrivalClock(
      { status: 'issued', arriveDueAt: due, late: false },
      at('2026-12-07T09:20:30Z'),
    );
    expect(clock).toMatchObject({ counting: true, late: false });
    expect(clock.remaining).toMatchObject({ hours: 0, minutes: 39, seconds: 30 });
  });

  it('marks a department not there by the deadline as late, even before the service says so', () => {
    const clock = arrivalClock(
      { status: 'issued', arriveDueAt: due, late: false },
      at('2026-12-07T10:00:01Z'),
    );
    expect(clock).toMatchObject({ counting: false, late: true });
  });

  it('stops counting once the department has checked in', () => {
    const clock = arrivalClock(
      { status: 'checked_in', arriveDueAt: due, late: false },
      at('2026-12-07T11:00:00Z'),
    );
    expect(clock).toMatchObject({ counting: false, late: false });
  });

  it('keeps the late mark of a department that checked in after its deadline', () => {
    const clock = arrivalClock(
      { status: 'reported', arriveDueAt: due, late: true },
      at('2026-12-07T09:00:00Z'),
    );
    expect(clock).toMatchObject({ counting: false, late: true });
  });
});

describe('the report a department sends', () => {
  it('is sent trimmed', () => {
    expect(reportToSend('  已清理占道堆放物 ')).toBe('已清理占道堆放物');
  });

  it('is not sent while it says nothing', () => {
    expect(reportToSend('   ')).toBeUndefined();
  });

  it('is not sent when longer than the screen allows', () => {
    expect(reportToSend('处'.repeat(reportMaxLength))).toHaveLength(reportMaxLength);
    expect(reportToSend('处'.repeat(reportMaxLength + 1))).toBeUndefined();
  });
});
