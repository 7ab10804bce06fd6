// Generated from docs/openapi/dispatch.json by tools/openapi/generate.ts — do not edit by hand.
// Regenerate: npm run openapi:generate; check: npm run openapi:check
export interface paths {
  '/assignments/{assignmentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of my offers or assignments with its brief (404 when it is not mine) */
    get: operations['assigneeOne'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/assignments/{assignmentId}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept an offer (党员接单); the first acceptance wins */
    post: operations['assigneeAccept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/assignments/{assignmentId}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Report the work done, with the minutes spent and a note */
    post: operations['assigneeComplete'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/assignments/{assignmentId}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Decline an offer with a reason; the work goes to the next candidate */
    post: operations['assigneeDecline'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/assignments/{assignmentId}/hand-back': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hand accepted work back with a reason; it re-enters dispatch */
    post: operations['assigneeHandBack'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/assignments/{assignmentId}/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start work I accepted */
    post: operations['assigneeStart'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit/dispatch-cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Loop audit facts: status, owner, next deadline and completed work per ticket */
    post: operations['loopAuditDispatchCases'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/communities/{communityId}/dispatch-board': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The community’s dispatch board (社区派单), by view and grid */
    get: operations['dispatchDispatchBoard'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/directory/changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who changed the directory: created, updated and retired entries, newest first
     * @description Staff read their own community's changes (communityId required); the district admin reads any community's, or the whole district's without communityId.
     */
    get: operations['directoryChanges'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/directory/communities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Communities the caller manages (all of them for admins) */
    get: operations['directoryCommunities'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/directory/communities/{communityId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A community with its service calendar and grids */
    get: operations['directoryCommunity'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/directory/communities/{communityId}/calendar': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Replace the community's service calendar (hours, autumn/winter season, weekends, its own closures, public-holiday service) */
    put: operations['directorySetCalendar'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/directory/communities/{communityId}/dispatch-policy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Turn the community's auto-dispatch on or off */
    put: operations['directorySetDispatchPolicy'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/directory/communities/{communityId}/escalation-chain': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The community's escalation chain (三级包联): secretary, town/street official, county leader */
    get: operations['directoryEscalationChain'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/directory/communities/{communityId}/households': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A page of the community's households (addresses only) */
    get: operations['directoryHouseholds'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/directory/communities/{communityId}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The community's party members, active and retired, with private phones */
    get: operations['directoryMembers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/directory/communities/{communityId}/staff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The community's staff, secretaries and grid workers */
    get: operations['directoryStaff'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/directory/departments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The functional departments that can be summoned to a ticket (吹哨报到), by name
     * @description Every department of the district with its office hours; the same list for every caller.
     */
    get: operations['directoryDepartments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/directory/entries/{kind}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Create or update one directory entry (upsert by external id)
     * @description kind: streets, communities, grids, property-companies, compounds, buildings, households, residents, units, members, staff, officials. The body is one row as in a JSON import.
     */
    put: operations['directoryUpsert'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/directory/households/{householdId}/residents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The residents registered to a household (account ids) */
    get: operations['householdResidentsList'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/directory/households/{householdId}/residents/{residentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Register a resident to a household
     * @description Idempotent: registering a registered resident changes nothing. The change is logged with who made it.
     */
    put: operations['householdResidentsRegister'];
    post?: never;
    /**
     * Remove a resident from a household (moved out)
     * @description Idempotent. Tickets already filed stay with the resident.
     */
    delete: operations['householdResidentsRemove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/directory/imports/{kind}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Bulk import from CSV or JSON with a row-level error report
     * @description kind: streets, communities, grids, property-companies, compounds, buildings, households, residents, units, members, staff, officials. Valid rows are applied, invalid rows reported (row, field, message); each row is applied whole or not at all. Rows are upserts by external id, so re-importing a file changes nothing. CSV: header row with the JSON field names, lists separated by ";". JSON: `{ "rows": [...] }` and nothing else, up to 100 kB. No text may hold control characters (NUL and other C0 controls but tab, CR, LF).
     */
    post: operations['directoryImport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/directory/me/households': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The households I am registered to
     * @description Empty until the community registers the resident to their household (at the service desk or from the household register).
     */
    get: operations['myHouseholdsMine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/directory/members/{memberId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A party member, with private phone */
    get: operations['directoryMember'];
    put?: never;
    post?: never;
    /** Retire a party member: kept for history, no longer offered anything */
    delete: operations['directoryRetireMember'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/directory/officials': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Town/street officials and county leaders with their communities (admins) */
    get: operations['directoryOfficials'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/directory/property-companies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Property companies and the compounds they manage (admins) */
    get: operations['directoryPropertyCompanies'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/directory/public-holidays': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every year whose national schedule is loaded */
    get: operations['publicHolidaysList'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/directory/public-holidays/{year}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A year's public holidays (放假) and make-up working days (调休上班) */
    get: operations['publicHolidaysGet'];
    /**
     * Load (or replace) a year's national schedule, as the State Council published it
     * @description Dates must fall in the year, appear once, not be both a holiday and a working day, and working days must be Saturdays or Sundays. Deadlines computed from then on count it; deadlines already set stay.
     */
    put: operations['publicHolidaysLoad'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/directory/staff/{staffId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Retire a staff member, secretary or grid worker */
    delete: operations['directoryRetireStaff'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/dispatch-cases/{ticketId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A ticket’s dispatch case with every offer made and every department summoned */
    get: operations['dispatchDispatchCase'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/dispatch-cases/{ticketId}/dispatch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Offer a waiting ticket to a member or a property company */
    post: operations['dispatchDispatch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/dispatch-cases/{ticketId}/redispatch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw the live offer or assignment and offer the work to someone else */
    post: operations['dispatchRedispatch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/dispatch-cases/{ticketId}/suggestion': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Ranked candidates for a ticket, with their reasons */
    get: operations['dispatchSuggestion'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/escalations/mine': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open tickets escalated to my level in my communities */
    get: operations['escalationsMine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/offers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My offers, with the task’s category, urgency, place and deadlines */
    get: operations['assigneeMyOffers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/summons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My department’s open summonses (not reported, not released)
     * @description Each with the ticket’s number, category and place, so the department knows where to go.
     */
    get: operations['summonsMine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Work I accepted, with the task’s category, urgency, place and deadlines */
    get: operations['assigneeMyTasks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/household-coverage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Per community: households, households linked to a member (1+10), members */
    post: operations['reportHouseholdCoverage'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/summons/{summonsId}/check-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check in on site for my department (报到) */
    post: operations['summonsCheckIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/summons/{summonsId}/release': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Release a summoned department, with a reason */
    post: operations['summonsRelease'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/summons/{summonsId}/report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Report what my department did (after checking in) */
    post: operations['summonsReport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tickets/{ticketId}/summons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The departments summoned to a ticket and where each stands */
    get: operations['summonsOfTicket'];
    put?: never;
    /** Summon departments to a ticket (吹哨); each gets an arrival deadline */
    post: operations['summonsSummon'];
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
    ActorResponse: {
      /** @example staff-01 */
      id: string;
      /** @example staff */
      role: string;
    };
    AssigneeRequest: {
      /**
       * @description Account id of the member or property company.
       * @example member-0042
       */
      id: string;
      /**
       * @example member
       * @enum {string}
       */
      kind: 'member' | 'property_company';
    };
    AssigneeResponse: {
      /** @example member-0042 */
      id: string;
      /** @enum {string} */
      kind: 'member' | 'property_company';
    };
    AssignmentResponse: {
      /** Format: date-time */
      acceptedAt?: string | null;
      assignee: components['schemas']['AssigneeResponse'];
      /** @example 1 */
      attempt: number;
      /** Format: uuid */
      communityId: string;
      /** Format: date-time */
      completedAt?: string | null;
      /** Format: uuid */
      gridId: string;
      /** Format: uuid */
      id: string;
      minutesSpent?: number | null;
      /** @enum {string} */
      mode: 'manual' | 'auto';
      note?: string | null;
      offerExpiresAt: string;
      offeredAt: string;
      reasonCode?: string | null;
      reasonText?: string | null;
      /** Format: date-time */
      startedAt?: string | null;
      /** @enum {string} */
      status:
        | 'offered'
        | 'accepted'
        | 'declined'
        | 'expired'
        | 'withdrawn'
        | 'in_progress'
        | 'completed'
        | 'handed_back';
      /** Format: uuid */
      ticketId: string;
    };
    CandidateResponse: {
      /** @example member-0042 */
      memberId: string;
      reasons: components['schemas']['RankingReasonResponse'][];
      /** @example 1240 */
      score: number;
    };
    CommunityDetailResponse: {
      active: boolean;
      /** @description Offer submitted tickets to the top candidate without a staff decision. */
      autoDispatch: boolean;
      calendar: components['schemas']['ServiceCalendarResponse'];
      /** @example c-01 */
      code: string;
      /** @example 130111 */
      districtCode: string;
      grids: components['schemas']['GridResponse'][];
      /** Format: uuid */
      id: string;
      /** @example 裕翔社区 */
      name: string;
      /** Format: uuid */
      streetId: string;
    };
    CommunityResponse: {
      active: boolean;
      /** @description Offer submitted tickets to the top candidate without a staff decision. */
      autoDispatch: boolean;
      /** @example c-01 */
      code: string;
      /** @example 130111 */
      districtCode: string;
      /** Format: uuid */
      id: string;
      /** @example 裕翔社区 */
      name: string;
      /** Format: uuid */
      streetId: string;
    };
    CompleteWorkRequest: {
      /**
       * @description Minutes spent on the work.
       * @example 45
       */
      minutesSpent: number;
      /**
       * @description What was done; no names or phone numbers.
       * @example 已更换楼道灯泡
       */
      note?: string;
    };
    DeclineOfferRequest: {
      /**
       * @description Why the offer is declined.
       * @example busy
       * @enum {string}
       */
      reasonCode: 'busy' | 'not_nearby' | 'lacks_skill' | 'other';
      /**
       * @description Free text; no names or phone numbers.
       * @example 本周出差，无法上门
       */
      reasonText?: string;
    };
    DepartmentResponse: {
      /**
       * @description Closing time on a service day (Beijing time).
       * @example 17:30
       */
      closesAt: string;
      /** @example d-01 */
      code: string;
      /** Format: uuid */
      id: string;
      /** @example 城管执法队 */
      name: string;
      /**
       * @description Opening time on a service day (Beijing time).
       * @example 08:30
       */
      opensAt: string;
      /** @description Serves Saturdays and Sundays too; otherwise only weekdays and make-up working days (调休). */
      weekendsAllDay: boolean;
    };
    DepartmentSummonsResponse: {
      /**
       * Format: date-time
       * @description When the department must have checked in (报到).
       */
      arriveDueAt: string;
      /** Format: date-time */
      checkedInAt: string | null;
      /** @example ua-d-01 */
      checkedInBy: string | null;
      /** Format: uuid */
      communityId: string;
      /** Format: uuid */
      departmentId: string;
      /** @example 城管执法队 */
      departmentLabel: string;
      /** @example sec-01 */
      escalatedToId: string | null;
      /** @description 0 until the department is late; then 1 secretary, 2 town/street, 3 county. */
      escalationLevel: number;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      issuedAt: string;
      /** @example stf-01-1 */
      issuedById: string;
      /** @example staff */
      issuedByRole: string;
      /** @description Checked in after the arrival deadline, or still not there past it. */
      late: boolean;
      /** @example 小区主干管道堵塞，需城管与住建到场处置 */
      reason: string;
      releaseReason: string | null;
      /** Format: date-time */
      releasedAt: string | null;
      report: string | null;
      /** Format: date-time */
      reportedAt: string | null;
      /** @enum {string} */
      status: 'issued' | 'checked_in' | 'reported' | 'released';
      ticket: components['schemas']['SummonedTicketResponse'];
      /** Format: uuid */
      ticketId: string;
      /**
       * @description The ticket’s urgency, which set the arrival deadline.
       * @example urgent
       */
      urgency: string;
    };
    DirectoryChangeResponse: {
      /** @enum {string} */
      action: 'created' | 'updated' | 'retired';
      /** @example admin-1 */
      actorId: string;
      /**
       * @example admin
       * @enum {string}
       */
      actorRole: 'admin' | 'staff';
      /** Format: date-time */
      changedAt: string;
      communityIds: string[];
      correlationId?: string;
      /** @example sec-01 */
      entryId: string;
      /**
       * @description street, community, grid, property_company, compound, building, household, unit, member, staff or official
       * @example staff
       */
      entryKind: string;
      /**
       * @description Sequence number; higher is newer.
       * @example 42
       */
      id: string;
    };
    DispatchBoardResponse: {
      byGrid: components['schemas']['GridCountResponse'][];
      cases: components['schemas']['DispatchCaseResponse'][];
      /** Format: uuid */
      communityId: string;
      /** @enum {string} */
      view: 'unassigned' | 'offered' | 'in_hand' | 'overdue' | 'escalated' | 'open';
    };
    DispatchCaseDetailResponse: {
      /** @description When the ticket must be accepted (service-calendar time). */
      acceptDueAt: string;
      /** @description Who holds the live offer or assignment; null while nobody does. */
      assignee?: components['schemas']['AssigneeResponse'] | null;
      /** @description Offers made so far. */
      attempts: number;
      /** @example property.repair */
      categoryCode: string;
      /** Format: uuid */
      communityId: string;
      /** @description When the work must be completed (service-calendar time). */
      completeDueAt: string;
      /** Format: uuid */
      currentAssignmentId?: string | null;
      escalation?: components['schemas']['EscalationResponse'] | null;
      /** Format: uuid */
      gridId: string;
      /**
       * @description The deadline the ticket works against now; null once resolved, closed or cancelled.
       * @example {
       *       "at": "2025-03-01T04:00:00.000Z",
       *       "kind": "accept"
       *     }
       */
      nextDeadline?: components['schemas']['NextDeadlineResponse'] | null;
      offers: components['schemas']['AssignmentResponse'][];
      /** @description A deadline the ticket still works against has passed. */
      overdue: boolean;
      /** @description Declines and hand-backs (退单). */
      returns: number;
      /** @enum {string} */
      status:
        | 'awaiting_dispatch'
        | 'offered'
        | 'accepted'
        | 'in_progress'
        | 'resolved'
        | 'closed'
        | 'cancelled';
      submittedAt: string;
      /** @description Departments summoned to the ticket (吹哨报到), oldest first. */
      summonses: components['schemas']['SummonsResponse'][];
      /** Format: uuid */
      ticketId: string;
      /** @example LC-20250301-0042 */
      ticketNumber: string;
      /** @enum {string} */
      urgency: 'normal' | 'urgent' | 'emergency';
    };
    DispatchCaseFactsDto: {
      /** @example member */
      completedByKind: string | null;
      /** @description Of the latest completed assignment. */
      minutesSpent: number | null;
      /**
       * Format: date-time
       * @description Earliest pending offer expiry, accept or completion deadline, or supervision reminder (督办) past the top escalation level.
       */
      nextDeadlineAt: string | null;
      /** @description Summoned departments not yet reported or released; absent when there are none. */
      openSummonses?: components['schemas']['SummonsFactsDto'][];
      owner: components['schemas']['DispatchCaseOwnerDto'] | null;
      /** @enum {string} */
      status:
        | 'awaiting_dispatch'
        | 'offered'
        | 'accepted'
        | 'in_progress'
        | 'resolved'
        | 'closed'
        | 'cancelled';
      /** Format: uuid */
      ticketId: string;
    };
    DispatchCaseFactsResponseDto: {
      cases: components['schemas']['DispatchCaseFactsDto'][];
    };
    DispatchCaseOwnerDto: {
      /**
       * @description Member, company, community or official id.
       * @example member-0042
       */
      id: string;
      /** @enum {string} */
      kind: 'member' | 'property_company' | 'community' | 'secretary' | 'official';
    };
    DispatchCaseResponse: {
      /** @description When the ticket must be accepted (service-calendar time). */
      acceptDueAt: string;
      /** @description Who holds the live offer or assignment; null while nobody does. */
      assignee?: components['schemas']['AssigneeResponse'] | null;
      /** @description Offers made so far. */
      attempts: number;
      /** @example property.repair */
      categoryCode: string;
      /** Format: uuid */
      communityId: string;
      /** @description When the work must be completed (service-calendar time). */
      completeDueAt: string;
      /** Format: uuid */
      currentAssignmentId?: string | null;
      escalation?: components['schemas']['EscalationResponse'] | null;
      /** Format: uuid */
      gridId: string;
      /**
       * @description The deadline the ticket works against now; null once resolved, closed or cancelled.
       * @example {
       *       "at": "2025-03-01T04:00:00.000Z",
       *       "kind": "accept"
       *     }
       */
      nextDeadline?: components['schemas']['NextDeadlineResponse'] | null;
      /** @description A deadline the ticket still works against has passed. */
      overdue: boolean;
      /** @description Declines and hand-backs (退单). */
      returns: number;
      /** @enum {string} */
      status:
        | 'awaiting_dispatch'
        | 'offered'
        | 'accepted'
        | 'in_progress'
        | 'resolved'
        | 'closed'
        | 'cancelled';
      submittedAt: string;
      /** Format: uuid */
      ticketId: string;
      /** @example LC-20250301-0042 */
      ticketNumber: string;
      /** @enum {string} */
      urgency: 'normal' | 'urgent' | 'emergency';
    };
    DispatchPolicyRequest: {
      /**
       * @description Offer submitted tickets to the top candidate automatically.
       * @example true
       */
      autoDispatch: boolean;
    };
    DispatchTicketRequest: {
      assignee: components['schemas']['AssigneeRequest'];
    };
    EscalationLinkResponse: {
      /** @enum {number} */
      level: 1 | 2 | 3;
      /** @enum {string} */
      role: 'secretary' | 'official';
      /** @example sec-01 */
      userId: string;
    };
    EscalationResponse: {
      escalatedAt: string;
      /**
       * @example {
       *       "id": "secretary-01",
       *       "role": "secretary"
       *     }
       */
      escalatedTo: components['schemas']['ActorResponse'];
      /** @enum {number} */
      level: 1 | 2 | 3;
      /** @enum {string} */
      reason: 'accept_deadline' | 'completion_deadline' | 'no_candidates';
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
    GridCountResponse: {
      count: number;
      /** Format: uuid */
      gridId: string;
      status: string;
    };
    GridResponse: {
      active: boolean;
      /** @example g-01-02 */
      code: string;
      /** Format: uuid */
      communityId: string;
      /** Format: uuid */
      id: string;
      /** @example 裕翔社区第二网格 */
      name: string;
    };
    HandBackRequest: {
      /**
       * @description Why the work is handed back.
       * @example needs_other_skill
       * @enum {string}
       */
      reasonCode: 'cannot_complete' | 'needs_other_skill' | 'resident_unreachable' | 'other';
      /**
       * @description Free text; no names or phone numbers.
       * @example 需要持证电工处理
       */
      reasonText?: string;
    };
    HouseholdCoverageFactsDto: {
      /** Format: uuid */
      communityId: string;
      /** @example 864 */
      households: number;
      /**
       * @description Households linked to at least one active member
       * @example 812
       */
      householdsLinked: number;
      /**
       * @description Active members registered in the community
       * @example 87
       */
      members: number;
      /** @example 冶河社区 */
      name: string;
    };
    HouseholdCoverageRequestDto: {
      communityIds: string[];
    };
    HouseholdCoverageResponseDto: {
      communities: components['schemas']['HouseholdCoverageFactsDto'][];
    };
    HouseholdResidentsResponse: {
      /** Format: uuid */
      householdId: string;
      /**
       * @example [
       *       "resident-wang-xiuying"
       *     ]
       */
      residentIds: string[];
    };
    HouseholdResponse: {
      /** @example 幸福里 1号楼 1单元 101 */
      addressLabel: string;
      /** Format: uuid */
      buildingId?: string | null;
      /** @example cp-01-01-b01-1101 */
      code: string;
      /** Format: uuid */
      communityId: string;
      /** Format: uuid */
      compoundId: string;
      /** Format: uuid */
      gridId: string;
      /** Format: uuid */
      id: string;
    };
    ImportReportResponse: {
      /** @example 100 */
      created: number;
      errors: components['schemas']['ImportRowErrorResponse'][];
      /** @example members */
      kind: string;
      /** @example 2 */
      rejected: number;
      /** @example 120 */
      rows: number;
      /** @example 3 */
      unchanged: number;
      /** @example 15 */
      updated: number;
    };
    ImportRowErrorResponse: {
      /** @example rejected */
      code: string;
      /** @example gridCode */
      field: string;
      /** @example 找不到网格：g-99-01 */
      message: string;
      /**
       * @description Row number; the first data row is 1 (a CSV header is not counted).
       * @example 3
       */
      row: number;
    };
    LoopAuditFactsRequestDto: {
      /** @description Ticket ids (dispatch cases, ticket hours) or event ids (event notifications). */
      ids: string[];
    };
    MemberResponse: {
      active: boolean;
      /** Format: uuid */
      communityId: string;
      /** Format: uuid */
      gridId: string;
      /** @description Households looked after ("1+10"). */
      householdIds: string[];
      /** @example m-0001 */
      id: string;
      /** @example 王芳 */
      name: string;
      /**
       * @description Private; never published.
       * @example 13800000000
       */
      phone?: string | null;
      /**
       * @example [
       *       "repair",
       *       "elderly_care"
       *     ]
       */
      skills: string[];
      /** Format: uuid */
      unitId: string;
    };
    NextDeadlineResponse: {
      /**
       * Format: date-time
       * @example 2025-03-01T04:00:00.000Z
       */
      at: string;
      /**
       * @example accept
       * @enum {string}
       */
      kind: 'accept' | 'complete';
    };
    OfficialResponse: {
      active: boolean;
      communityIds: string[];
      /** @enum {number} */
      escalationLevel: 2 | 3;
      /** @example o2-01 */
      id: string;
      /** @example 孙主任 */
      name: string;
      phone?: string | null;
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
    PropertyCompanyReferenceResponse: {
      /** @example property-07 */
      id: string;
    };
    PropertyCompanyResponse: {
      active: boolean;
      /** @example pc-01 */
      code: string;
      compoundIds: string[];
      /** @example pc-01 */
      id: string;
      /** @example 栾城区安居物业服务有限公司 */
      name: string;
    };
    PublicHolidayScheduleRequest: {
      /**
       * @description Public holidays (放假 dates) of the year, YYYY-MM-DD.
       * @example [
       *       "2026-10-01",
       *       "2026-10-02"
       *     ]
       */
      holidays: string[];
      /**
       * @description Where the schedule comes from (title or document number of the notice).
       * @example 国务院办公厅关于2026年部分节假日安排的通知
       */
      source: string;
      /**
       * @description Make-up working days (调休上班 dates, Saturdays or Sundays) of the year, YYYY-MM-DD.
       * @example [
       *       "2026-09-20",
       *       "2026-10-10"
       *     ]
       */
      workdays: string[];
    };
    PublicHolidayScheduleResponse: {
      /**
       * @description Public holidays (放假).
       * @example [
       *       "2026-10-01"
       *     ]
       */
      holidays: string[];
      /** Format: date-time */
      loadedAt: string;
      /**
       * @description Account id of the admin who loaded it; "migration" for the schedule shipped with the service.
       * @example admin-1
       */
      loadedBy: string;
      /**
       * @description How many times the year was loaded.
       * @example 1
       */
      revision: number;
      /** @example 国务院办公厅关于2026年部分节假日安排的通知 */
      source: string;
      /**
       * @description Make-up working days (调休上班).
       * @example [
       *       "2026-10-10"
       *     ]
       */
      workdays: string[];
      /** @example 2026 */
      year: number;
    };
    RankingReasonResponse: {
      /** @example linked_household */
      code: string;
      /** @example Looks after this household (1+10) */
      en: string;
      /** @example 1000 */
      points: number;
      /** @example 该党员联系此户（1+10） */
      zh: string;
    };
    RedispatchTicketRequest: {
      assignee: components['schemas']['AssigneeRequest'];
      /**
       * Format: uuid
       * @description The live offer or assignment being replaced; a stale one gets 409 (someone acted first).
       */
      replacesAssignmentId: string;
    };
    ReleaseSummonsRequest: {
      /**
       * @description Why the department is no longer needed.
       * @example 经现场核实无需住建处置
       */
      reason: string;
    };
    ReportSummonsRequest: {
      /**
       * @description What the department did; no names or phone numbers.
       * @example 已疏通主干管道，清理占道堆放物
       */
      report: string;
    };
    ResidentHouseholdResponse: {
      /** @example 幸福里 1号楼 1单元 101 */
      addressLabel: string;
      /** Format: uuid */
      buildingId: string | null;
      /** @example 1号楼 */
      buildingName: string | null;
      /** @example cp-01-01-b01-1101 */
      code: string;
      /** Format: uuid */
      communityId: string;
      /** @example 和平社区 */
      communityName: string;
      /** Format: uuid */
      compoundId: string;
      /** @example 幸福里 */
      compoundName: string;
      /** Format: uuid */
      gridId: string;
      /** Format: uuid */
      householdId: string;
      /** Format: date-time */
      registeredAt: string;
    };
    ServiceCalendarRequest: {
      /** @example 20:00 */
      autumnWinterClosesAt: string;
      /** @example 10-01 */
      autumnWinterFrom: string;
      /** @example 03-31 */
      autumnWinterTo: string;
      /** @example 21:00 */
      extendedClosesAt: string;
      /**
       * @example [
       *       "2026-10-01",
       *       "2026-10-02"
       *     ]
       */
      holidays: string[];
      /** @example 08:30 */
      opensAt: string;
      /** @example 17:30 */
      ordinaryClosesAt: string;
      /**
       * @description Serve on national public holidays (法定节假日) too. Absent leaves the current setting as it is (false for a new community).
       * @example false
       */
      servesPublicHolidays?: boolean;
      /** @example 480 */
      utcOffsetMinutes: number;
      /**
       * @description Saturdays and Sundays are served from opening to the season's extended closing, like a weekday with extended hours. When false they are closed, except national make-up working days (调休上班).
       * @example true
       */
      weekendsAllDay: boolean;
    };
    ServiceCalendarResponse: {
      /** @example 20:00 */
      autumnWinterClosesAt: string;
      /** @example 10-01 */
      autumnWinterFrom: string;
      /** @example 03-31 */
      autumnWinterTo: string;
      /** @example 21:00 */
      extendedClosesAt: string;
      /**
       * @description The community's own closures.
       * @example [
       *       "2026-10-01"
       *     ]
       */
      holidays: string[];
      /** @example 08:30 */
      opensAt: string;
      /** @example 17:30 */
      ordinaryClosesAt: string;
      /** @description Also serves on national public holidays (法定节假日). */
      servesPublicHolidays: boolean;
      /** @example 480 */
      utcOffsetMinutes: number;
      /** @description Saturdays and Sundays are served from opening to the season's extended closing (like a weekday with extended hours); national make-up working days are served either way. */
      weekendsAllDay: boolean;
    };
    StaffResponse: {
      active: boolean;
      /** Format: uuid */
      communityId: string;
      gridIds: string[];
      /** @example stf-01-1 */
      id: string;
      /** @example 李静 */
      name: string;
      phone?: string | null;
      /** @enum {string} */
      role: 'staff' | 'secretary' | 'grid_worker';
    };
    SuggestionResponse: {
      candidates: components['schemas']['CandidateResponse'][];
      /**
       * @example {
       *       "id": "property-07"
       *     }
       */
      propertyCompany?: components['schemas']['PropertyCompanyReferenceResponse'] | null;
      /** Format: uuid */
      ticketId: string;
    };
    SummonDepartmentsRequest: {
      /** @description The departments (directory units of kind department) to summon, 1 to 10. */
      departmentIds: string[];
      /**
       * @description Why the departments are needed; no names or phone numbers.
       * @example 小区主干管道堵塞，需城管与住建到场处置
       */
      reason: string;
    };
    SummonedPlaceResponse: {
      /** @example 3号楼 */
      building: string | null;
      /** @example 冶河社区 */
      community: string | null;
      /** @example 幸福小区 */
      compound: string | null;
      /** @example 第二网格 */
      grid: string | null;
      /** @example 幸福小区3号楼2单元401 */
      household: string | null;
    };
    SummonedTicketResponse: {
      /** @example city.management */
      categoryCode: string;
      /**
       * @description The category’s zh-CN name from the shared catalogue; absent for a code it does not list.
       * @example 城市管理
       */
      categoryName?: string;
      /** @example LC-2026-000001 */
      number: string;
      /** @description The place by name; a part the ticket does not name is null. */
      place: components['schemas']['SummonedPlaceResponse'];
    };
    SummonsFactsDto: {
      /**
       * Format: date-time
       * @description When the department had to check in.
       */
      arriveDueAt: string;
      /** Format: uuid */
      departmentId: string;
      /** @description 0 until the late department was escalated; then 1, 2 or 3. */
      escalationLevel: number;
      /** @enum {string} */
      status: 'issued' | 'checked_in';
      /** Format: uuid */
      summonsId: string;
    };
    SummonsResponse: {
      /**
       * Format: date-time
       * @description When the department must have checked in (报到).
       */
      arriveDueAt: string;
      /** Format: date-time */
      checkedInAt: string | null;
      /** @example ua-d-01 */
      checkedInBy: string | null;
      /** Format: uuid */
      communityId: string;
      /** Format: uuid */
      departmentId: string;
      /** @example 城管执法队 */
      departmentLabel: string;
      /** @example sec-01 */
      escalatedToId: string | null;
      /** @description 0 until the department is late; then 1 secretary, 2 town/street, 3 county. */
      escalationLevel: number;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      issuedAt: string;
      /** @example stf-01-1 */
      issuedById: string;
      /** @example staff */
      issuedByRole: string;
      /** @description Checked in after the arrival deadline, or still not there past it. */
      late: boolean;
      /** @example 小区主干管道堵塞，需城管与住建到场处置 */
      reason: string;
      releaseReason: string | null;
      /** Format: date-time */
      releasedAt: string | null;
      report: string | null;
      /** Format: date-time */
      reportedAt: string | null;
      /** @enum {string} */
      status: 'issued' | 'checked_in' | 'reported' | 'released';
      /** Format: uuid */
      ticketId: string;
      /**
       * @description The ticket’s urgency, which set the arrival deadline.
       * @example urgent
       */
      urgency: string;
    };
    TaskBriefResponse: {
      /** @description When the ticket must be accepted */
      acceptDueAt: string;
      /** @example elderly.disabled.help */
      categoryCode: string;
      /** @description When the work must be completed */
      completeDueAt: string;
      /**
       * @description system for auto-dispatch
       * @example {
       *       "id": "staff-01",
       *       "role": "staff"
       *     }
       */
      dispatchedBy: components['schemas']['ActorResponse'];
      /** @example 0 */
      escalationLevel: number;
      place: components['schemas']['TaskPlaceResponse'];
      /** @example LC-2026-000001 */
      ticketNumber: string;
      /** @enum {string} */
      urgency: 'normal' | 'urgent' | 'emergency';
    };
    TaskPlaceResponse: {
      /** @example 3号楼 */
      building?: string | null;
      /** @example 冶河社区 */
      community?: string | null;
      /** @example 幸福小区 */
      compound?: string | null;
      /** @example 第二网格 */
      grid?: string | null;
      /** @example 幸福小区3号楼2单元401 */
      household?: string | null;
    };
    TaskResponse: {
      /** Format: date-time */
      acceptedAt?: string | null;
      assignee: components['schemas']['AssigneeResponse'];
      /** @example 1 */
      attempt: number;
      /** Format: uuid */
      communityId: string;
      /** Format: date-time */
      completedAt?: string | null;
      /** Format: uuid */
      gridId: string;
      /** Format: uuid */
      id: string;
      minutesSpent?: number | null;
      /** @enum {string} */
      mode: 'manual' | 'auto';
      note?: string | null;
      offerExpiresAt: string;
      offeredAt: string;
      reasonCode?: string | null;
      reasonText?: string | null;
      /** Format: date-time */
      startedAt?: string | null;
      /** @enum {string} */
      status:
        | 'offered'
        | 'accepted'
        | 'declined'
        | 'expired'
        | 'withdrawn'
        | 'in_progress'
        | 'completed'
        | 'handed_back';
      task: components['schemas']['TaskBriefResponse'];
      /** Format: uuid */
      ticketId: string;
    };
    UpsertResponse: {
      /** @example members */
      kind: string;
      /** @enum {string} */
      outcome: 'created' | 'updated' | 'unchanged';
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
  assigneeOne: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        assignmentId: string;
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
          'application/json': components['schemas']['TaskResponse'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No such assignment, or not yours */
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
  assigneeAccept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        assignmentId: string;
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
          'application/json': components['schemas']['AssignmentResponse'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The offer is not yours. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No such assignment. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The offer expired, was withdrawn or was already answered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  assigneeComplete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        assignmentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CompleteWorkRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssignmentResponse'];
        };
      };
      /** @description The body or query failed validation (`errors` names each field), or the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The assignment is not yours. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No such assignment. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The work is not in progress. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  assigneeDecline: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        assignmentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DeclineOfferRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssignmentResponse'];
        };
      };
      /** @description The body or query failed validation (`errors` names each field), or the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The offer is not yours. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No such assignment. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The offer was withdrawn or already answered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  assigneeHandBack: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        assignmentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['HandBackRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssignmentResponse'];
        };
      };
      /** @description The body or query failed validation (`errors` names each field), or the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The assignment is not yours. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No such assignment. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The work is neither accepted nor in progress. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  assigneeStart: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        assignmentId: string;
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
          'application/json': components['schemas']['AssignmentResponse'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The assignment is not yours. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No such assignment. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The assignment is not accepted (or was already started or ended). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  loopAuditDispatchCases: {
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
          'application/json': components['schemas']['DispatchCaseFactsResponseDto'];
        };
      };
      /** @description ids is empty, too long or holds a non-UUID (problem+json). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Only admins may audit the loop. */
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
  dispatchDispatchBoard: {
    parameters: {
      query?: {
        gridId?: unknown;
        view?: 'unassigned' | 'offered' | 'in_hand' | 'overdue' | 'escalated' | 'open';
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
          'application/json': components['schemas']['DispatchBoardResponse'];
        };
      };
      /** @description The body or query failed validation (`errors` names each field), or the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The ticket or community is outside the communities or escalation level you answer for. */
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
  directoryChanges: {
    parameters: {
      query?: {
        /** @description The community whose changes to list; required for staff, optional for the district admin. */
        communityId?: string;
        limit?: number;
        offset?: number;
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
          'application/json': components['schemas']['DirectoryChangeResponse'][];
        };
      };
      /** @description The body or query failed validation (`errors` names each field), or the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  directoryCommunities: {
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
          'application/json': components['schemas']['CommunityResponse'][];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  directoryCommunity: {
    parameters: {
      query?: never;
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
          'application/json': components['schemas']['CommunityDetailResponse'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  directorySetCalendar: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        communityId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ServiceCalendarRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceCalendarResponse'];
        };
      };
      /** @description The body or query failed validation (`errors` names each field), or the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  directorySetDispatchPolicy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        communityId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DispatchPolicyRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommunityResponse'];
        };
      };
      /** @description The body or query failed validation (`errors` names each field), or the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  directoryEscalationChain: {
    parameters: {
      query?: never;
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
          'application/json': components['schemas']['EscalationLinkResponse'][];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  directoryHouseholds: {
    parameters: {
      query?: {
        gridId?: string;
        limit?: number;
        offset?: number;
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
          'application/json': components['schemas']['HouseholdResponse'][];
        };
      };
      /** @description The body or query failed validation (`errors` names each field), or the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  directoryMembers: {
    parameters: {
      query?: {
        gridId?: unknown;
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
          'application/json': components['schemas']['MemberResponse'][];
        };
      };
      /** @description The body or query failed validation (`errors` names each field), or the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  directoryStaff: {
    parameters: {
      query?: never;
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
          'application/json': components['schemas']['StaffResponse'][];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  directoryDepartments: {
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
          'application/json': components['schemas']['DepartmentResponse'][];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  directoryUpsert: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UpsertResponse'];
        };
      };
      /** @description The body or query failed validation (`errors` names each field), or the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  householdResidentsList: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        householdId: string;
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
          'application/json': components['schemas']['HouseholdResidentsResponse'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  householdResidentsRegister: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        householdId: string;
        residentId: string;
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
          'application/json': components['schemas']['HouseholdResidentsResponse'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  householdResidentsRemove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        householdId: string;
        residentId: string;
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
          'application/json': components['schemas']['HouseholdResidentsResponse'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  directoryImport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          rows: Record<string, never>[];
        };
        'text/csv': {
          rows: Record<string, never>[];
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportReportResponse'];
        };
      };
      /** @description The body or query failed validation (`errors` names each field), or the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  myHouseholdsMine: {
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
          'application/json': components['schemas']['ResidentHouseholdResponse'][];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  directoryMember: {
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
          'application/json': components['schemas']['MemberResponse'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  directoryRetireMember: {
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
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  directoryOfficials: {
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
          'application/json': components['schemas']['OfficialResponse'][];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  directoryPropertyCompanies: {
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
          'application/json': components['schemas']['PropertyCompanyResponse'][];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  publicHolidaysList: {
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
          'application/json': components['schemas']['PublicHolidayScheduleResponse'][];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  publicHolidaysGet: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        year: number;
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
          'application/json': components['schemas']['PublicHolidayScheduleResponse'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The year was never loaded: it counts no national holidays. */
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
  publicHolidaysLoad: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PublicHolidayScheduleRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PublicHolidayScheduleResponse'];
        };
      };
      /** @description problem+json with errors [{ field, code, message }]. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Only district admins load schedules. */
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
  directoryRetireStaff: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        staffId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  dispatchDispatchCase: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        ticketId: string;
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
          'application/json': components['schemas']['DispatchCaseDetailResponse'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The ticket or community is outside the communities or escalation level you answer for. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No dispatch case for this ticket. */
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
  dispatchDispatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        ticketId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DispatchTicketRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssignmentResponse'];
        };
      };
      /** @description The body or query failed validation (`errors` names each field), or the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The ticket or community is outside the communities or escalation level you answer for. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No dispatch case for this ticket. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Someone dispatched the ticket first, or it is no longer open. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The assignee cannot take this ticket, already holds it, or is a property company for a category that allows none. */
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
  dispatchRedispatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        ticketId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RedispatchTicketRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssignmentResponse'];
        };
      };
      /** @description The body or query failed validation (`errors` names each field), or the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The ticket or community is outside the communities or escalation level you answer for. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No dispatch case for this ticket. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description There is nothing live to re-dispatch, or someone re-dispatched it first. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The assignee cannot take this ticket, already holds it, or is a property company for a category that allows none. */
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
  dispatchSuggestion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        ticketId: string;
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
          'application/json': components['schemas']['SuggestionResponse'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The ticket or community is outside the communities or escalation level you answer for. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No dispatch case for this ticket. */
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
  escalationsMine: {
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
          'application/json': components['schemas']['DispatchCaseResponse'][];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  assigneeMyOffers: {
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
          'application/json': components['schemas']['TaskResponse'][];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  summonsMine: {
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
          'application/json': components['schemas']['DepartmentSummonsResponse'][];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  assigneeMyTasks: {
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
          'application/json': components['schemas']['TaskResponse'][];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
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
  reportHouseholdCoverage: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['HouseholdCoverageRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HouseholdCoverageResponseDto'];
        };
      };
      /** @description The body or query failed validation (`errors` names each field), or the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description A community outside your scope */
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
  summonsCheckIn: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        summonsId: string;
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
          'application/json': components['schemas']['SummonsResponse'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The summons is addressed to another department. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No such summons. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Already checked in, reported or released. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  summonsRelease: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        summonsId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReleaseSummonsRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SummonsResponse'];
        };
      };
      /** @description The body or query failed validation (`errors` names each field), or the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The ticket is outside your community. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No such summons. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Already reported or released. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  summonsReport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        summonsId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReportSummonsRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SummonsResponse'];
        };
      };
      /** @description The body or query failed validation (`errors` names each field), or the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The summons is addressed to another department. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No such summons. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Not checked in yet, already reported or released. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  summonsOfTicket: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        ticketId: string;
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
          'application/json': components['schemas']['SummonsResponse'][];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The ticket is outside your community. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No dispatch case for this ticket. */
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
  summonsSummon: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        ticketId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SummonDepartmentsRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SummonsResponse'][];
        };
      };
      /** @description The body or query failed validation (`errors` names each field), or the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No bearer token, or one that is invalid or expired (WWW-Authenticate says which) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The ticket is outside your community. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description No dispatch case for this ticket. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The ticket is not open, or a department is already summoned. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description A unit is not a functional department. */
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
}
