import { ApiProperty } from '@nestjs/swagger';
import type { ParkedEvent } from '@loop/contracts';

/** A record a consumer parked on a dead-letter topic and has not handled since, with where to replay it from. */
export class ParkedEventDto implements ParkedEvent {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) eventId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'ticket.confirmed' }) eventType: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The record key: the ticket id for loop events.',
  })
  key: string | null;
  @ApiProperty({ example: 'handler_failed' }) reason: string;
  @ApiProperty({ example: 'requests.ticket.v1.dlq' }) deadLetterTopic: string;
  @ApiProperty({ example: 0 }) partition: number;
  @ApiProperty({ example: '17', description: 'Offset of the dead-letter record (decimal string).' })
  offset: string;
  @ApiProperty({ format: 'date-time' }) parkedAt: string;
}
