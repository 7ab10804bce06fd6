import { IsIn, IsUUID } from 'class-validator';
import { Describe } from '../../schema/contract-metadata';

/** What earned service hours: a completed ticket or a volunteer activity. */
export const creditSourceKinds = ['ticket', 'activity'] as const;

/** The kind of work that earned service hours. */
export type CreditSourceKind = (typeof creditSourceKinds)[number];

/** The ticket or volunteer activity a ledger entry credits hours for. */
@Describe('The ticket or volunteer activity (志愿活动) a ledger entry credits service hours for.')
export class CreditSource {
  @Describe('ticket for a confirmed ticket, activity for a volunteer activity check-out.')
  @IsIn(creditSourceKinds)
  kind: CreditSourceKind;

  @Describe('Id of the ticket or activity.')
  @IsUUID()
  id: string;
}
