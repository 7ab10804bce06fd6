import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AssignmentState } from '../domain/assignment.aggregate';
import { AssignmentNotFoundError } from '../domain/assignment.errors';
import { AssignmentRepository } from '../infrastructure/assignment.typeorm-repository';
import { TaskBrief, TaskBriefQuery } from './task-brief.query';

/** An offer or assignment with its task's brief. */
export interface AssignmentWithBrief {
  assignment: AssignmentState;
  brief: TaskBrief;
}

/** A member's (or property company's) open offers and tasks in hand. */
@Injectable()
export class MyAssignmentsQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assignments: AssignmentRepository,
    private readonly briefs: TaskBriefQuery,
  ) {}

  /** Offers waiting for the assignee's answer, with what and where each task is. */
  async offers(assigneeId: string): Promise<AssignmentWithBrief[]> {
    return this.withBriefs(
      await this.assignments.ofAssignee(this.dataSource.manager, assigneeId, ['offered']),
    );
  }

  /** Accepted work, started or not, with what and where each task is. */
  async tasks(assigneeId: string): Promise<AssignmentWithBrief[]> {
    return this.withBriefs(
      await this.assignments.ofAssignee(this.dataSource.manager, assigneeId, ['accepted', 'in_progress']),
    );
  }

  /**
   * One offer or assignment of the assignee's, whatever its status, with its brief; not found when it
   * is someone else's (the answer never reveals that it exists).
   */
  async one(assigneeId: string, assignmentId: string): Promise<AssignmentWithBrief> {
    const [assignment] = await this.assignments.findMany(this.dataSource.manager, [assignmentId]);
    if (!assignment || assignment.assignee.id !== assigneeId) throw new AssignmentNotFoundError(assignmentId);
    const [withBrief] = await this.withBriefs([assignment]);
    return withBrief;
  }

  private async withBriefs(assignments: AssignmentState[]): Promise<AssignmentWithBrief[]> {
    const briefs = await this.briefs.of(assignments.map((assignment) => assignment.id));
    return assignments.map((assignment) => ({ assignment, brief: briefs.get(assignment.id)! }));
  }
}
