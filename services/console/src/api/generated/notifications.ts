// Generated from docs/openapi/notifications.json by tools/openapi/generate.ts — do not edit by hand.
// Regenerate: npm run openapi:generate; check: npm run openapi:check
export interface paths {
  '/audit/event-notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Per event: whether notifications handled it, and the notifications (inbox entries) it caused (admin) */
    post: operations['loopAuditEventNotifications'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Deliveries of one status across all recipients (admin; default failed) */
    get: operations['deliveriesByStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My deliveries and their attempt log */
    get: operations['deliveriesMine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List my notifications (cursor pagination, newest first) */
    get: operations['inboxList'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark all my notifications read */
    post: operations['inboxMarkAllRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/notifications/unread-count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Count my unread notifications */
    get: operations['inboxUnreadCount'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark one of my notifications read */
    post: operations['inboxMarkRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read my notification preferences */
    get: operations['preferencesRead'];
    /** Replace my notification preferences */
    put: operations['preferencesReplace'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My notifications, live (text/event-stream)
     * @description Events `notification` (id = the notification’s sequence, data = the notification as in the inbox) and `heartbeat` every 25 s. After a reconnect, EventSource sends `Last-Event-ID` and the stream resends everything after it, then goes live — without gaps or duplicates, on any replica. Browsers pass the token as `?access_token=` because EventSource cannot set headers.
     */
    get: operations['streamStream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/webhook': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read my webhook */
    get: operations['preferencesReadWebhook'];
    /** Set my webhook (returns a new signing secret once) */
    put: operations['preferencesSetWebhook'];
    post?: never;
    /** Remove my webhook */
    delete: operations['preferencesDeleteWebhook'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    DeliveryAttemptDto: {
      /**
       * Format: date-time
       * @example 2026-03-01T02:05:02.000Z
       */
      attemptedAt: string;
      /** @example answered 503 */
      error: string | null;
      /**
       * @example failed
       * @enum {string}
       */
      outcome: 'delivered' | 'failed';
    };
    DeliveryResponseDto: {
      attemptLog: components['schemas']['DeliveryAttemptDto'][];
      /** @example 6 */
      attempts: number;
      /**
       * @example webhook
       * @enum {string}
       */
      channel: 'inbox' | 'live_stream' | 'webhook' | 'sms';
      /**
       * Format: date-time
       * @example null
       */
      deliveredAt: string | null;
      /**
       * Format: uuid
       * @description The event that caused the notification.
       * @example 0195a1b3-9c3d-7e4f-8a5b-6c7d8e9f0a1b
       */
      eventId: string;
      /**
       * @description Held until the end of the recipient’s quiet hours.
       * @example false
       */
      heldByQuietHours: boolean;
      /**
       * Format: uuid
       * @example 0195a1b5-0c3d-7e4f-8a5b-6c7d8e9f0a1b
       */
      id: string;
      /**
       * @description Why the last attempt failed: the class of failure only (`answered 503`, `timed out after 5000 ms`, `connection failed (ECONNREFUSED)`, `target refused: …`), never what the receiver answered.
       * @example answered 503
       */
      lastError: string | null;
      /**
       * Format: date-time
       * @description When a pending delivery is tried next.
       * @example 2026-03-01T02:06:00.000Z
       */
      nextAttemptAt: string;
      /**
       * Format: uuid
       * @example 0195a1b4-2c3d-7e4f-8a5b-6c7d8e9f0a1b
       */
      notificationId: string;
      /** @example member-1 */
      recipientId: string;
      /**
       * @example failed
       * @enum {string}
       */
      status: 'pending' | 'delivered' | 'failed';
    };
    EventNotificationFactsDto: {
      /** Format: uuid */
      eventId: string;
      /**
       * @description True when notifications handled the event (its inbox holds it and it is not waiting for its ticket), even if it told nobody.
       * @example true
       */
      handled: boolean;
      /**
       * @description Inbox entries the event caused; 0 when none.
       * @example 2
       */
      notifications: number;
      /** @description Where the event is parked, when notifications dead-lettered it and has not handled it since. */
      parked?: components['schemas']['ParkedEventDto'];
    };
    EventNotificationFactsResponseDto: {
      events: components['schemas']['EventNotificationFactsDto'][];
    };
    FieldErrorDto: {
      /**
       * @description The constraint that failed
       * @example maxLength
       */
      code: string;
      /**
       * @description Dotted path of the field
       * @example address.building
       */
      field: string;
      /**
       * @description The message in the response’s language, without the field name
       * @example 长度不能超过 200 个字符
       */
      message: string;
    };
    InboxPageResponseDto: {
      items: components['schemas']['NotificationResponseDto'][];
      /**
       * @description Cursor of the next (older) page; null at the end.
       * @example 22
       */
      nextCursor: string | null;
    };
    LoopAuditFactsRequestDto: {
      /** @description Ticket ids (dispatch cases, ticket hours) or event ids (event notifications). */
      ids: string[];
    };
    MarkAllReadResponseDto: {
      /** @example 3 */
      marked: number;
    };
    NotificationResponseDto: {
      /** @example 社区向您派发任务 LC-20260301-0042：物业维修（紧急），地点：冶河社区 第二网格 幸福里 3号楼，请在 2026-03-01 10:35 前答复。打开任务可查看详情。 */
      body: string;
      /**
       * @description Type of the event the notification is about.
       * @example ticket.dispatched
       */
      causedByEventType: string;
      /**
       * Format: date-time
       * @example 2026-03-01T02:05:01.000Z
       */
      createdAt: string;
      /**
       * Format: uuid
       * @example 0195a1b4-2c3d-7e4f-8a5b-6c7d8e9f0a1b
       */
      id: string;
      /**
       * @example offer_received
       * @enum {string}
       */
      kind:
        | 'ticket_submitted'
        | 'ticket_dispatched'
        | 'ticket_accepted'
        | 'work_started'
        | 'work_completed'
        | 'ticket_escalated'
        | 'ticket_closed'
        | 'ticket_auto_confirmed'
        | 'ticket_merged'
        | 'ticket_unmerged'
        | 'duplicate_closed'
        | 'offer_received'
        | 'deadline_reminder'
        | 'supervision_reminder'
        | 'queue_reminder'
        | 'offer_expired'
        | 'offer_withdrawn'
        | 'ticket_cancelled'
        | 'offer_declined'
        | 'offer_expired_unaccepted'
        | 'work_handed_back'
        | 'escalation_raised'
        | 'low_rating'
        | 'ticket_reopened'
        | 'hours_credited'
        | 'hours_reversed'
        | 'activity_hours_credited'
        | 'activity_hours_reversed'
        | 'summons_received'
        | 'summons_overdue';
      /**
       * @example zh-CN
       * @enum {string}
       */
      language: 'zh-CN' | 'en';
      /**
       * @description The console path the notification opens: /tasks/{assignmentId}, /tickets/{ticketId} or /me/hours
       * @example /tasks/0195a1b3-1a2b-7c3d-9e4f-5a6b7c8d9e0f
       */
      link: string | null;
      /**
       * @description urgent ones ignore quiet hours.
       * @example normal
       * @enum {string}
       */
      priority: 'normal' | 'urgent';
      /**
       * Format: date-time
       * @example null
       */
      readAt: string | null;
      /**
       * @description Position in the recipient’s stream (1, 2, 3…); the live stream’s event id.
       * @example 42
       */
      sequence: number;
      /**
       * Format: uuid
       * @example 0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
       */
      ticketId: string | null;
      /** @example 新任务待接单 */
      title: string;
    };
    ParkedEventDto: {
      /** @example requests.ticket.v1.dlq */
      deadLetterTopic: string;
      /** Format: uuid */
      eventId: string | null;
      /** @example ticket.confirmed */
      eventType: string | null;
      /** @description The record key: the ticket id for loop events. */
      key: string | null;
      /**
       * @description Offset of the dead-letter record (decimal string).
       * @example 17
       */
      offset: string;
      /** Format: date-time */
      parkedAt: string;
      /** @example 0 */
      partition: number;
      /** @example handler_failed */
      reason: string;
    };
    PreferencesDto: {
      /**
       * @example zh-CN
       * @enum {string}
       */
      language: 'zh-CN' | 'en';
      /** @description Normal webhook and SMS messages wait until the end; urgent ones go through. null for none. */
      quietHours?: components['schemas']['QuietHoursDto'] | null;
      /**
       * @description Your own mobile number for SMS notifications (E.164 or 11-digit mainland number); null turns SMS off.
       * @example +8613800138000
       */
      smsNumber?: string | null;
    };
    ProblemResponseDto: {
      /**
       * @description Stable machine-readable code of domain, validation and authentication problems
       * @example validation-failed
       */
      code?: string;
      /**
       * @description The request’s correlation id, to quote when reporting the problem
       * @example 4f0c2a8e-7b1d-4c55-9d0e-2f1a3b4c5d6e
       */
      correlationId?: string;
      /**
       * @description What went wrong this time
       * @example 有 1 处内容未通过校验。
       */
      detail: string;
      /** @description Per-field messages when validation failed */
      errors?: components['schemas']['FieldErrorDto'][];
      /**
       * @description The request path
       * @example /tickets
       */
      instance: string;
      /**
       * @description The HTTP status code
       * @example 400
       */
      status: number;
      /**
       * @description Short summary of the kind of problem
       * @example 提交的内容有误
       */
      title: string;
      /**
       * @description URI of the kind of problem (urn:grassroots-loop:problem:<code>), or about:blank when the status says it all
       * @example urn:grassroots-loop:problem:validation-failed
       */
      type: string;
    };
    QuietHoursDto: {
      /**
       * @description End, HH:MM Asia/Shanghai; may be earlier than start (crosses midnight).
       * @example 07:00
       */
      end: string;
      /**
       * @description Start, HH:MM Asia/Shanghai.
       * @example 22:00
       */
      start: string;
    };
    UnreadCountResponseDto: {
      /** @example 3 */
      unread: number;
    };
    WebhookRequestDto: {
      /**
       * @description http(s) URL receiving signed POSTs (https preferred). Its host must resolve to public addresses only: loopback, private, link-local, CGNAT, multicast and cloud metadata addresses are refused (422), here and before every delivery. Redirects are not followed.
       * @example https://hooks.example.org/loop
       */
      url: string;
    };
    WebhookResponseDto: {
      /**
       * Format: date-time
       * @example 2026-03-01T02:00:00.000Z
       */
      createdAt: string;
      /**
       * Format: uuid
       * @example 0195a1b6-0c3d-7e4f-8a5b-6c7d8e9f0a1b
       */
      id: string;
      /**
       * @description HMAC-SHA256 key: x-loop-signature = "sha256=" + hex(HMAC(secret, x-loop-timestamp + "." + body)). Returned once.
       * @example whsec_6f1d…
       */
      secret?: string;
      /** @example https://hooks.example.org/loop */
      url: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  loopAuditEventNotifications: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoopAuditFactsRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventNotificationFactsResponseDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The token lacks the required role. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  deliveriesByStatus: {
    parameters: {
      query?: {
        status?: 'pending' | 'delivered' | 'failed';
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeliveryResponseDto'][];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The token lacks the required role. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  deliveriesMine: {
    parameters: {
      query?: {
        status?: 'pending' | 'delivered' | 'failed';
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeliveryResponseDto'][];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  inboxList: {
    parameters: {
      query?: {
        /** @description nextCursor of the previous page; omit for the newest page. */
        cursor?: string;
        /** @description Page size, 1–100. */
        limit?: number;
        /** @description Only unread notifications. */
        unreadOnly?: boolean;
      };
      header: {
        'accept-language': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InboxPageResponseDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  inboxMarkAllRead: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MarkAllReadResponseDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  inboxUnreadCount: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnreadCountResponseDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  inboxMarkRead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Marked read (or already read). */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Not found, or not the caller’s. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  preferencesRead: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PreferencesDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  preferencesReplace: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PreferencesDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PreferencesDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  streamStream: {
    parameters: {
      query?: {
        /** @description Same as Last-Event-ID, for clients that cannot set it. */
        lastEventId?: string;
        /** @description The bearer token, for EventSource. */
        access_token?: unknown;
      };
      header: {
        'last-event-id': string;
        'accept-language': string;
        /** @description Resume after this sequence. */
        'Last-Event-ID'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description text/event-stream */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example event: notification
           *     id: 42
           *     data: {"id":"…","sequence":42,"kind":"offer_received","title":"新任务待接单",…}
           */
          'text/event-stream': string;
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  preferencesReadWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookResponseDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Not found, or not the caller’s. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  preferencesSetWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookResponseDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Well-formed but refused by a rule, e.g. a webhook whose host is not a public address. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  preferencesDeleteWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Not found, or not the caller’s. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
}
