import { describe, expect, it } from 'vitest';
import {
  departmentChoices,
  maxDepartments,
  maxReasonLength,
  reasonText,
  summonRequest,
} from './summons-form';

const department = (n: number) => `8e4cfb46-e759-5c75-aec8-${String(n).padStart(12, '0')}`;

describe('summoning departments to a ticket at the desk', () => {
  it('sends the chosen departments once each with the reason trimmed', () => {
    expect(summonRequest([department(1), ` ${department(2)} `, department(1)], ' 主干管道堵塞 ')).toEqual({
      body: { departmentIds: [department(1), department(2)], reason: '主干管道堵塞' },
    });
  });

  it('asks for at least one department', () => {
    expect(summonRequest([], '主干管道堵塞')).toEqual({ problem: 'desk.summons.needDepartments' });
  });

  it('refuses more departments than one summons may call', () => {
    const ids = Array.from({ length: maxDepartments + 1 }, (_, n) => department(n));
    expect(summonRequest(ids, '主干管道堵塞')).toEqual({ problem: 'desk.summons.tooManyDepartments' });
  });

  it('asks why the departments are needed', () => {
    expect(summonRequest([department(1)], '  ')).toEqual({ problem: 'desk.summons.needReason' });
  });
});

describe('the departments the desk picks from', () => {
  it('are offered by name in pinyin order, with their office hours', () => {
    const listed = [
      {
        id: department(1),
        code: 'd-1',
        name: '住建所',
        opensAt: '09:00',
        closesAt: '17:00',
        weekendsAllDay: false,
      },
      {
        id: department(2),
        code: 'd-2',
        name: '城管执法队',
        opensAt: '08:30',
        closesAt: '17:30',
        weekendsAllDay: true,
      },
    ];
    expect(departmentChoices(listed)).toEqual([
      { id: department(2), name: '城管执法队', hours: '08:30–17:30', weekdaysOnly: false },
      { id: department(1), name: '住建所', hours: '09:00–17:00', weekdaysOnly: true },
    ]);
  });
});

describe('the reason for releasing a department', () => {
  it('is sent trimmed', () => {
    expect(reasonText(' 经现场核实无需住建处置 ')).toEqual({ text: '经现场核实无需住建处置' });
  });

  it('may not be longer than the dispatch service takes', () => {
    expect(reasonText('因'.repeat(maxReasonLength + 1))).toEqual({ problem: 'desk.summons.reasonTooLong' });
  });
});
