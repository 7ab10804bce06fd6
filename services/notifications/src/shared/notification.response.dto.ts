// One notification as its recipient reads it: the inbox's items and the live stream's events carry the
// same JSON, so the notification and live-stream slices both return this shape.
import { ApiProperty } from '@nestjs/swagger';
import {
  notificationKinds,
  NotificationKind,
  NotificationPriority,
} from '../notification/domain/notification-kind';
import type { StoredNotification } from '../notification/domain/notification';
import { notificationLink } from '../notification/domain/notification-link';
import { NotificationLanguage, renderNotification } from '../notification/domain/templates';

/** One notification as its recipient reads it, rendered in their language. */
export class NotificationResponseDto {
  @ApiProperty({ format: 'uuid', example: '0195a1b4-2c3d-7e4f-8a5b-6c7d8e9f0a1b' })
  id: string;

  @ApiProperty({
    description: 'Position in the recipient’s stream (1, 2, 3…); the live stream’s event id.',
    example: 42,
  })
  sequence: number;

  @ApiProperty({ enum: notificationKinds, example: 'offer_received' })
  kind: NotificationKind;

  @ApiProperty({
    enum: ['normal', 'urgent'],
    description: 'urgent ones ignore quiet hours.',
    example: 'normal',
  })
  priority: NotificationPriority;

  @ApiProperty({ enum: ['zh-CN', 'en'], example: 'zh-CN' })
  language: NotificationLanguage;

  @ApiProperty({ example: '新任务待接单' })
  title: string;

  @ApiProperty({
    example:
      '社区向您派发任务 LC-20260301-0042：物业维修（紧急），地点：冶河社区 第二网格 幸福里 3号楼，请在 2026-03-01 10:35 前答复。打开任务可查看详情。',
  })
  body: string;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    example: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
  })
  ticketId: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The console path the notification opens: /tasks/{assignmentId}, /tickets/{ticketId} or /me/hours',
    example: '/tasks/0195a1b3-1a2b-7c3d-9e4f-5a6b7c8d9e0f',
  })
  link: string | null;

  @ApiProperty({ description: 'Type of the event the notification is about.', example: 'ticket.dispatched' })
  causedByEventType: string;

  @ApiProperty({ format: 'date-time', example: '2026-03-01T02:05:01.000Z' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null })
  readAt: string | null;

  /** The notification rendered in `language`. */
  static from(notification: StoredNotification, language: NotificationLanguage): NotificationResponseDto {
    const text = renderNotification(notification.kind, notification.params, language);
    return {
      id: notification.id,
      sequence: notification.sequence,
      kind: notification.kind,
      priority: notification.priority,
      language,
      title: text.title,
      body: text.body,
      ticketId: notification.ticketId,
      link: notificationLink(notification),
      causedByEventType: notification.causedByEventType,
      createdAt: notification.createdAt.toISOString(),
      readAt: notification.readAt ? notification.readAt.toISOString() : null,
    };
  }
}
