import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TicketFollowers } from '../application/ticket-followers.port';
import type { Follower } from '../../notification/domain/notification-rules';

/** Which tickets follow which master (ADR 0016), kept from ticket.merged and ticket.unmerged. */
@Injectable()
export class TicketFollowersRepository implements TicketFollowers {
  /** `followerId` follows `masterId` from `at` (a later merge replaces an earlier one). */
  async follow(manager: EntityManager, followerId: string, masterId: string, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO ticket_follower (follower_ticket_id, master_ticket_id, merged_at) VALUES ($1, $2, $3)
       ON CONFLICT (follower_ticket_id) DO UPDATE SET master_ticket_id = EXCLUDED.master_ticket_id,
         merged_at = EXCLUDED.merged_at`,
      [followerId, masterId, at],
    );
  }

  /** `followerId` follows nobody any more (unmerged or cancelled). */
  async stop(manager: EntityManager, followerId: string): Promise<void> {
    await manager.query('DELETE FROM ticket_follower WHERE follower_ticket_id = $1', [followerId]);
  }

  /** The followers of `masterId` with their numbers and residents, in ticket id order. */
  async of(manager: EntityManager, masterId: string): Promise<Follower[]> {
    const rows: Array<{ ticket_id: string; ticket_number: string; resident_id: string | null }> =
      await manager.query(
        `SELECT f.follower_ticket_id AS ticket_id, t.ticket_number, t.resident_id
         FROM ticket_follower f JOIN ticket_fact t ON t.ticket_id = f.follower_ticket_id
         WHERE f.master_ticket_id = $1 ORDER BY f.follower_ticket_id`,
        [masterId],
      );
    return rows.map((row) => ({
      ticketId: row.ticket_id,
      ticketNumber: row.ticket_number,
      residentId: row.resident_id,
    }));
  }
}
