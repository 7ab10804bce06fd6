import { ApiProperty } from '@nestjs/swagger';
import { LOOP_AUDIT_BATCH_SIZE, LoopAuditFactsRequest } from '@loop/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';

/** The tickets the loop auditor asks about, one batch at a time. */
export class LoopAuditFactsRequestDto implements LoopAuditFactsRequest {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: LOOP_AUDIT_BATCH_SIZE,
    description: 'Ticket ids.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LOOP_AUDIT_BATCH_SIZE)
  @IsUUID('all', { each: true })
  ids: string[];
}
