import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AssignmentState } from '../domain/assignment.aggregate';
import { AssignmentRepository } from '../infrastructure/assignment.typeorm-repository';

/** A member's (or property company's) open offers and tasks in hand. */
@Injectable()
export class MyAssignmentsQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assignments: AssignmentRepository,
  ) {}

  /** Offers waiting for the assignee's answer. */
  offers(assigneeId: string): Promise<AssignmentState[]> {
    return this.assignments.ofAssignee(this.dataSource.manager, assigneeId, ['offered']);
  }

  /** Accepted work, started or not. */
  tasks(assigneeId: string): Promise<AssignmentState[]> {
    return this.assignments.ofAssignee(this.dataSource.manager, assigneeId, ['accepted', 'in_progress']);
  }
}
