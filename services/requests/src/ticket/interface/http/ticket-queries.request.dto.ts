import { ApiPropertyOptional } from '@nestjs/swagger';
import { ticketCategories, ticketUrgencies } from '@loop/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { TicketStatus, ticketStatuses } from '../../domain/ticket-status';

const list = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;
const flag = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** Filters and paging of the resident's own list. */
export class ListMyTicketsQueryDto {
  @ApiPropertyOptional({
    description: 'Statuses, comma-separated',
    example: 'submitted,dispatched',
    type: String,
  })
  @IsOptional()
  @Transform(list)
  @IsIn(ticketStatuses, { each: true })
  status?: TicketStatus[];

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

/** Filters and paging of the staff and officials' search. */
export class SearchTicketsQueryDto extends ListMyTicketsQueryDto {
  @ApiPropertyOptional({ enum: ticketCategories.map((category) => category.code) })
  @IsOptional()
  @IsIn(ticketCategories.map((category) => category.code))
  categoryCode?: string;

  @ApiPropertyOptional({ description: 'One community within your scope' })
  @IsOptional()
  @IsUUID()
  communityId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  gridId?: string;

  @ApiPropertyOptional({ enum: ticketUrgencies })
  @IsOptional()
  @IsIn(ticketUrgencies)
  urgency?: string;

  @ApiPropertyOptional({ description: 'Open tickets past their next deadline (true) or not (false)' })
  @IsOptional()
  @Transform(flag)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Tickets with an escalation level (true) or without (false)' })
  @IsOptional()
  @Transform(flag)
  @IsBoolean()
  escalated?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number;

  @ApiPropertyOptional({
    description: 'Free text in title, description, address or ticket number',
    example: '楼道灯',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
