import { ApiProperty } from '@nestjs/swagger';
import type { EventNotificationFacts, EventNotificationFactsResponse } from '@loop/contracts';
import { ParkedEventDto } from '@loop/platform';

/** Whether notifications handled one event, and the notifications it caused. */
export class EventNotificationFactsDto implements EventNotificationFacts {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({
    example: true,
    description:
      'True when notifications handled the event (its inbox holds it and it is not waiting for its ticket), even if it told nobody.',
  })
  handled: boolean;
  @ApiProperty({ example: 2, description: 'Inbox entries the event caused; 0 when none.' })
  notifications: number;
  @ApiProperty({
    type: ParkedEventDto,
    required: false,
    description:
      'Where the event is parked, when notifications dead-lettered it and has not handled it since.',
  })
  parked?: ParkedEventDto;
}

/** One entry per event asked about. */
export class EventNotificationFactsResponseDto implements EventNotificationFactsResponse {
  @ApiProperty({ type: [EventNotificationFactsDto] }) events: EventNotificationFactsDto[];
}
