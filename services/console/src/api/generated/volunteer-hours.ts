// Generated from docs/openapi/volunteer-hours.json by tools/openapi/generate.ts — do not edit by hand.
// Regenerate: npm run openapi:generate; check: npm run openapi:check
export interface paths {
  '/activities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A community's activities, soonest first */
    get: operations['activityList'];
    put?: never;
    /** Publish an activity (community staff for their community, or a unit's admin for their unit) */
    post: operations['activityPublish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/activities/{activityId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One activity with its places */
    get: operations['activityGet'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/activities/{activityId}/sign-ups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Sign-ups: places, the waiting list in order, withdrawals (organiser) */
    get: operations['activityListSignUps'];
    put?: never;
    /** Sign up (a place while places are left, else the waiting list); 409 when already signed up */
    post: operations['activitySignUp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/activities/{activityId}/sign-ups/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Withdraw; the freed place goes to the member waiting longest */
    delete: operations['activityWithdraw'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/activities/{activityId}/sign-ups/me/check-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check myself in on site with the attendance code (from 30 minutes before the start to the end) */
    post: operations['activityCheckInOnSite'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/activities/{activityId}/sign-ups/me/check-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check myself out with the attendance code; the minutes attended inside the window are credited */
    post: operations['activityCheckOutOnSite'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/activities/{activityId}/sign-ups/{memberId}/check-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check a member with a place in (organiser) */
    post: operations['activityCheckIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/activities/{activityId}/sign-ups/{memberId}/check-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check a member out (organiser); the minutes, capped by the window, are credited to the ledger */
    post: operations['activityCheckOut'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit/ticket-hours': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Credits, reversals and net minutes the ledger holds per ticket (admin) */
    post: operations['loopAuditTicketHours'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/leaderboards/communities/{communityId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A community's monthly leaderboard (its staff, secretary, linked officials and members) */
    get: operations['leaderboardCommunity'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/leaderboards/rebuild': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rebuild every leaderboard from the ledger (admin) */
    post: operations['leaderboardRebuild'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/leaderboards/units/{unitId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A unit's monthly leaderboard (its admin and its members) */
    get: operations['leaderboardUnit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ledger/verification': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Recompute every hash chain in the ledger and report the first broken link (admin) */
    get: operations['ledgerVerifyAll'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/members/{memberId}/adjustments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Adjust a member's hours: a separate entry with the reason and the staff id (staff of the member's community) */
    post: operations['ledgerAdjust'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/members/{memberId}/ledger/verification': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Recompute a member's hash chain and report the first broken link */
    get: operations['ledgerVerifyMember'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/members/{memberId}/statement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A member's entries with their sources and running balance (the member, their community's staff, unit admin, linked officials) */
    get: operations['ledgerStatement'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/members/{memberId}/statement/csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A member's statement as CSV (same access as the statement) */
    get: operations['ledgerStatementCsv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/community-service': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Per community and month: active members, minutes served, activities held and attended */
    post: operations['reportCommunityService'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/totals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Totals by member, unit or community over a period, from the ledger (staff/officials: their communities; unit admin: their unit) */
    get: operations['ledgerTotals'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/totals/csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Totals as CSV (same access as totals) */
    get: operations['ledgerTotalsCsv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ActivityResponseDto: {
      /** @example b1bd7e0d-c29f-4a8d-8f00-ed3ec15a6f1b */
      activityId: string;
      /**
       * @description The attendance code (签到码) to show on site; only to those who organise the activity
       * @example 042137
       */
      attendanceCode?: string;
      /** @example 30 */
      capacity: number;
      /** @example elderly_care */
      categoryCode: string;
      /** @example 0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60 */
      communityId: string;
      /** @example 陪老人聊天、读报、包饺子 */
      description?: string | null;
      /** @example 2025-10-29T04:00:00.000Z */
      endsAt: string;
      /** @description The organising unit when a unit published it */
      organiserUnitId?: string | null;
      /** @example 栾城区幸福里社区敬老院 */
      place: string;
      /** @example 18 */
      placesLeft: number;
      /** @example 2025-10-20T02:00:00.000Z */
      publishedAt: string;
      /** @example staff-1 */
      publishedBy: string;
      /**
       * @description Places taken
       * @example 12
       */
      signedUp: number;
      /**
       * @example [
       *       "elderly_care"
       *     ]
       */
      skills: string[];
      /** @example 2025-10-29T01:00:00.000Z */
      startsAt: string;
      /** @example 重阳节敬老院陪伴 */
      title: string;
      /**
       * @description Members on the waiting list
       * @example 0
       */
      waitlisted: number;
    };
    AdjustHoursRequestDto: {
      /**
       * @description Signed minutes, -1440 to 1440, not 0
       * @example -30
       */
      minutes: number;
      /**
       * @description Why, at most 500 characters
       * @example 签退时间登记错误，按签到表更正
       */
      reason: string;
      source?: components['schemas']['AdjustmentSourceRequestDto'];
    };
    AdjustmentSourceRequestDto: {
      /** @example b1bd7e0d-c29f-4a8d-8f00-ed3ec15a6f1b */
      id: string;
      /**
       * @example activity
       * @enum {string}
       */
      kind: 'ticket' | 'activity';
    };
    AttendanceCodeRequestDto: {
      /**
       * @description The six-digit attendance code (签到码) shown on site
       * @example 042137
       */
      code: string;
    };
    BrokenLinkResponseDto: {
      /** @example 0195a1c0-2b3c-7d4e-8f5a-6b7c8d9e0f1a */
      entryId: string;
      /** @description What the chain expected here */
      expected: string;
      /** @description What the stored row holds */
      found: string;
      /** @example member-1 */
      memberId: string;
      /**
       * @example hash_mismatch
       * @enum {string}
       */
      reason: 'sequence_gap' | 'previous_hash_mismatch' | 'hash_mismatch';
      /** @example 2 */
      sequence: number;
    };
    CheckOutRequestDto: {
      /**
       * @description Minutes the organiser approves, 1–1440; never more than the window. Default: time attended inside the window
       * @example 150
       */
      minutes?: number;
    };
    CommunityServiceFactsDto: {
      /**
       * @description Members with credited time standing in the month
       * @example 38
       */
      activeMembers: number;
      /**
       * @description Volunteer activities that started in the month
       * @example 4
       */
      activitiesHeld: number;
      /**
       * @description Members checked out of those activities
       * @example 57
       */
      activityAttendances: number;
      /** Format: uuid */
      communityId: string;
      /**
       * @description Minutes credited less minutes reversed in the month
       * @example 5640
       */
      minutesServed: number;
    };
    CommunityServiceFactsRequestDto: {
      communityIds: string[];
      /**
       * @description Service month YYYY-MM (Asia/Shanghai)
       * @example 2026-11
       */
      month: string;
    };
    CommunityServiceFactsResponseDto: {
      communities: components['schemas']['CommunityServiceFactsDto'][];
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
    LeaderboardRebuildResponseDto: {
      /**
       * @description Boards written
       * @example 12
       */
      boards: number;
      /**
       * @description Member scores written
       * @example 340
       */
      members: number;
      /**
       * @description Boards removed because the ledger no longer supports them
       * @example 0
       */
      removedBoards: number;
    };
    LeaderboardResponseDto: {
      /** @example 2025-03 */
      month: string;
      rows: components['schemas']['LeaderboardRowResponseDto'][];
      /**
       * @example community
       * @enum {string}
       */
      scope: 'community' | 'unit';
      /** @example 0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60 */
      scopeId: string;
    };
    LeaderboardRowResponseDto: {
      /** @example member-1 */
      memberId: string;
      /** @example 360 */
      minutes: number;
      /** @example 1 */
      rank: number;
    };
    LedgerEntryResponseDto: {
      /**
       * @description Event that caused the entry
       * @example 0195a1bf-0a1b-7c2d-8e3f-4a5b6c7d8e9f
       */
      causedByEventId?: string | null;
      /** @example ticket.confirmed */
      causedByEventType?: string | null;
      /** @example 0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60 */
      communityId?: string | null;
      /** @example 0195a1c0-2b3c-7d4e-8f5a-6b7c8d9e0f1a */
      entryId: string;
      /**
       * @description sha256 over the previous hash and this entry
       * @example 9f2c…
       */
      hash: string;
      /**
       * @example credit
       * @enum {string}
       */
      kind: 'credit' | 'reversal' | 'adjustment';
      /** @example member-1 */
      memberId: string;
      /**
       * @description Signed minutes: credits positive, reversals negative
       * @example 40
       */
      minutes: number;
      /**
       * @description When the confirmation, check-out or adjustment happened
       * @example 2025-03-01T06:00:00.000Z
       */
      occurredAt: string;
      /** @example ticket_reopened */
      reason?: string | null;
      /** @example 2025-03-01T06:00:02.000Z */
      recordedAt: string;
      /** @description For a reversal: the credit it cancels */
      reversesEntryId?: string | null;
      /**
       * @description Position in the member's hash chain, from 1
       * @example 3
       */
      sequence: number;
      source?: components['schemas']['LedgerSourceResponseDto'] | null;
      /** @example 0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60 */
      unitId?: string | null;
      verifiedBy: components['schemas']['VerifierResponseDto'];
    };
    LedgerSourceResponseDto: {
      /** @example 0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b */
      id: string;
      /**
       * @example ticket
       * @enum {string}
       */
      kind: 'ticket' | 'activity';
    };
    LedgerVerificationResponseDto: {
      /** @example 12 */
      entriesChecked: number;
      firstBrokenLink?: components['schemas']['BrokenLinkResponseDto'] | null;
      /**
       * @description True when every checked entry verifies
       * @example true
       */
      intact: boolean;
      /** @example 1 */
      membersChecked: number;
    };
    LoopAuditFactsRequestDto: {
      /** @description Ticket ids (dispatch cases, ticket hours) or event ids (event notifications). */
      ids: string[];
    };
    MemberStatementResponseDto: {
      /**
       * @description closingMinutes in hours, two decimals
       * @example 2
       */
      closingHours: number;
      /**
       * @description Balance at the end of the period: opening plus the sum of the entries
       * @example 120
       */
      closingMinutes: number;
      /** @example 0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60 */
      communityId?: string | null;
      entries: components['schemas']['StatementLineResponseDto'][];
      /** @example member-1 */
      memberId: string;
      /**
       * @description Balance before the period
       * @example 0
       */
      openingMinutes: number;
      /** @example 7d2f0b8e-3c1a-4e5f-9b6d-2a8c4e6f1b3d */
      unitId?: string | null;
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
    PublishActivityRequestDto: {
      /**
       * @description Places, 1–10000; further sign-ups join the waiting list
       * @example 30
       */
      capacity: number;
      /**
       * @description Kind of activity (lower-case code)
       * @example elderly_care
       */
      categoryCode: string;
      /**
       * @description The community the activity serves
       * @example 0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60
       */
      communityId: string;
      /**
       * @description At most 2000 characters
       * @example 陪老人聊天、读报、包饺子
       */
      description?: string;
      /**
       * @description After startsAt; at most 24 hours later
       * @example 2025-10-29T12:00:00+08:00
       */
      endsAt: string;
      /**
       * @description Where, at most 200 characters
       * @example 栾城区幸福里社区敬老院
       */
      place: string;
      /**
       * @description Skills wanted, at most 20 codes
       * @example [
       *       "elderly_care",
       *       "first_aid"
       *     ]
       */
      skills: string[];
      /** @example 2025-10-29T09:00:00+08:00 */
      startsAt: string;
      /**
       * @description Title, at most 200 characters
       * @example 重阳节敬老院陪伴
       */
      title: string;
    };
    SignUpResponseDto: {
      /** @example b1bd7e0d-c29f-4a8d-8f00-ed3ec15a6f1b */
      activityId: string;
      /**
       * Format: date-time
       * @example 2025-10-29T01:02:00.000Z
       */
      checkedInAt?: string | null;
      /**
       * Format: date-time
       * @example 2025-10-29T03:58:00.000Z
       */
      checkedOutAt?: string | null;
      /**
       * @description Minutes credited on check-out (capped by the window)
       * @example 176
       */
      creditedMinutes?: number | null;
      /** @example member-1 */
      memberId: string;
      /**
       * @example signed_up
       * @enum {string}
       */
      status: 'signed_up' | 'waitlisted' | 'withdrawn';
      /**
       * @description 1-based place on the waiting list when waitlisted
       * @example null
       */
      waitlistPosition?: number | null;
    };
    StatementLineResponseDto: {
      /**
       * @description The member's balance in minutes after this entry
       * @example 120
       */
      balanceMinutes: number;
      /**
       * @description Event that caused the entry
       * @example 0195a1bf-0a1b-7c2d-8e3f-4a5b6c7d8e9f
       */
      causedByEventId?: string | null;
      /** @example ticket.confirmed */
      causedByEventType?: string | null;
      /** @example 0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60 */
      communityId?: string | null;
      /** @example 0195a1c0-2b3c-7d4e-8f5a-6b7c8d9e0f1a */
      entryId: string;
      /**
       * @description sha256 over the previous hash and this entry
       * @example 9f2c…
       */
      hash: string;
      /**
       * @example credit
       * @enum {string}
       */
      kind: 'credit' | 'reversal' | 'adjustment';
      /** @example member-1 */
      memberId: string;
      /**
       * @description Signed minutes: credits positive, reversals negative
       * @example 40
       */
      minutes: number;
      /**
       * @description When the confirmation, check-out or adjustment happened
       * @example 2025-03-01T06:00:00.000Z
       */
      occurredAt: string;
      /** @example ticket_reopened */
      reason?: string | null;
      /** @example 2025-03-01T06:00:02.000Z */
      recordedAt: string;
      /** @description For a reversal: the credit it cancels */
      reversesEntryId?: string | null;
      /**
       * @description Position in the member's hash chain, from 1
       * @example 3
       */
      sequence: number;
      source?: components['schemas']['LedgerSourceResponseDto'] | null;
      /** @example 0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60 */
      unitId?: string | null;
      verifiedBy: components['schemas']['VerifierResponseDto'];
    };
    TicketHoursFactsDto: {
      /**
       * @description Credit entries naming the ticket as source.
       * @example 1
       */
      credits: number;
      /**
       * @description Signed sum of the minutes of every entry naming the ticket (reversals negative).
       * @example 45
       */
      netMinutes: number;
      /** @description Events of the ticket the ledger parked on a dead-letter topic and has not handled since. */
      parked?: components['schemas']['ParkedEventDto'][];
      /**
       * @description Reversal entries naming the ticket as source.
       * @example 0
       */
      reversals: number;
      /**
       * @description Credits minus reversals: 1 when the ticket’s hours stand.
       * @example 1
       */
      standingCredits: number;
      /** Format: uuid */
      ticketId: string;
    };
    TicketHoursFactsResponseDto: {
      tickets: components['schemas']['TicketHoursFactsDto'][];
    };
    TotalsResponseDto: {
      /** @example member */
      groupBy: string;
      rows: components['schemas']['TotalsRowResponseDto'][];
      /**
       * @description Sum over all rows
       * @example 1830
       */
      totalMinutes: number;
    };
    TotalsRowResponseDto: {
      /**
       * @description Ledger entries counted
       * @example 12
       */
      entries: number;
      /** @example 30.5 */
      hours: number;
      /**
       * @description Member id, unit id or community id, by the grouping
       * @example member-1
       */
      key: string;
      /**
       * @description Distinct members counted
       * @example 1
       */
      members: number;
      /** @example 1830 */
      minutes: number;
    };
    VerifierResponseDto: {
      /** @example resident-1 */
      id: string;
      /**
       * @description resident (confirmed), system (auto-confirmed), staff, secretary or the organiser
       * @example resident
       */
      role: string;
    };
    WithdrawalResponseDto: {
      /**
       * @description The waiting member promoted to the freed place
       * @example member-7
       */
      promotedMemberId?: string | null;
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
  activityList: {
    parameters: {
      query: {
        communityId: string;
        /** @description Only activities that have not ended (default true) */
        upcoming?: boolean;
        /** @description 1–200 (default 50) */
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
          'application/json': components['schemas']['ActivityResponseDto'][];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  activityPublish: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PublishActivityRequestDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ActivityResponseDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Outside the caller’s roles or scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Breaks a business rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  activityGet: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        activityId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ActivityResponseDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No such member or activity (or not visible) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  activityListSignUps: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        activityId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignUpResponseDto'][];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Outside the caller’s roles or scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No such member or activity (or not visible) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  activitySignUp: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        activityId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignUpResponseDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Outside the caller’s roles or scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No such member or activity (or not visible) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  activityWithdraw: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        activityId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WithdrawalResponseDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Outside the caller’s roles or scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No such member or activity (or not visible) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  activityCheckInOnSite: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        activityId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AttendanceCodeRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignUpResponseDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Outside the caller’s roles or scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No such member or activity (or not visible) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Breaks a business rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Too many attempts in the rate-limit window; Retry-After says when to try again */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  activityCheckOutOnSite: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        activityId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AttendanceCodeRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignUpResponseDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Outside the caller’s roles or scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No such member or activity (or not visible) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Breaks a business rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Too many attempts in the rate-limit window; Retry-After says when to try again */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  activityCheckIn: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        activityId: string;
        memberId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignUpResponseDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Outside the caller’s roles or scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No such member or activity (or not visible) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  activityCheckOut: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        activityId: string;
        memberId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CheckOutRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignUpResponseDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Outside the caller’s roles or scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No such member or activity (or not visible) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  loopAuditTicketHours: {
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
          'application/json': components['schemas']['TicketHoursFactsResponseDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Outside the caller’s roles or scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  leaderboardCommunity: {
    parameters: {
      query?: {
        /** @description Service month (Asia/Shanghai), YYYY-MM; the current month by default */
        month?: string;
        /** @description How many places, 1–100 (default 10) */
        limit?: number;
      };
      header?: never;
      path: {
        communityId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeaderboardResponseDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Outside the caller’s roles or scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  leaderboardRebuild: {
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
          'application/json': components['schemas']['LeaderboardRebuildResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Outside the caller’s roles or scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  leaderboardUnit: {
    parameters: {
      query?: {
        /** @description Service month (Asia/Shanghai), YYYY-MM; the current month by default */
        month?: string;
        /** @description How many places, 1–100 (default 10) */
        limit?: number;
      };
      header?: never;
      path: {
        unitId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeaderboardResponseDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Outside the caller’s roles or scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  ledgerVerifyAll: {
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
          'application/json': components['schemas']['LedgerVerificationResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Outside the caller’s roles or scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  ledgerAdjust: {
    parameters: {
      query?: never;
      header?: {
        /** @description A UUID; a retry with the same key returns the first adjustment */
        'Idempotency-Key'?: string;
      };
      path: {
        memberId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AdjustHoursRequestDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LedgerEntryResponseDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Outside the caller’s roles or scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No such member or activity (or not visible) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Breaks a business rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  ledgerVerifyMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        memberId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LedgerVerificationResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Outside the caller’s roles or scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No such member or activity (or not visible) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  ledgerStatement: {
    parameters: {
      query?: {
        /** @description Entries that happened at or after this instant */
        from?: string;
        /** @description Entries that happened before this instant */
        to?: string;
      };
      header?: never;
      path: {
        memberId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberStatementResponseDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Outside the caller’s roles or scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No such member or activity (or not visible) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  ledgerStatementCsv: {
    parameters: {
      query?: {
        /** @description Entries that happened at or after this instant */
        from?: string;
        /** @description Entries that happened before this instant */
        to?: string;
      };
      header?: never;
      path: {
        memberId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A header line, then one line per ledger entry of the period */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Outside the caller’s roles or scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No such member or activity (or not visible) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  reportCommunityService: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommunityServiceFactsRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommunityServiceFactsResponseDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Outside the caller’s roles or scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  ledgerTotals: {
    parameters: {
      query: {
        /** @description Entries that happened at or after this instant */
        from?: string;
        /** @description Entries that happened before this instant */
        to?: string;
        groupBy: 'member' | 'unit' | 'community';
        /** @description Staff, secretaries and officials: one of their communities */
        communityId?: string;
        /** @description A unit admin: their unit */
        unitId?: string;
        /** @description A service month (Asia/Shanghai), YYYY-MM; used instead of from/to */
        month?: string;
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
          'application/json': components['schemas']['TotalsResponseDto'];
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Outside the caller’s roles or scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  ledgerTotalsCsv: {
    parameters: {
      query: {
        /** @description Entries that happened at or after this instant */
        from?: string;
        /** @description Entries that happened before this instant */
        to?: string;
        groupBy: 'member' | 'unit' | 'community';
        /** @description Staff, secretaries and officials: one of their communities */
        communityId?: string;
        /** @description A unit admin: their unit */
        unitId?: string;
        /** @description A service month (Asia/Shanghai), YYYY-MM; used instead of from/to */
        month?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A header line, then one line per group of groupBy */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Outside the caller’s roles or scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Unexpected failure (nothing about the cause is disclosed) */
      500: {
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
