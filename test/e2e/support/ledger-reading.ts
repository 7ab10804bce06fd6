// Reading a member's hours statement the way a story asks about it: what one ticket or activity earned.
import type { LedgerLine, Statement } from './loop-api';

/** The statement's lines whose source is `sourceId` (a ticket or an activity). */
export function linesFor(statement: Statement, sourceId: string): LedgerLine[] {
  return statement.entries.filter((line) => line.source?.id === sourceId);
}

/** Net minutes `sourceId` earned on the statement: credits minus reversals (adjustments included). */
export function netMinutesFor(statement: Statement, sourceId: string): number {
  return linesFor(statement, sourceId).reduce((sum, line) => sum + line.minutes, 0);
}
