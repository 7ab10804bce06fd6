import { formatShanghaiTime } from '@loop/platform';
import { notificationKinds } from './notification-kind';
import { MissingTemplateParameterError, notificationLanguageOf, renderNotification } from './templates';

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
  minutes: 40,
  reversalReason: 'ticket_reopened',
  place: '冶河社区 第二网格 幸福里 3号楼',
  departmentLabel: '城管执法队',
  arriveDueAt: '2026-03-01T04:30:00.000Z',
  masterTicketNumber: 'LC-20260301-0041',
};

describe('notification templates', () => {
  it('renders an offer in Chinese with the category name, urgency and deadline in Beijing time', () => {
    const text = renderNotification('offer_received', everyParam, 'zh-CN');
    expect(text.title).toBe('新任务待接单');
    expect(text.body).toBe(
      '社区向您派发任务 LC-20260301-0042：物业维修（紧急），地点：冶河社区 第二网格 幸福里 3号楼，请在 2026-03-01 10:35 前答复。打开任务可查看详情。',
    );
  });

  it('renders an offer stored before it named the place with a dash instead of failing', () => {
    const { place: _place, ...stored } = everyParam;
    expect(renderNotification('offer_received', stored, 'zh-CN').body).toContain('地点：—');
  });

  it('tells the top of the chain to supervise, and staff that a ticket waits to be dispatched', () => {
    expect(renderNotification('supervision_reminder', everyParam, 'zh-CN').body).toBe(
      '工单 LC-20260301-0042 已升级至最高督办层级，仍未接单（时限 2026-03-01 10:35），请督促落实。',
    );
    expect(renderNotification('queue_reminder', everyParam, 'en').title).toBe(
      'Ticket waiting to be dispatched',
    );
  });

  it('renders the same offer in English', () => {
    const text = renderNotification('offer_received', everyParam, 'en');
    expect(text.title).toBe('New task offered');
    expect(text.body).toBe(
      'The community offered you task LC-20260301-0042: Property repairs (urgent) at 冶河社区 第二网格 幸福里 3号楼; please answer by 2026-03-01 10:35. Open the task for the details.',
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

  it('tells a member in Chinese how many minutes a ticket earned, and when they were taken back', () => {
    expect(renderNotification('hours_credited', everyParam, 'zh-CN')).toEqual({
      title: '服务时长已记入',
      body: '服务时长已记入：工单 LC-20260301-0042，40 分钟。感谢您的服务！',
    });
    expect(renderNotification('hours_reversed', everyParam, 'zh-CN')).toEqual({
      title: '服务时长已冲销',
      body: '工单 LC-20260301-0042 重新办理，原记入的 40 分钟已冲销。',
    });
    expect(
      renderNotification('hours_reversed', { ...everyParam, reversalReason: 'correction' }, 'zh-CN').body,
    ).toBe('工单 LC-20260301-0042 的服务时长经核对更正，原记入的 40 分钟已冲销。');
  });

  it('tells a member the same in English', () => {
    expect(renderNotification('hours_credited', everyParam, 'en')).toEqual({
      title: 'Service hours credited',
      body: '40 minutes of service for ticket LC-20260301-0042 were credited to you. Thank you!',
    });
    expect(renderNotification('hours_reversed', everyParam, 'en').body).toBe(
      'Ticket LC-20260301-0042 is being handled again; the 40 minutes credited for it were reversed.',
    );
    expect(
      renderNotification('hours_reversed', { ...everyParam, reversalReason: 'correction' }, 'en').body,
    ).toBe(
      'Ticket LC-20260301-0042 had its service hours corrected; the 40 minutes credited for it were reversed.',
    );
  });

  it('tells a member about a volunteer activity’s minutes in both languages', () => {
    expect(renderNotification('activity_hours_credited', { minutes: 90 }, 'zh-CN').body).toBe(
      '志愿活动服务时长已记入：90 分钟。感谢您的参与！',
    );
    expect(renderNotification('activity_hours_credited', { minutes: 90 }, 'en').body).toBe(
      '90 minutes of volunteer activity were credited to you. Thank you for taking part!',
    );
    expect(renderNotification('activity_hours_reversed', { minutes: 90 }, 'zh-CN').body).toBe(
      '志愿活动原记入的 90 分钟服务时长经核对已冲销。',
    );
    expect(renderNotification('activity_hours_reversed', { minutes: 90 }, 'en').body).toBe(
      'The 90 minutes credited to you for a volunteer activity were reversed after a review.',
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
