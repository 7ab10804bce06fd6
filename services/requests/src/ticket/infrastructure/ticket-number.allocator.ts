import { EntityManager } from 'typeorm';
import { formatTicketNumber } from '../domain/ticket-number';

/**
 * Takes the next ticket number of the district for the year (ADR 0010). Call it outside any transaction:
 * the counter row is created or incremented in one autocommitted statement, so its row lock lasts that
 * statement only and concurrent submissions do not queue behind each other's inserts. A submission that
 * fails afterwards leaves its number unused — numbers are unique and increasing, not gap-free.
 */
export async function allocateTicketNumber(
  manager: EntityManager,
  districtCode: string,
  year: number,
): Promise<string> {
  if (manager.queryRunner?.isTransactionActive)
    throw new Error('ticket numbers are taken outside the submitting transaction');
  const rows: Array<{ last_value: number }> = await manager.query(
    `INSERT INTO ticket_number_counter (district_code, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (district_code, year) DO UPDATE SET last_value = ticket_number_counter.last_value + 1
     RETURNING last_value`,
    [districtCode, year],
  );
  return formatTicketNumber(districtCode, year, rows[0].last_value);
}
