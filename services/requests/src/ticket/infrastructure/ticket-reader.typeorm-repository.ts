import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TicketReader } from '../application/ticket-reader.port';
import type { TicketState } from '../domain/ticket.aggregate';
import { cancellableTicketStatuses } from '../domain/ticket-status';
import { TicketRow, ticketColumns, toTicketState } from './ticket.mapper';

/** Reads whole ticket rows for other slices, without locks. */
@Injectable()
export class TypeOrmTicketReader implements TicketReader {
  async byId(manager: EntityManager, id: string): Promise<TicketState | undefined> {
    const rows: TicketRow[] = await manager.query(`SELECT ${ticketColumns} FROM ticket WHERE id = $1`, [id]);
    return rows[0] ? toTicketState(rows[0]) : undefined;
  }

  async byIds(manager: EntityManager, ids: readonly string[]): Promise<TicketState[]> {
    const rows: TicketRow[] = await manager.query(
      `SELECT ${ticketColumns} FROM ticket WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map(toTicketState);
  }

  async openUnmergedOfCategory(
    manager: EntityManager,
    communityId: string,
    categoryCode: string,
    since: Date,
  ): Promise<TicketState[]> {
    const rows: TicketRow[] = await manager.query(
      `SELECT ${ticketColumns} FROM ticket
       WHERE community_id = $1 AND category_code = $2 AND submitted_at >= $3 AND status = ANY($4::varchar[])
       ORDER BY submitted_at, id LIMIT 200`,
      [communityId, categoryCode, since, [...cancellableTicketStatuses]],
    );
    return rows.map(toTicketState).filter((ticket) => ticket.mergedInto === null);
  }
}
