import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TicketStatus } from '../../ticket/domain/ticket-status';
import type { ApiKeyRecord, Open311Channel } from '../domain/api-key.policy';
import type { DirectoryPlace } from '../domain/georeport-place.policy';
import type { FiledTicket } from '../domain/georeport-request.mapper';

interface ApiKeyRow {
  id: string;
  client_id: string;
  client_name: string;
  channel: string;
  community_ids: string[];
  key_prefix: string;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
}

interface FiledTicketRow {
  id: string;
  number: string;
  status: string;
  category_code: string;
  description: string;
  assignee_kind: string | null;
  submitted_at: Date;
  status_changed_at: Date;
  closed_at: Date | null;
  cancelled_at: Date | null;
  accept_due_at: Date | null;
  completion_due_at: Date | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  address_id: string | null;
  media_url: string | null;
}

/** What one filing carried that the ticket has no field for. */
export interface FilingExtras {
  ticketId: string;
  clientId: string;
  keyId: string;
  addressId: string | null;
  mediaUrl: string | null;
  filedAt: Date;
}

/** Which of a client's filings to read. */
export type FiledTicketFilter =
  | { kind: 'ids'; numbers: string[] }
  | { kind: 'ticket'; ticketId: string }
  | {
      kind: 'search';
      serviceCodes: string[];
      statuses: Array<'open' | 'closed'>;
      from: Date;
      to: Date;
      limit: number;
    };

const keyColumns =
  'id, client_id, client_name, channel, community_ids::text[] AS community_ids, key_prefix, created_by, created_at, revoked_at';

const filedTicketSelect = `
  SELECT t.id, t.number, t.status, t.category_code, t.description, t.assignee_kind, t.submitted_at,
         t.status_changed_at, t.closed_at, t.cancelled_at, t.accept_due_at, t.completion_due_at,
         t.address, t.latitude, t.longitude, r.address_id, r.media_url
    FROM ticket t LEFT JOIN open311_request r ON r.ticket_id = t.id
   WHERE t.filed_by_id = $1`;

/** The facade's api_keys and filings, and what it reads of tickets and of the directory projection. */
@Injectable()
export class Open311Repository {
  /** Stores a newly issued key under its hash. */
  async addKey(manager: EntityManager, key: ApiKeyRecord, keyHash: string): Promise<void> {
    await manager.query(
      `INSERT INTO open311_api_key (id, client_id, client_name, channel, community_ids, key_hash, key_prefix,
         created_by, created_at, revoked_at)
       VALUES ($1, $2, $3, $4, $5::uuid[], $6, $7, $8, $9, NULL)`,
      [
        key.id,
        key.clientId,
        key.clientName,
        key.channel,
        key.communityIds,
        keyHash,
        key.keyPrefix,
        key.createdBy,
        key.createdAt,
      ],
    );
  }

  /** Every key, newest first, revoked ones included. */
  async keys(manager: EntityManager): Promise<ApiKeyRecord[]> {
    const rows: ApiKeyRow[] = await manager.query(
      `SELECT ${keyColumns} FROM open311_api_key ORDER BY created_at DESC, id DESC`,
    );
    return rows.map(toKey);
  }

  /** The key with this hash unless it was revoked. */
  async activeKeyByHash(manager: EntityManager, keyHash: string): Promise<ApiKeyRecord | null> {
    const [row]: ApiKeyRow[] = await manager.query(
      `SELECT ${keyColumns} FROM open311_api_key WHERE key_hash = $1 AND revoked_at IS NULL`,
      [keyHash],
    );
    return row ? toKey(row) : null;
  }

  /** Revokes a key (once; revoking again keeps the first time). Returns null for an unknown key. */
  async revokeKey(manager: EntityManager, id: string, now: Date): Promise<ApiKeyRecord | null> {
    // Through a CTE: TypeORM answers a bare UPDATE with [rows, count] rather than the rows.
    const [row]: ApiKeyRow[] = await manager.query(
      `WITH revoked AS (
         UPDATE open311_api_key SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING ${keyColumns}
       )
       SELECT * FROM revoked`,
      [id, now],
    );
    return row ? toKey(row) : null;
  }

  /** Records what a filing carried besides the ticket; a retried filing records it once. */
  async recordFiling(manager: EntityManager, filing: FilingExtras): Promise<void> {
    await manager.query(
      `INSERT INTO open311_request (ticket_id, client_id, key_id, address_id, media_url, filed_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (ticket_id) DO NOTHING`,
      [filing.ticketId, filing.clientId, filing.keyId, filing.addressId, filing.mediaUrl, filing.filedAt],
    );
  }

  /** The directory place an address_id names: a household, else a compound with its households' grids. */
  async directoryPlace(manager: EntityManager, id: string): Promise<DirectoryPlace | null> {
    const [household]: Array<{
      id: string;
      community_id: string;
      grid_id: string;
      compound_id: string;
      building_id: string | null;
    }> = await manager.query(
      'SELECT id, community_id, grid_id, compound_id, building_id FROM known_household WHERE id = $1::uuid',
      [id],
    );
    if (household) {
      return {
        kind: 'household',
        householdId: household.id,
        communityId: household.community_id,
        gridId: household.grid_id,
        compoundId: household.compound_id,
        buildingId: household.building_id,
      };
    }
    const [compound]: Array<{ id: string; community_id: string; grid_ids: string[] | null }> =
      await manager.query(
        `SELECT k.id, k.community_id,
                (SELECT array_agg(DISTINCT h.grid_id)::text[] FROM known_household h WHERE h.compound_id = k.id) AS grid_ids
           FROM known_compound k WHERE k.id = $1::uuid AND k.active`,
        [id],
      );
    return compound
      ? {
          kind: 'compound',
          compoundId: compound.id,
          communityId: compound.community_id,
          gridIds: compound.grid_ids ?? [],
        }
      : null;
  }

  /** The grids the directory lists for each of the active communities. */
  async gridsByCommunity(
    manager: EntityManager,
    communityIds: readonly string[],
  ): Promise<Record<string, string[]>> {
    const rows: Array<{ id: string; grid_ids: string[] }> = await manager.query(
      'SELECT id, grid_ids::text[] AS grid_ids FROM known_community WHERE id = ANY ($1::uuid[]) AND active',
      [communityIds],
    );
    return Object.fromEntries(rows.map((row) => [row.id, row.grid_ids]));
  }

  /** The number a ticket was given. */
  async ticketNumber(manager: EntityManager, ticketId: string): Promise<string | null> {
    const [row]: Array<{ number: string }> = await manager.query('SELECT number FROM ticket WHERE id = $1', [
      ticketId,
    ]);
    return row?.number ?? null;
  }

  /** Tickets filed by `filerId` that match the filter, newest first. */
  async filedTickets(
    manager: EntityManager,
    filerId: string,
    filter: FiledTicketFilter,
  ): Promise<FiledTicket[]> {
    let rows: FiledTicketRow[];
    if (filter.kind === 'ids') {
      rows = await manager.query(
        `${filedTicketSelect} AND t.number = ANY ($2::varchar[]) ORDER BY t.submitted_at DESC`,
        [filerId, filter.numbers],
      );
    } else if (filter.kind === 'ticket') {
      rows = await manager.query(`${filedTicketSelect} AND t.id = $2::uuid`, [filerId, filter.ticketId]);
    } else {
      rows = await manager.query(
        `${filedTicketSelect}
           AND t.submitted_at >= $2 AND t.submitted_at <= $3
           AND (cardinality($4::varchar[]) = 0 OR t.category_code = ANY ($4::varchar[]))
           AND (cardinality($5::varchar[]) = 0
                OR (CASE WHEN t.status IN ('closed', 'cancelled') THEN 'closed' ELSE 'open' END) = ANY ($5::varchar[]))
         ORDER BY t.submitted_at DESC, t.id DESC
         LIMIT $6`,
        [filerId, filter.from, filter.to, filter.serviceCodes, filter.statuses, filter.limit],
      );
    }
    return rows.map(toFiledTicket);
  }
}

function toKey(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    channel: row.channel as Open311Channel,
    communityIds: row.community_ids,
    keyPrefix: row.key_prefix,
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

function toFiledTicket(row: FiledTicketRow): FiledTicket {
  return {
    id: row.id,
    number: row.number,
    status: row.status as TicketStatus,
    categoryCode: row.category_code,
    description: row.description,
    assigneeKind: row.assignee_kind as FiledTicket['assigneeKind'],
    submittedAt: row.submitted_at,
    statusChangedAt: row.status_changed_at,
    closedAt: row.closed_at,
    cancelledAt: row.cancelled_at,
    acceptDueAt: row.accept_due_at,
    completionDueAt: row.completion_due_at,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    addressId: row.address_id,
    mediaUrl: row.media_url,
  };
}
