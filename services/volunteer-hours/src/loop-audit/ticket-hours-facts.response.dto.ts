import { ApiProperty } from '@nestjs/swagger';
import type { TicketHoursFacts, TicketHoursFactsResponse } from '@loop/contracts';
import { ParkedEventDto } from '@loop/platform';

/** The ledger's view of one ticket. */
export class TicketHoursFactsDto implements TicketHoursFacts {
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty({ example: 1, description: 'Credit entries naming the ticket as source.' }) credits: number;
  @ApiProperty({ example: 0, description: 'Reversal entries naming the ticket as source.' })
  reversals: number;
  @ApiProperty({ example: 1, description: 'Credits minus reversals: 1 when the ticket’s hours stand.' })
  standingCredits: number;
  @ApiProperty({
    example: 45,
    description: 'Signed sum of the minutes of every entry naming the ticket (reversals negative).',
  })
  netMinutes: number;
  @ApiProperty({
    type: [ParkedEventDto],
    required: false,
    description: 'Events of the ticket the ledger parked on a dead-letter topic and has not handled since.',
  })
  parked?: ParkedEventDto[];
}

/** One entry per ticket asked about, zeros when the ledger has none. */
export class TicketHoursFactsResponseDto implements TicketHoursFactsResponse {
  @ApiProperty({ type: [TicketHoursFactsDto] }) tickets: TicketHoursFactsDto[];
}
