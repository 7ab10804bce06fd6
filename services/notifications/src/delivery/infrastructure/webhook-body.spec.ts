import type { OutgoingMessage } from '../application/notification-channel';
import { webhookBody } from './webhook.channel';

describe('the webhook body', () => {
  it('carries the rendered text and ids only, never the template variables or preferences', () => {
    const message: OutgoingMessage = {
      deliveryId: 'd-1',
      notification: {
        id: 'n-1',
        recipient: { id: 'member-1', role: 'member' },
        sequence: 7,
        kind: 'offer_received',
        priority: 'normal',
        params: { ticketNumber: 'LC-1', secretish: 'do-not-send' },
        ticketId: 't-1',
        causedByEventId: 'e-1',
        causedByEventType: 'ticket.dispatched',
        createdAt: new Date('2026-03-01T02:00:00Z'),
        readAt: null,
      },
      language: 'zh-CN',
      text: { title: '新任务待接单', body: '…' },
      preference: { userId: 'member-1', language: 'zh-CN', quietHours: null, smsNumber: '+8613800138000' },
      webhook: null,
    };
    const body = JSON.parse(webhookBody(message));
    expect(Object.keys(body).sort()).toEqual(
      [
        'body',
        'createdAt',
        'deliveryId',
        'kind',
        'language',
        'notificationId',
        'priority',
        'sequence',
        'ticketId',
        'title',
      ].sort(),
    );
    expect(JSON.stringify(body)).not.toMatch(/do-not-send|8613800138000/);
  });
});
