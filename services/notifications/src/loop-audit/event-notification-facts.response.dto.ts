import { ApiProperty } from '@nestjs/swagger';
import type { EventNotificationFacts, EventNotificationFactsResponse } from '@loop/contracts';

/** The notifications one event caused. */
export class EventNotificationFactsDto implements EventNotificationFacts {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 2, description: 'Inbox entries the event caused; 0 when none.' })
  notifications: number;
}

/** One entry per event asked about. */
export class EventNotificationFactsResponseDto implements EventNotificationFactsResponse {
  @ApiProperty({ type: [EventNotificationFactsDto] }) events: EventNotificationFactsDto[];
}
