import { ApiProperty } from '@nestjs/swagger';
import { LOOP_AUDIT_BATCH_SIZE, LoopAuditFactsRequest } from '@loop/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';

/** Body of every `POST /audit/…` facts endpoint: one batch of the ids the loop auditor asks about. */
export class LoopAuditFactsRequestDto implements LoopAuditFactsRequest {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: LOOP_AUDIT_BATCH_SIZE,
    description: 'Ticket ids (dispatch cases, ticket hours) or event ids (event notifications).',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LOOP_AUDIT_BATCH_SIZE)
  @IsUUID('all', { each: true })
  ids!: string[];
}
