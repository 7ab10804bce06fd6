import { notificationKinds } from './notification-kind';
import {
  formatShanghaiTime,
  MissingTemplateParameterError,
  notificationLanguageOf,
  renderNotification,
} from './templates';

const everyParam = {
  ticketNumber: 'LC-20260301-0042',
  category: 'property.repair',
  urgency: 'urgent',
  completionDueAt: '2026-03-01T10:00:00.000Z',
  offerExpiresAt: '2026-03-01T02:35:00.000Z',
  deadlineAt: '2026-03-01T02:35:00.000Z',
  deadlineName: 'accept',
  levelName: 2,
  escalationReason: 'completion_deadline',
  declineReason: 'busy',
  rating: 1,
  reopenCount: 2,
};

describe('notification templates', () => {
  it('renders an offer in Chinese with the category name, urgency and deadline in Beijing time', () => {
    const text = renderNotification('offer_received', everyParam, 'zh-CN');
    expect(text.title).toBe('新任务待接单');
    expect(text.body).toBe(
      '社区向您派发任务 LC-20260301-0042（物业维修，紧急），请在 2026-03-01 10:35 前接单。',
    );
  });

  it('renders the same offer in English', () => {
    const text = renderNotification('offer_received', everyParam, 'en');
    expect(text.title).toBe('New task offered');
    expect(text.body).toBe(
      'The community offered you task LC-20260301-0042 (Property repairs, urgent); please accept by 2026-03-01 10:35.',
    );
  });

  it('names escalation levels and reasons in words in both languages', () => {
    expect(renderNotification('escalation_raised', everyParam, 'zh-CN').body).toBe(
      '工单 LC-20260301-0042 因超时未办结提级至街道/乡镇包联领导，请督办。',
    );
    expect(renderNotification('escalation_raised', everyParam, 'en').title).toBe(
      'Ticket escalated (town/street official)',
    );
  });

  it.each(
    notificationKinds.flatMap(
      (kind) =>
        [
          [kind, 'zh-CN'],
          [kind, 'en'],
        ] as const,
    ),
  )('has a complete %s template in %s', (kind, language) => {
    const text = renderNotification(kind, everyParam, language);
    expect(text.title.length).toBeGreaterThan(0);
    expect(text.body).not.toMatch(/[{}]/);
  });

  it('defaults to Chinese', () => {
    expect(renderNotification('work_started', everyParam).body).toBe(
      '您的工单 LC-20260301-0042 已开始处理。',
    );
    expect(notificationLanguageOf(undefined)).toBe('zh-CN');
    expect(notificationLanguageOf('fr')).toBe('zh-CN');
    expect(notificationLanguageOf('en')).toBe('en');
  });

  it('refuses to render a template whose variable is missing', () => {
    expect(() => renderNotification('work_started', {}, 'en')).toThrow(MissingTemplateParameterError);
  });

  it('shows instants on the Asia/Shanghai clock across midnight', () => {
    expect(formatShanghaiTime('2026-12-31T16:30:00.000Z')).toBe('2027-01-01 00:30');
  });
});
