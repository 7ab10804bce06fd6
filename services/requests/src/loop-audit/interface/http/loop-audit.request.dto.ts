import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional } from 'class-validator';

/** Which closed tickets the audit looks at besides every open one. */
export class LoopAuditQueryDto {
  @ApiPropertyOptional({
    description:
      'Audit tickets closed or cancelled at or after this instant, with every open ticket; default 7 days ago',
    example: '2026-03-25T00:00:00+08:00',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  closedSince?: Date;
}
