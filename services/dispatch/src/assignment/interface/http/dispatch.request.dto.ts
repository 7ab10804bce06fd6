import { ApiProperty } from '@nestjs/swagger';
import { AssigneeKind, assigneeKinds, IsAccountId } from '@loop/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsUUID, ValidateNested } from 'class-validator';

/** The member or property company to offer the work to. */
export class AssigneeRequest {
  @ApiProperty({ enum: assigneeKinds, example: 'member' })
  @IsIn(assigneeKinds)
  kind: AssigneeKind;

  @ApiProperty({ example: 'member-0042', description: 'Account id of the member or property company.' })
  @IsAccountId()
  id: string;
}

/** Dispatching (or re-dispatching) a ticket by hand. */
export class DispatchTicketRequest {
  @ApiProperty({ type: AssigneeRequest })
  @ValidateNested()
  @Type(() => AssigneeRequest)
  assignee: AssigneeRequest;
}

/** Re-dispatching: the offer or assignment replaced, and the new assignee. */
export class RedispatchTicketRequest extends DispatchTicketRequest {
  @ApiProperty({
    format: 'uuid',
    description: 'The live offer or assignment being replaced; a stale one gets 409 (someone acted first).',
  })
  @IsUUID()
  replacesAssignmentId: string;
}
