import { describeTimelineEntry } from './timeline-text';

describe('what the timeline says', () => {
  it('tells each step in zh-CN and in English', () => {
    expect(
      describeTimelineEntry('assignment.accepted', { assignee: { kind: 'member', id: 'm' } }, 'zh-CN'),
    ).toBe('党员已接单');
    expect(
      describeTimelineEntry('assignment.accepted', { assignee: { kind: 'property_company', id: 'p' } }, 'en'),
    ).toBe('Accepted by the property company');
    expect(describeTimelineEntry('ticket.escalated', { level: 2 }, 'zh-CN')).toBe(
      '督办升级至街道/乡镇包联领导',
    );
    expect(describeTimelineEntry('ticket.confirmed', { auto: true, rating: null }, 'en')).toMatch(
      /automatically/,
    );
    expect(describeTimelineEntry('ticket.confirmed', { auto: false, rating: 5 }, 'zh-CN')).toBe(
      '群众确认办结，评分 5 星',
    );
    expect(
      describeTimelineEntry('ticket.confirmed', { auto: false, rating: 4, confirmedBy: 'callback' }, 'zh-CN'),
    ).toBe('社区回访群众确认办结，评分 4 星');
  });

  it('says a queued ticket waits for the community to dispatch it, and why when nobody was left', () => {
    expect(describeTimelineEntry('ticket.queued', { reason: 'submitted' }, 'zh-CN')).toBe('等待社区派单');
    expect(describeTimelineEntry('ticket.queued', { reason: 'reopened' }, 'en')).toBe(
      'Waiting for the community to dispatch',
    );
    expect(describeTimelineEntry('ticket.queued', { reason: 'returned' }, 'zh-CN')).toBe(
      '暂无其他可派人选，等待社区派单',
    );
  });

  it('falls back to the event type for an event it does not know', () => {
    expect(describeTimelineEntry('something.new', {}, 'en')).toBe('something.new');
  });
});
