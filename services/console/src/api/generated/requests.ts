// Generated from docs/openapi/requests.json by tools/openapi/generate.ts — do not edit by hand.
// Regenerate: npm run openapi:generate; check: npm run openapi:check
export interface paths {
  '/attachments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload a photo for a ticket
     * @description The body is the image itself (JPEG, PNG or WebP, at most 1,000,000 bytes). The answer names it by the SHA-256 of its content; put that in the ticket’s attachments. Uploading the same photo again answers the same.
     */
    post: operations['attachmentsUpload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/attachments/{sha256}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A ticket’s photo
     * @description For its uploader, and for everyone who may see a ticket that carries it.
     */
    get: operations['attachmentsRead'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit/loop': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Loop audit: open tickets without an owner or a future deadline, closed tickets whose hours are missing or doubled, events notifications never handled */
    get: operations['loopAuditLoop'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/categories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The ticket categories (zh-CN names, or English with Accept-Language: en) */
    get: operations['categoriesList'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/communities/{communityId}/duplicate-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The community’s duplicate window and auto-merge switch */
    get: operations['duplicatesSettings'];
    /** Set the community’s duplicate window (1–720 h) and auto-merge switch */
    put: operations['duplicatesPutSettings'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/duplicate-proposals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open duplicate proposals in my communities, newest first */
    get: operations['duplicatesProposals'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The Open311 api_keys issued, newest first (never the keys themselves) */
    get: operations['apiKeysList'];
    put?: never;
    /** Issue an Open311 api_key for a client (shown once; only its hash is kept) */
    post: operations['apiKeysIssue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an Open311 api_key at once (revoking again keeps the first time) */
    delete: operations['apiKeysRevoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/requests.{format}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * GeoReport v2 GET service requests: the requests this client filed
     * @description service_request_id (comma list; overrides the rest), service_code, status (open, closed), start_date, end_date (w3 format; at most 90 days, the last 90 days by default); newest first, at most 1000.
     */
    get: operations['geoReportRequests'];
    put?: never;
    /**
     * GeoReport v2 POST service request: files a ticket
     * @description Form-encoded as the specification sends it (JSON also accepted): api_key, service_code, address_id (a household or compound id of the district directory; address_string and lat/long are kept as given), description (10–2000 characters), attribute[urgency], first_name/last_name/phone (kept as the ticket contact, never returned), email/device_id (checked, not kept), account_id (echoed), media_url. Answers [{ service_request_id, service_notice, account_id }].
     */
    post: operations['geoReportFile'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/requests/{id}.{format}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** GeoReport v2 GET service request: one request this client filed */
    get: operations['geoReportRequest'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/services.{format}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** GeoReport v2 service list: the active ticket categories (no api_key needed) */
    get: operations['geoReportServices'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/services/{code}.{format}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** GeoReport v2 service definition: the urgency attribute and how the place is given */
    get: operations['geoReportDefinition'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/tokens/{token}.{format}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** GeoReport v2 GET service_request_id from a token: the token is the ticket id */
    get: operations['geoReportToken'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/loop': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Loop report for a scope and period; JSON, or CSV with Accept: text/csv or ?format=csv */
    get: operations['reportsLoop'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/loop/breakdown': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Loop report totals with groups by community, grid, category and month; JSON, or CSV with Accept: text/csv or ?format=csv */
    get: operations['reportsBreakdown'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/monthly': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Monthly community report (联席会月报) per community and for the district; JSON, or printable zh-CN HTML with Accept: text/html or ?format=html */
    get: operations['reportsMonthly'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tickets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search tickets in my scope (community, linked communities, grid) */
    get: operations['ticketsSearch'];
    put?: never;
    /**
     * Submit a ticket (群众点单)
     * @description The same Idempotency-Key with the same body returns the same ticket (header Idempotent-Replayed: true); with a different body it is refused with 422.
     */
    post: operations['ticketsCreate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tickets/mine': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My tickets, newest first, with a status filter and cursor paging */
    get: operations['ticketsMine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tickets/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A ticket with its whole timeline (zh-CN, or English with Accept-Language: en) */
    get: operations['ticketsDetail'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tickets/{id}/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record the resident’s rating taken on a staff callback (回访); closes the resolved ticket
     * @description For tickets filed on a resident’s behalf (grid patrol, hotline, walk-in) or whose resident does not use the app. Counted apart from residents’ own ratings in the reports. Whoever filed the ticket may not record it (403).
     */
    post: operations['ticketsCallback'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tickets/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a ticket that is not yet resolved */
    post: operations['ticketsCancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tickets/{id}/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The resident confirms their resolved ticket with a rating 1–5 (closes it) */
    post: operations['ticketsConfirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tickets/{id}/contact-reads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Reads of the resident’s full contact by the ticket’s assignees, oldest first */
    get: operations['ticketsContactReads'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tickets/{id}/duplicates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A ticket’s master, merged duplicates and duplicate proposals */
    get: operations['duplicatesOfTicket'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tickets/{id}/keep-apart': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Keep two tickets apart (not the same problem); the next match, if any, is proposed instead */
    post: operations['duplicatesKeepApart'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tickets/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Merge this ticket, as a duplicate report, into an older open ticket (its master)
     * @description Both open and unresolved, of one community. Merging a pair merged already answers 200 and changes nothing. A master that is itself merged is refused (409 duplicate.master-is-merged): merge into its master.
     */
    post: operations['duplicatesMerge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tickets/{id}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reopen a resolved or closed ticket within REOPEN_WINDOW of its resolution */
    post: operations['ticketsReopen'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tickets/{id}/unmerge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Unmerge a merged duplicate: it returns to its own loop, dispatched from scratch */
    post: operations['duplicatesUnmerge'];
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
    ActorResponseDto: {
      /** @example member-77 */
      id: string;
      /** @example member */
      role: string;
    };
    ApiKeyResponseDto: {
      /**
       * @example hotline
       * @enum {string}
       */
      channel: 'hotline' | 'app';
      /** @example hotline-12345 */
      clientId: string;
      /** @example 12345 市民服务热线 */
      clientName: string;
      /**
       * @example [
       *       "0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60"
       *     ]
       */
      communityIds: string[];
      /** @example 2026-12-07T08:00:00.000Z */
      createdAt: string;
      /**
       * @description The admin who issued it
       * @example admin-1
       */
      createdBy: string;
      /** @example 0190f5c2-7b1e-7c3a-9d2e-3f4a5b6c7d8e */
      id: string;
      /**
       * @description The first 12 characters of the key, to tell keys apart
       * @example o311_k3Jd9xQ
       */
      keyPrefix: string;
      /** @example null */
      revokedAt: string | null;
    };
    AttachmentRequestDto: {
      /**
       * @description File name, at most 200 characters
       * @example stairwell-light.jpg
       */
      name: string;
      /**
       * @description SHA-256 of the content, hex
       * @example 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
       */
      sha256: string;
      /**
       * @description Size in bytes, at most 20 MB
       * @example 348211
       */
      size: number;
      /**
       * @description MIME type
       * @example image/jpeg
       */
      type: string;
    };
    AttachmentResponseDto: {
      /** @example light.jpg */
      name: string;
      /**
       * @description SHA-256 of the content, hex
       * @example 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
       */
      sha256: string;
      /**
       * @description Size in bytes
       * @example 348211
       */
      size: number;
      /**
       * @description MIME type
       * @example image/jpeg
       */
      type: string;
    };
    BreakdownGroupDto: {
      counts: components['schemas']['LoopCountsDto'];
      /**
       * @description Community or grid id, category code, or month YYYY-MM (Asia/Shanghai)
       * @example 2026-11
       */
      key: string;
      /** @example 2 */
      open: number;
      /** @example 0 */
      overdue: number;
      rates: components['schemas']['LoopRatesDto'];
    };
    BreakdownGroupsDto: {
      category: components['schemas']['BreakdownGroupDto'][];
      community: components['schemas']['BreakdownGroupDto'][];
      grid: components['schemas']['BreakdownGroupDto'][];
      /** @description In calendar order: the trend */
      month: components['schemas']['BreakdownGroupDto'][];
    };
    CallbackVerdictRequestDto: {
      /**
       * @description Comment, at most 500 characters (for a callback: what the resident said)
       * @example 修得很快，谢谢！
       */
      comment?: string;
      /** @example 5 */
      rating: number;
    };
    CancelTicketRequestDto: {
      /**
       * @example resolved_elsewhere
       * @enum {string}
       */
      reasonCode: 'withdrawn' | 'duplicate' | 'resolved_elsewhere' | 'filed_in_error' | 'other';
      /**
       * @description Explanation, at most 200 characters; no names or phone numbers
       * @example 物业已当天修好
       */
      reasonText?: string;
    };
    CategoryCountDto: {
      /** @example property.repair */
      code: string;
      /** @example 31 */
      count: number;
    };
    CategoryResponseDto: {
      /**
       * @description False for a retired category (old tickets only)
       * @example true
       */
      active: boolean;
      /** @example property.repair */
      code: string;
      /**
       * @description Name in the language asked for
       * @example 物业维修
       */
      name: string;
      /** @example Property repairs */
      nameEn: string;
      /** @example 物业维修 */
      nameZh: string;
    };
    CommunityMonthlyReportDto: {
      /** @example 0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60 */
      communityId: string;
      figures: components['schemas']['MonthlyFiguresDto'];
      /**
       * @description null when dispatch could not answer
       * @example 冶河社区
       */
      name?: string | null;
      /** @description At most 50; figures.overdue counts them all */
      overdue: components['schemas']['OverdueTicketDto'][];
    };
    ConfirmTicketRequestDto: {
      /**
       * @description Comment, at most 500 characters (for a callback: what the resident said)
       * @example 修得很快，谢谢！
       */
      comment?: string;
      /** @example 5 */
      rating: number;
    };
    ContactReadResponseDto: {
      /** Format: uuid */
      assignmentId?: string | null;
      /** @example 2026-03-01T02:12:00.000Z */
      readAt: string;
      /** @example member-77 */
      readerId: string;
      /**
       * @description member or property_company
       * @example member
       */
      readerRole: string;
    };
    CoverageFiguresDto: {
      /**
       * @description A fraction 0–1 rounded to 4 decimals; null when the denominator is 0
       * @example 0.9186
       */
      coverageRate?: number | null;
      /** @example 860 */
      households: number;
      /** @example 790 */
      householdsLinked: number;
      /** @example 79 */
      members: number;
    };
    CreateTicketRequestDto: {
      /** @description At most 10 attachments */
      attachments?: components['schemas']['AttachmentRequestDto'][];
      /**
       * @description Category code from GET /categories
       * @example property.repair
       * @enum {string}
       */
      categoryCode:
        | 'property.repair'
        | 'property.management'
        | 'environment.sanitation'
        | 'city.management'
        | 'neighbour.dispute'
        | 'elderly.disabled.help'
        | 'public.health'
        | 'safety.hazard'
        | 'public.sentiment'
        | 'other';
      contact?: components['schemas']['ResidentContactRequestDto'];
      /**
       * @description What is needed, 10–2000 characters
       * @example 3 号楼 2 单元 4 楼楼道灯坏了一周，晚上老人上下楼不方便。
       */
      description: string;
      location: components['schemas']['TicketLocationRequestDto'];
      /**
       * @description The resident served, when a grid worker or staff member files on their behalf; a resident's own id otherwise (may be omitted). Omit for a patrol finding with no resident.
       * @example resident-1024
       */
      residentId?: string;
      /**
       * @description Channel; residents use app (the default for them), grid workers default to grid_patrol, staff to walk_in
       * @example app
       * @enum {string}
       */
      source?: 'app' | 'grid_patrol' | 'hotline' | 'walk_in';
      /**
       * @description Short title, 4–60 characters
       * @example 楼道灯不亮
       */
      title: string;
      /**
       * @example normal
       * @enum {string}
       */
      urgency: 'normal' | 'urgent' | 'emergency';
    };
    DeciderResponseDto: {
      /** @example staff-0007 */
      id: string;
      /** @example staff */
      role: string;
    };
    DepartmentSummonsFiguresDto: {
      checkedIn: number;
      /** Format: uuid */
      departmentId: string;
      /** @example 城管执法队 */
      departmentLabel: string;
      /** @description On-time check-ins ÷ summonses that fell due (checked in, or past the deadline unreleased) */
      onTimeCheckInRate: number | null;
      onTimeCheckIns: number;
      summoned: number;
    };
    DuplicateProposalResponseDto: {
      /** Format: uuid */
      communityId: string;
      /** Format: date-time */
      decidedAt?: string | null;
      decidedBy?: components['schemas']['DeciderResponseDto'] | null;
      /** @example submitted */
      duplicateStatus: string;
      /** Format: uuid */
      duplicateTicketId: string;
      /** @example LC-2025-000124 */
      duplicateTicketNumber: string;
      /** @example 路灯不亮 */
      duplicateTitle: string;
      /**
       * @description The very same place and category within the window
       * @example true
       */
      exact: boolean;
      /** @example dispatched */
      masterStatus: string;
      /** Format: uuid */
      masterTicketId: string;
      /** @example LC-2025-000123 */
      masterTicketNumber: string;
      /** @example 3号楼门口路灯坏了 */
      masterTitle: string;
      /** Format: date-time */
      proposedAt: string;
      /** @example 同一盏路灯 */
      reason?: string | null;
      /**
       * @description Character-bigram Dice similarity of title and description, 0–1
       * @example 0.62
       */
      similarity: number;
      /**
       * @example open
       * @enum {string}
       */
      status: 'open' | 'merged' | 'kept_apart' | 'withdrawn';
    };
    DuplicateSettingsRequestDto: {
      /**
       * @description Merge exact matches at once, without staff: the very same place (compound, building and household), the same category, within the window
       * @example false
       */
      autoMerge: boolean;
      /**
       * @description How far back (hours) a new ticket is compared with earlier ones
       * @example 72
       */
      windowHours: number;
    };
    DuplicateSettingsResponseDto: {
      /** @example false */
      autoMerge: boolean;
      /** Format: uuid */
      communityId: string;
      /** Format: date-time */
      updatedAt?: string | null;
      /** @description Null while on the service defaults */
      updatedBy?: string | null;
      /** @example 72 */
      windowHours: number;
    };
    DurationFiguresDto: {
      /** @example 118 */
      count: number;
      /** @example 1820 */
      meanSeconds?: number | null;
      /** @example 5400 */
      p90Seconds?: number | null;
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
    IssueApiKeyRequestDto: {
      /**
       * @description The channel its filings come through: hotline (the 12345 platform) or app (a civic app)
       * @example hotline
       * @enum {string}
       */
      channel: 'hotline' | 'app';
      /**
       * @description The client the key belongs to, 2–40 of a–z 0–9 -; its filings are filed by open311:<clientId>, and a client reads back every request its keys filed
       * @example hotline-12345
       */
      clientId: string;
      /**
       * @description Name of the client, 1–100 characters
       * @example 12345 市民服务热线
       */
      clientName: string;
      /**
       * @description The communities (社区) the key may file in, 1–50 ids
       * @example [
       *       "0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60"
       *     ]
       */
      communityIds: string[];
    };
    IssuedApiKeyResponseDto: {
      /**
       * @description The api_key; shown once, only a hash of it is kept
       * @example o311_k3Jd9xQm2v8YbTqLw0ZsR1uNcE5pHfA7iGd4oXjK6yB
       */
      apiKey: string;
      /**
       * @example hotline
       * @enum {string}
       */
      channel: 'hotline' | 'app';
      /** @example hotline-12345 */
      clientId: string;
      /** @example 12345 市民服务热线 */
      clientName: string;
      /**
       * @example [
       *       "0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60"
       *     ]
       */
      communityIds: string[];
      /** @example 2026-12-07T08:00:00.000Z */
      createdAt: string;
      /**
       * @description The admin who issued it
       * @example admin-1
       */
      createdBy: string;
      /** @example 0190f5c2-7b1e-7c3a-9d2e-3f4a5b6c7d8e */
      id: string;
      /**
       * @description The first 12 characters of the key, to tell keys apart
       * @example o311_k3Jd9xQ
       */
      keyPrefix: string;
      /** @example null */
      revokedAt: string | null;
    };
    KeepApartRequestDto: {
      /**
       * Format: uuid
       * @example 0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
       */
      otherTicketId: string;
      /**
       * @description Why, at most 200 characters
       * @example 不同楼栋的两盏灯
       */
      reason?: string;
    };
    LinkedTicketResponseDto: {
      /** Format: uuid */
      ticketId: string;
      /** @example LC-2025-000123 */
      ticketNumber: string;
    };
    LoopAuditResponseDto: {
      /** @example 2026-04-01T08:00:00.000Z */
      checkedAt: string;
      /**
       * @description Closed and cancelled tickets since this instant were audited, with every open ticket
       * @example 2026-03-25T08:00:00.000Z
       */
      closedSince: string;
      /**
       * @description Findings per kind; every kind is present
       * @example {
       *       "closed-hours-doubled": 0,
       *       "closed-hours-missing": 1,
       *       "duplicate-open-after-master-closed": 0,
       *       "notification-missing": 0,
       *       "open-without-future-deadline": 0,
       *       "open-without-owner": 0,
       *       "summons-overdue-unescalated": 0
       *     }
       */
      counts: {
        [key: string]: number;
      };
      /**
       * @description Timeline events of a type the notifications service consumes
       * @example 2930
       */
      eventsChecked: number;
      findings: components['schemas']['LoopFindingDto'][];
      /** @example 412 */
      ticketsChecked: number;
    };
    LoopBreakdownResponseDto: {
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00.000Z
       */
      asOf: string;
      groups: components['schemas']['BreakdownGroupsDto'];
      period: components['schemas']['ReportPeriodDto'];
      scope: components['schemas']['ReportScopeDto'];
      /** @description The whole report of the scope and period */
      totals: components['schemas']['LoopReportResponseDto'];
    };
    LoopCountsDto: {
      /** @example 118 */
      accepted: number;
      /** @example 2 */
      cancelled: number;
      /** @example 2 */
      cancelledBeforeAcceptance: number;
      /** @example 110 */
      closed: number;
      /** @example 115 */
      completed: number;
      /**
       * @description Duplicate reports merged into another ticket of the same problem
       * @example 6
       */
      duplicatesMerged: number;
      /**
       * @description Tickets escalated at least once (督办)
       * @example 4
       */
      escalated: number;
      /**
       * @description Closed tickets the resident rated in the app
       * @example 80
       */
      ratedByResidents: number;
      /**
       * @description Closed tickets rated on a staff callback (回访)
       * @example 12
       */
      ratedOnCallback: number;
      /** @example 3 */
      reopened: number;
      /**
       * @description Every ticket filed, duplicate reports included; `submitted` and every rate count problems only (ADR 0016)
       * @example 126
       */
      reportsReceived: number;
      /**
       * @description 退单: declines and hand-backs
       * @example 9
       */
      returns: number;
      /** @example 120 */
      submitted: number;
    };
    LoopFindingDto: {
      /** @example closed, completed by a member in 45 min; the ledger holds 0 standing credits, 1 due */
      detail: string;
      /**
       * @example closed-hours-missing
       * @enum {string}
       */
      kind:
        | 'open-without-owner'
        | 'open-without-future-deadline'
        | 'closed-hours-missing'
        | 'closed-hours-doubled'
        | 'notification-missing'
        | 'summons-overdue-unescalated'
        | 'duplicate-open-after-master-closed';
      /** @example 0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b */
      ticketId: string;
      /** @example LC-2026-000123 */
      ticketNumber: string;
    };
    LoopRatesDto: {
      /**
       * @description A fraction 0–1 rounded to 4 decimals; null when the denominator is 0
       * @example 1
       */
      acceptanceRate?: number | null;
      /**
       * @description The same among ratings taken on a staff callback, kept apart
       * @example 1
       */
      callbackSatisfactionRate?: number | null;
      /**
       * @description A fraction 0–1 rounded to 4 decimals; null when the denominator is 0
       * @example 0.9746
       */
      completionRate?: number | null;
      /**
       * @description A fraction 0–1 rounded to 4 decimals; null when the denominator is 0
       * @example 0.9576
       */
      onTimeAcceptanceRate?: number | null;
      /**
       * @description A fraction 0–1 rounded to 4 decimals; null when the denominator is 0
       * @example 0.9391
       */
      onTimeCompletionRate?: number | null;
      /**
       * @description A fraction 0–1 rounded to 4 decimals; null when the denominator is 0
       * @example 0.0261
       */
      reopenRate?: number | null;
      /**
       * @description A fraction 0–1 rounded to 4 decimals; null when the denominator is 0
       * @example 0.075
       */
      returnsPerTicket?: number | null;
      /**
       * @description 满意率: residents’ own ratings of 4 or 5 among their ratings; null when there are none
       * @example 0.9636
       */
      satisfactionRate?: number | null;
    };
    LoopReportResponseDto: {
      /**
       * Format: date-time
       * @example 2026-04-01T08:00:00.000Z
       */
      asOf: string;
      counts: components['schemas']['LoopCountsDto'];
      open: components['schemas']['OpenTicketsDto'];
      period: components['schemas']['ReportPeriodDto'];
      rates: components['schemas']['LoopRatesDto'];
      scope: components['schemas']['ReportScopeDto'];
      summons: components['schemas']['SummonsFiguresDto'];
      timeToAccept: components['schemas']['DurationFiguresDto'];
      timeToComplete: components['schemas']['DurationFiguresDto'];
    };
    MergeTicketRequestDto: {
      /**
       * Format: uuid
       * @example 0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
       */
      masterTicketId: string;
      /**
       * @description Why, at most 200 characters; no names or phone numbers
       * @example 同一盏路灯，邻居重复反映
       */
      reason?: string;
    };
    MergedDuplicateResponseDto: {
      /** @example accepted */
      status: string;
      /** Format: date-time */
      submittedAt: string;
      /** Format: uuid */
      ticketId: string;
      /** @example LC-2025-000123 */
      ticketNumber: string;
    };
    MonthlyFiguresDto: {
      /**
       * @description A fraction 0–1 rounded to 4 decimals; null when the denominator is 0
       * @example 1
       */
      acceptanceRate?: number | null;
      /** @example 118 */
      accepted: number;
      /**
       * @description The same from ratings staff took on a callback (回访)
       * @example 1
       */
      callbackSatisfactionRate?: number | null;
      /** @example 110 */
      closed: number;
      /** @example 115 */
      completed: number;
      /**
       * @description A fraction 0–1 rounded to 4 decimals; null when the denominator is 0
       * @example 0.97
       */
      completionRate?: number | null;
      /** @description null when dispatch could not answer */
      coverage?: components['schemas']['CoverageFiguresDto'] | null;
      /**
       * @description Duplicate reports merged into another ticket of the same problem
       * @example 6
       */
      duplicatesMerged: number;
      /** @example 2 */
      escalated: number;
      /**
       * @description A fraction 0–1 rounded to 4 decimals; null when the denominator is 0
       * @example 0.95
       */
      onTimeAcceptanceRate?: number | null;
      /**
       * @description A fraction 0–1 rounded to 4 decimals; null when the denominator is 0
       * @example 0.93
       */
      onTimeCompletionRate?: number | null;
      /** @example 1 */
      overdue: number;
      /**
       * @description Problems received (duplicate reports merged into them not counted)
       * @example 120
       */
      received: number;
      /**
       * @description A fraction 0–1 rounded to 4 decimals; null when the denominator is 0
       * @example 0.02
       */
      reopenRate?: number | null;
      /**
       * @description Every ticket filed, duplicate reports included
       * @example 126
       */
      reportsReceived: number;
      /**
       * @description 退单: declines and hand-backs
       * @example 9
       */
      returns: number;
      /**
       * @description 满意率 from residents’ own ratings
       * @example 0.96
       */
      satisfactionRate?: number | null;
      /** @description null when volunteer-hours could not answer */
      service?: components['schemas']['ServiceFiguresDto'] | null;
      topCategories: components['schemas']['CategoryCountDto'][];
    };
    MonthlyReportResponseDto: {
      /**
       * Format: date-time
       * @example 2026-12-01T01:00:00.000Z
       */
      asOf: string;
      communities: components['schemas']['CommunityMonthlyReportDto'][];
      /** @description The district: all communities of the report */
      district: components['schemas']['MonthlyFiguresDto'];
      /** @example 2026-11 */
      month: string;
      period: components['schemas']['ReportPeriodDto'];
      /** @description Departments summoned to the month’s tickets (吹哨报到) */
      summons: components['schemas']['SummonsFiguresDto'];
      /**
       * @description Services that could not answer; their sections are null
       * @example []
       */
      unavailable: string[];
    };
    OpenByAgeDto: {
      /** @example 1 */
      from_1d_to_3d: number;
      /** @example 1 */
      from_3d_to_7d: number;
      /** @example 0 */
      over_7d: number;
      /** @example 3 */
      under_1d: number;
    };
    OpenByDeadlineDto: {
      /** @example 1 */
      later: number;
      /** @example 1 */
      none: number;
      /** @example 1 */
      overdue: number;
      /** @example 2 */
      within_24h: number;
    };
    OpenTicketLineDto: {
      /** @example 7200 */
      ageSeconds: number;
      /**
       * Format: date-time
       * @example 2026-04-01T06:00:00.000Z
       */
      nextDeadlineAt?: string | null;
      /** @example LC-2026-000123 */
      number: string;
      owner?: components['schemas']['OpenTicketOwnerDto'] | null;
      /** @example accepted */
      status: string;
      /** @example 0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b */
      ticketId: string;
    };
    OpenTicketOwnerDto: {
      /** @example member-77 */
      id: string;
      /** @example member */
      kind: string;
    };
    OpenTicketsDto: {
      byAge: components['schemas']['OpenByAgeDto'];
      byDeadline: components['schemas']['OpenByDeadlineDto'];
      byOwner: components['schemas']['OwnerCountDto'][];
      /** @description Nearest deadline first, at most 100 */
      nextDeadlines: components['schemas']['OpenTicketLineDto'][];
      /** @example 5 */
      total: number;
    };
    OverdueTicketDto: {
      /** @example property.repair */
      categoryCode: string;
      /** @example 0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60 */
      communityId: string;
      /**
       * Format: date-time
       * @example 2026-11-20T06:00:00.000Z
       */
      deadlineAt: string;
      /** @example LC-2026-000123 */
      number: string;
      /** @example 26 */
      overdueHours: number;
      /**
       * @description Who must act, kind:id
       * @example member:member-77
       */
      owner?: string | null;
      /** @example accepted */
      status: string;
      /** @example 0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b */
      ticketId: string;
    };
    OwnerCountDto: {
      /** @example 2 */
      count: number;
      /**
       * @description kind:id
       * @example member:member-77
       */
      owner: string;
    };
    OwnerResponseDto: {
      /** @example member-77 */
      id: string;
      /**
       * @example member
       * @enum {string}
       */
      kind: 'member' | 'property_company' | 'community' | 'resident';
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
    ReopenTicketRequestDto: {
      /**
       * @example recurred
       * @enum {string}
       */
      reasonCode: 'not_fixed' | 'recurred' | 'unsatisfied' | 'other';
      /**
       * @description Explanation, 2–200 characters; no names or phone numbers
       * @example 楼道灯又不亮了
       */
      reasonText: string;
    };
    ReportPeriodDto: {
      /**
       * Format: date-time
       * @example 2026-03-01T00:00:00.000Z
       */
      from: string;
      /**
       * Format: date-time
       * @example 2026-04-01T00:00:00.000Z
       */
      to: string;
    };
    ReportScopeDto: {
      /** @example null */
      categoryCode?: string | null;
      /** @example 0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60 */
      communityId?: string | null;
      /** @example null */
      gridId?: string | null;
    };
    ResidentContactRequestDto: {
      /**
       * @description Name, at most 50 characters
       * @example 王阿姨
       */
      name?: string;
      /**
       * @description Phone number
       * @example 13800138000
       */
      phone?: string;
    };
    ResidentContactResponseDto: {
      /** @example 王阿姨 */
      name?: string;
      /** @example 13800138000 */
      phone?: string;
    };
    ServiceFiguresDto: {
      /**
       * @description Members with credited time standing in the month
       * @example 42
       */
      activeMembers: number;
      /**
       * @description Volunteer activities that started in the month
       * @example 6
       */
      activitiesHeld: number;
      /**
       * @description Members checked out of those activities
       * @example 58
       */
      activityAttendances: number;
      /**
       * @description Minutes credited less minutes reversed in the month
       * @example 5400
       */
      minutesServed: number;
    };
    StoredPhotoResponseDto: {
      /**
       * @description SHA-256 of the content (hex): the photo’s id
       * @example 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
       */
      sha256: string;
      /**
       * @description Size in bytes
       * @example 348211
       */
      size: number;
      /**
       * @example image/jpeg
       * @enum {string}
       */
      type: 'image/jpeg' | 'image/png' | 'image/webp';
    };
    SummonsFiguresDto: {
      byDepartment: components['schemas']['DepartmentSummonsFiguresDto'][];
      checkedIn: number;
      /** @description Departments summoned, counting each department once per ticket and act */
      departmentsSummoned: number;
      onTimeCheckInRate: number | null;
      onTimeCheckIns: number;
      /** @description Tickets with at least one department summoned */
      ticketsSummoned: number;
    };
    TicketDetailResponseDto: {
      /** @example 0195a1b3-1a2b-7c3d-9e4f-5a6b7c8d9e0f */
      assignmentId?: string | null;
      /**
       * @example [
       *       {
       *         "name": "light.jpg",
       *         "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
       *         "size": 348211,
       *         "type": "image/jpeg"
       *       }
       *     ]
       */
      attachments: components['schemas']['AttachmentResponseDto'][];
      /** @example false */
      autoConfirmed: boolean;
      /** Format: date-time */
      cancelledAt?: string | null;
      /** @example property.repair */
      categoryCode: string;
      /** Format: date-time */
      closedAt?: string | null;
      /** @example 0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60 */
      communityId: string;
      /** @example 修得很快 */
      confirmationComment?: string | null;
      /**
       * @description How to reach the resident. An assignee reads it masked (王**, 138****8000) while deciding on an offer and after the work is confirmed, in full while the work is in their hands.
       * @example {
       *       "name": "王阿姨",
       *       "phone": "13800138000"
       *     }
       */
      contact?: components['schemas']['ResidentContactResponseDto'] | null;
      /**
       * @description True when `contact` is shown masked to this reader
       * @example false
       */
      contactMasked: boolean;
      /** @example 3 号楼 2 单元 4 楼楼道灯坏了一周。 */
      description: string;
      /**
       * @description 0 none, 1 secretary, 2 town/street, 3 county
       * @example 0
       */
      escalationLevel: number;
      /**
       * @example {
       *       "id": "resident-1024",
       *       "role": "resident"
       *     }
       */
      filedBy: components['schemas']['ActorResponseDto'];
      /** @example 1d1f7a63-2e9b-4c8f-8b66-4f3a2d5c6b71 */
      gridId: string;
      /** @example 0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b */
      id: string;
      /**
       * @example {
       *       "address": "幸福小区 3 号楼",
       *       "communityId": "0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60",
       *       "gridId": "1d1f7a63-2e9b-4c8f-8b66-4f3a2d5c6b71"
       *     }
       */
      location: components['schemas']['TicketLocationResponseDto'];
      /**
       * @description The master this ticket was merged into as a duplicate report: it follows the master’s loop (its story shows the master’s steps); null when it runs its own loop
       * @example 0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
       */
      mergedInto?: string | null;
      /**
       * Format: date-time
       * @example 2026-03-01T06:00:00.000Z
       */
      nextDeadlineAt?: string | null;
      /** @example LC-2026-000123 */
      number: string;
      owner?: components['schemas']['OwnerResponseDto'] | null;
      /** @example 5 */
      rating?: number | null;
      /** @example 0 */
      reopenCount: number;
      /** @example resident-1024 */
      residentId?: string | null;
      /** Format: date-time */
      resolvedAt?: string | null;
      /** @example app */
      source: string;
      /**
       * @example dispatched
       * @enum {string}
       */
      status:
        | 'submitted'
        | 'dispatched'
        | 'accepted'
        | 'in_progress'
        | 'resolved'
        | 'closed'
        | 'cancelled'
        | 'reopened';
      /** @example 2026-03-01T02:00:00.000Z */
      submittedAt: string;
      timeline: components['schemas']['TimelineEntryResponseDto'][];
      /** @example 楼道灯不亮 */
      title: string;
      /** @example normal */
      urgency: string;
    };
    TicketDuplicatesResponseDto: {
      duplicates: components['schemas']['MergedDuplicateResponseDto'][];
      mergedInto?: components['schemas']['LinkedTicketResponseDto'] | null;
      proposals: components['schemas']['DuplicateProposalResponseDto'][];
      /** Format: uuid */
      ticketId: string;
    };
    TicketLocationRequestDto: {
      /**
       * @description Address as written, at most 200 characters
       * @example 幸福小区 3 号楼 2 单元
       */
      address?: string;
      /**
       * @description Building (楼栋) id
       * @example 3f3b9c85-4a1d-4e0b-8d88-6b5c4f7e8d93
       */
      buildingId?: string;
      /**
       * @description Community (社区) id
       * @example 0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60
       */
      communityId: string;
      /**
       * @description Residential compound (小区) id
       * @example 2e2a8b74-3f0c-4d9a-9c77-5a4b3e6d7c82
       */
      compoundId?: string;
      /**
       * @description Grid (网格) id
       * @example 1d1f7a63-2e9b-4c8f-8b66-4f3a2d5c6b71
       */
      gridId: string;
      /**
       * @description Household (住户) id
       * @example 4a4c0d96-5b2e-4f1c-9e99-7c6d5a8f9ea4
       */
      householdId?: string;
      /**
       * @description WGS-84 latitude
       * @example 37.9003
       */
      latitude?: number;
      /**
       * @description WGS-84 longitude
       * @example 114.6856
       */
      longitude?: number;
    };
    TicketLocationResponseDto: {
      /**
       * @description Address as written
       * @example 幸福小区 3 号楼
       */
      address?: string;
      /** @description Building (楼栋) id */
      buildingId?: string;
      /**
       * @description Community (社区) id
       * @example 0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60
       */
      communityId: string;
      /** @description Residential compound (小区) id */
      compoundId?: string;
      /**
       * @description Grid (网格) id
       * @example 1d1f7a63-2e9b-4c8f-8b66-4f3a2d5c6b71
       */
      gridId: string;
      /** @description Household (住户) id */
      householdId?: string;
      /**
       * @description WGS-84 latitude
       * @example 37.9003
       */
      latitude?: number;
      /**
       * @description WGS-84 longitude
       * @example 114.6856
       */
      longitude?: number;
    };
    TicketPageResponseDto: {
      items: components['schemas']['TicketSummaryResponseDto'][];
      /** @description Pass as cursor for the next page; null on the last page */
      nextCursor?: string | null;
    };
    TicketSummaryResponseDto: {
      /** @example property.repair */
      categoryCode: string;
      /** @example 0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60 */
      communityId: string;
      /**
       * @description 0 none, 1 secretary, 2 town/street, 3 county
       * @example 0
       */
      escalationLevel: number;
      /** @example 1d1f7a63-2e9b-4c8f-8b66-4f3a2d5c6b71 */
      gridId: string;
      /** @example 0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b */
      id: string;
      /**
       * Format: date-time
       * @example 2026-03-01T06:00:00.000Z
       */
      nextDeadlineAt?: string | null;
      /** @example LC-2026-000123 */
      number: string;
      owner?: components['schemas']['OwnerResponseDto'] | null;
      /** @example 5 */
      rating?: number | null;
      /**
       * @example dispatched
       * @enum {string}
       */
      status:
        | 'submitted'
        | 'dispatched'
        | 'accepted'
        | 'in_progress'
        | 'resolved'
        | 'closed'
        | 'cancelled'
        | 'reopened';
      /** @example 2026-03-01T02:00:00.000Z */
      submittedAt: string;
      /** @example 楼道灯不亮 */
      title: string;
      /** @example normal */
      urgency: string;
    };
    TimelineEntryResponseDto: {
      /**
       * @example {
       *       "id": "member-77",
       *       "role": "member"
       *     }
       */
      actor: components['schemas']['ActorResponseDto'];
      /**
       * @description The facts of the step, as the event carried them
       * @example {
       *       "assignee": {
       *         "id": "member-77",
       *         "kind": "member"
       *       }
       *     }
       */
      details: {
        [key: string]: unknown;
      };
      /** @example 0195a1b4-0000-7000-8000-000000000001 */
      eventId: string;
      /** @example 2026-03-01T02:10:00.000Z */
      occurredAt: string;
      /**
       * @description applied, or stale / not-applicable when the fact only went on the timeline
       * @example applied
       */
      outcome: string;
      /**
       * @description What happened, in the language asked for (zh-CN default, en)
       * @example 党员已接单
       */
      summary: string;
      /**
       * @description Roles of the people notified because of this step (resident, member, staff, …), in the order told
       * @example [
       *       "member",
       *       "resident"
       *     ]
       */
      told: string[];
      /** @example assignment.accepted */
      type: string;
    };
    UnmergeTicketRequestDto: {
      /**
       * @description Why, 2–200 characters; no names or phone numbers
       * @example 不是同一盏灯：3号楼北侧另有一盏不亮
       */
      reason: string;
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
  attachmentsUpload: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'image/jpeg': string;
        'image/png': string;
        'image/webp': string;
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StoredPhotoResponseDto'];
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
      /** @description The photo is larger than 1,000,000 bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Not a JPEG, PNG or WebP image, or content that is not the declared image type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Too many uploads in the rate-limit window; Retry-After says when to try again */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  attachmentsRead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sha256: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The image */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/jpeg': string;
          'image/png': string;
          'image/webp': string;
        };
      };
      /** @description Not a SHA-256 in hex */
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
      /** @description No such photo, or not one the caller may see */
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
  loopAuditLoop: {
    parameters: {
      query?: {
        /** @description Audit tickets closed or cancelled at or after this instant, with every open ticket; default 7 days ago */
        closedSince?: string;
      };
      header: {
        authorization: string;
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
          'application/json': components['schemas']['LoopAuditResponseDto'];
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
      /** @description Not an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description A service the audit asks (named in the problem) did not answer; no report is given */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  categoriesList: {
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
          'application/json': components['schemas']['CategoryResponseDto'][];
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
  duplicatesSettings: {
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
          'application/json': components['schemas']['DuplicateSettingsResponseDto'];
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
      /** @description Not your community */
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
  duplicatesPutSettings: {
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
        'application/json': components['schemas']['DuplicateSettingsRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DuplicateSettingsResponseDto'];
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
      /** @description Not your community */
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
  duplicatesProposals: {
    parameters: {
      query?: {
        /** @description One of your communities (default: all of them) */
        communityId?: string;
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
          'application/json': components['schemas']['DuplicateProposalResponseDto'][];
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
      /** @description A community that is not yours */
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
  apiKeysList: {
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
          'application/json': components['schemas']['ApiKeyResponseDto'][];
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
  apiKeysIssue: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['IssueApiKeyRequestDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IssuedApiKeyResponseDto'];
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
  apiKeysRevoke: {
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiKeyResponseDto'];
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
      /** @description No such key */
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
  geoReportRequests: {
    parameters: {
      query: {
        /** @description The key the district admin issued to the client (403 when missing, unknown or revoked) */
        api_key: unknown;
      };
      header?: never;
      path: {
        /** @description Answer format */
        format: 'json' | 'xml';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A list of requests (<service_requests><request> in XML) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A GeoReport error list [{ code, description }] (<errors><error> in XML): 400 bad input, 403 bad api_key or a place outside its communities, 404 unknown service or request */
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
      /** @description A GeoReport error list [{ code, description }] (<errors><error> in XML): 400 bad input, 403 bad api_key or a place outside its communities, 404 unknown service or request */
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
  geoReportFile: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body file once and answer the same service_request_id */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description Answer format */
        format: 'json' | 'xml';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The filed request (<service_requests><request> in XML) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A GeoReport error list [{ code, description }] (<errors><error> in XML): 400 bad input, 403 bad api_key or a place outside its communities, 404 unknown service or request */
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
      /** @description A GeoReport error list [{ code, description }] (<errors><error> in XML): 400 bad input, 403 bad api_key or a place outside its communities, 404 unknown service or request */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description A GeoReport error list [{ code, description }] (<errors><error> in XML): 400 bad input, 403 bad api_key or a place outside its communities, 404 unknown service or request */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Over RATE_LIMIT_OPEN311_FILINGS filings of the api_key in RATE_LIMIT_WINDOW_SECONDS */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  geoReportRequest: {
    parameters: {
      query: {
        /** @description The key the district admin issued to the client (403 when missing, unknown or revoked) */
        api_key: unknown;
      };
      header?: never;
      path: {
        /** @description service_request_id (the ticket number) */
        id: string;
        /** @description Answer format */
        format: 'json' | 'xml';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A list of one request (<service_requests><request> in XML) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A GeoReport error list [{ code, description }] (<errors><error> in XML): 400 bad input, 403 bad api_key or a place outside its communities, 404 unknown service or request */
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
      /** @description A GeoReport error list [{ code, description }] (<errors><error> in XML): 400 bad input, 403 bad api_key or a place outside its communities, 404 unknown service or request */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description A GeoReport error list [{ code, description }] (<errors><error> in XML): 400 bad input, 403 bad api_key or a place outside its communities, 404 unknown service or request */
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
  geoReportServices: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Answer format */
        format: 'json' | 'xml';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A list of services (<services><service> in XML) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A GeoReport error list [{ code, description }] (<errors><error> in XML): 400 bad input, 403 bad api_key or a place outside its communities, 404 unknown service or request */
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
  geoReportDefinition: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description service_code (a ticket category code) */
        code: string;
        /** @description Answer format */
        format: 'json' | 'xml';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The service definition (<service_definition> in XML) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A GeoReport error list [{ code, description }] (<errors><error> in XML): 400 bad input, 403 bad api_key or a place outside its communities, 404 unknown service or request */
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
      /** @description A GeoReport error list [{ code, description }] (<errors><error> in XML): 400 bad input, 403 bad api_key or a place outside its communities, 404 unknown service or request */
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
  geoReportToken: {
    parameters: {
      query: {
        /** @description The key the district admin issued to the client (403 when missing, unknown or revoked) */
        api_key: unknown;
      };
      header?: never;
      path: {
        /** @description The ticket id (UUID) of a request this client filed */
        token: string;
        /** @description Answer format */
        format: 'json' | 'xml';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A list of one { service_request_id, token } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A GeoReport error list [{ code, description }] (<errors><error> in XML): 400 bad input, 403 bad api_key or a place outside its communities, 404 unknown service or request */
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
      /** @description A GeoReport error list [{ code, description }] (<errors><error> in XML): 400 bad input, 403 bad api_key or a place outside its communities, 404 unknown service or request */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description A GeoReport error list [{ code, description }] (<errors><error> in XML): 400 bad input, 403 bad api_key or a place outside its communities, 404 unknown service or request */
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
  reportsLoop: {
    parameters: {
      query?: {
        /** @description Start of the period (inclusive, by submission time); default 30 days before `to` */
        from?: string;
        /** @description End of the period (exclusive); default now */
        to?: string;
        /** @description One community within your scope */
        communityId?: string;
        /** @description One grid */
        gridId?: string;
        categoryCode?:
          | 'property.repair'
          | 'property.management'
          | 'environment.sanitation'
          | 'city.management'
          | 'neighbour.dispute'
          | 'elderly.disabled.help'
          | 'public.health'
          | 'safety.hazard'
          | 'public.sentiment'
          | 'other';
        /** @description csv is the same as Accept: text/csv */
        format?: 'json' | 'csv';
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
          'application/json': components['schemas']['LoopReportResponseDto'];
          'text/csv': string;
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
      /** @description A community or grid outside your scope */
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
  reportsBreakdown: {
    parameters: {
      query?: {
        /** @description Start of the period (inclusive, by submission time); default 30 days before `to` */
        from?: string;
        /** @description End of the period (exclusive); default now */
        to?: string;
        /** @description One community within your scope */
        communityId?: string;
        /** @description One grid */
        gridId?: string;
        categoryCode?:
          | 'property.repair'
          | 'property.management'
          | 'environment.sanitation'
          | 'city.management'
          | 'neighbour.dispute'
          | 'elderly.disabled.help'
          | 'public.health'
          | 'safety.hazard'
          | 'public.sentiment'
          | 'other';
        /** @description csv is the same as Accept: text/csv */
        format?: 'json' | 'csv';
        /** @description Dimensions, comma-separated; default all four */
        by?: string;
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
          'application/json': components['schemas']['LoopBreakdownResponseDto'];
          'text/csv': string;
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
      /** @description A community or grid outside your scope */
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
  reportsMonthly: {
    parameters: {
      query: {
        /** @description The month YYYY-MM (Asia/Shanghai) */
        month: string;
        /** @description One community within your scope; default all of yours */
        communityId?: string;
        /** @description html is the printable A4 page (the same as Accept: text/html) */
        format?: 'json' | 'html';
      };
      header: {
        authorization: string;
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
          'application/json': components['schemas']['MonthlyReportResponseDto'];
          'text/html': string;
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
  ticketsSearch: {
    parameters: {
      query?: {
        /** @description Statuses, comma-separated */
        status?: string;
        /** @description nextCursor of the previous page */
        cursor?: string;
        limit?: number;
        categoryCode?:
          | 'property.repair'
          | 'property.management'
          | 'environment.sanitation'
          | 'city.management'
          | 'neighbour.dispute'
          | 'elderly.disabled.help'
          | 'public.health'
          | 'safety.hazard'
          | 'public.sentiment'
          | 'other';
        /** @description One community within your scope */
        communityId?: string;
        gridId?: string;
        urgency?: 'normal' | 'urgent' | 'emergency';
        /** @description Open tickets past their next deadline (true) or not (false) */
        overdue?: boolean;
        /** @description Tickets with an escalation level (true) or without (false) */
        escalated?: boolean;
        rating?: number;
        /** @description Free text in title, description, address or ticket number */
        q?: string;
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
          'application/json': components['schemas']['TicketPageResponseDto'];
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
      /** @description A role that does not search tickets */
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
  ticketsCreate: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1–128 visible ASCII characters, remembered for IDEMPOTENCY_TTL_SECONDS */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTicketRequestDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TicketDetailResponseDto'];
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
      /** @description Filing outside your community or grid, or for someone else as a resident */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description An identical request with the same Idempotency-Key is still being processed */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Retired category, or an Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Over RATE_LIMIT_TICKET_SUBMISSIONS submissions in RATE_LIMIT_WINDOW_SECONDS; Retry-After says when to try again */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  ticketsMine: {
    parameters: {
      query?: {
        /** @description Statuses, comma-separated */
        status?: string;
        /** @description nextCursor of the previous page */
        cursor?: string;
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
          'application/json': components['schemas']['TicketPageResponseDto'];
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
  ticketsDetail: {
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TicketDetailResponseDto'];
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
      /** @description No such ticket, or not yours to see */
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
  ticketsCallback: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body answer as the first request did (Idempotent-Replayed: true) and the action happens once; remembered for IDEMPOTENCY_TTL_SECONDS */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CallbackVerdictRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TicketDetailResponseDto'];
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
      /** @description The ticket is not resolved */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Over RATE_LIMIT_TICKET_ACTIONS confirmations, callbacks, reopenings and cancellations in RATE_LIMIT_WINDOW_SECONDS; Retry-After says when to try again */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  ticketsCancel: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body answer as the first request did (Idempotent-Replayed: true) and the action happens once; remembered for IDEMPOTENCY_TTL_SECONDS */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CancelTicketRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TicketDetailResponseDto'];
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
      /** @description The ticket is resolved, closed or already cancelled */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Over RATE_LIMIT_TICKET_ACTIONS confirmations, callbacks, reopenings and cancellations in RATE_LIMIT_WINDOW_SECONDS; Retry-After says when to try again */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  ticketsConfirm: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body answer as the first request did (Idempotent-Replayed: true) and the action happens once; remembered for IDEMPOTENCY_TTL_SECONDS */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ConfirmTicketRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TicketDetailResponseDto'];
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
      /** @description The ticket is not resolved */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Over RATE_LIMIT_TICKET_ACTIONS confirmations, callbacks, reopenings and cancellations in RATE_LIMIT_WINDOW_SECONDS; Retry-After says when to try again */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  ticketsContactReads: {
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactReadResponseDto'][];
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
      /** @description No such ticket, or not in your community */
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
  duplicatesOfTicket: {
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TicketDuplicatesResponseDto'];
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
      /** @description No such ticket, or not in your community */
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
  duplicatesKeepApart: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['KeepApartRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TicketDuplicatesResponseDto'];
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
      /** @description Either ticket does not exist or is not in your community */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description A ticket kept apart from itself */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Over RATE_LIMIT_TICKET_ACTIONS ticket actions in RATE_LIMIT_WINDOW_SECONDS; Retry-After says when to try again */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  duplicatesMerge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MergeTicketRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TicketDuplicatesResponseDto'];
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
      /** @description Either ticket does not exist or is not in your community */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Not open, merged elsewhere, the master merged itself, or the ticket has duplicates of its own */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Into itself, or across communities */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Over RATE_LIMIT_TICKET_ACTIONS ticket actions in RATE_LIMIT_WINDOW_SECONDS; Retry-After says when to try again */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  ticketsReopen: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body answer as the first request did (Idempotent-Replayed: true) and the action happens once; remembered for IDEMPOTENCY_TTL_SECONDS */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReopenTicketRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TicketDetailResponseDto'];
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
      /** @description The ticket is neither resolved nor closed */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description The reopening window has passed */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Over RATE_LIMIT_TICKET_ACTIONS confirmations, callbacks, reopenings and cancellations in RATE_LIMIT_WINDOW_SECONDS; Retry-After says when to try again */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
    };
  };
  duplicatesUnmerge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UnmergeTicketRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TicketDuplicatesResponseDto'];
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
      /** @description No such ticket, or not in your community */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Not merged, or resolved, closed or cancelled */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemResponseDto'];
        };
      };
      /** @description Over RATE_LIMIT_TICKET_ACTIONS ticket actions in RATE_LIMIT_WINDOW_SECONDS; Retry-After says when to try again */
      429: {
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
