import { IsIn } from 'class-validator';
import { Describe } from '../../schema/contract-metadata';
import { IsAccountId } from '../../schema/contract-validators';

/** Who can be given a ticket's work: a party member (在职党员) or a property company (红色物业). */
export const assigneeKinds = ['member', 'property_company'] as const;

/** The kind of assignee. */
export type AssigneeKind = (typeof assigneeKinds)[number];

/** The party member or property company a ticket's work is offered or assigned to. */
@Describe('The party member (在职党员) or property company (红色物业) a ticket is offered or assigned to.')
export class AssigneeRef {
  @Describe('member for a party member, property_company for a property company.')
  @IsIn(assigneeKinds)
  kind: AssigneeKind;

  @Describe('Account id of the member or property company (the directory id).')
  @IsAccountId()
  id: string;
}
