import {
  summonsCheckedInV1,
  summonsIssuedV1,
  summonsOverdueV1,
  summonsReleasedV1,
  summonsReportedV1,
} from '@loop/contracts';
import { describeTimelineEntry } from './timeline-text';

// The timeline keeps an event's payload without its ticket id; the contract fixtures are such payloads.
function detailsOf(fixture: object): Record<string, unknown> {
  const { ticketId: _ticketId, ...details } = fixture as Record<string, unknown>;
  return details;
}

describe('what the timeline says about summoned departments (吹哨报到)', () => {
  it('names every department summoned in one act', () => {
    const details = detailsOf(summonsIssuedV1.fixture);
    expect(describeTimelineEntry('summons.issued', details, 'zh-CN')).toBe(
      '街道已召集 城管执法队、住建所 到场处置',
    );
    expect(describeTimelineEntry('summons.issued', details, 'en')).toBe(
      'The street summoned 城管执法队 and 住建所 to the site',
    );
  });

  it('says a department arrived, and whether it was late', () => {
    const details = detailsOf(summonsCheckedInV1.fixture);
    expect(describeTimelineEntry('summons.checked_in', details, 'zh-CN')).toBe('城管执法队 已到场');
    expect(describeTimelineEntry('summons.checked_in', { ...details, late: true }, 'zh-CN')).toBe(
      '城管执法队 已到场（超时）',
    );
  });

  it('quotes what a department did, and why one was released', () => {
    expect(describeTimelineEntry('summons.reported', detailsOf(summonsReportedV1.fixture), 'zh-CN')).toBe(
      '城管执法队 已处置：已疏通主干管道，清理占道堆放物',
    );
    expect(describeTimelineEntry('summons.released', detailsOf(summonsReleasedV1.fixture), 'zh-CN')).toBe(
      '社区已解除对 住建所 的召集（经现场核实无需住建处置）',
    );
  });

  it('says who a late department was escalated to', () => {
    const details = detailsOf(summonsOverdueV1.fixture);
    expect(describeTimelineEntry('summons.overdue', details, 'zh-CN')).toBe(
      '住建所 超时未到场，已督办至社区书记',
    );
    expect(describeTimelineEntry('summons.overdue', { ...details, level: 2 }, 'en')).toBe(
      '住建所 did not arrive in time; escalated to the town/street official',
    );
  });
});
