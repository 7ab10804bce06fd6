// The ways a summons (吹哨报到) refuses a command, in zh-CN and English.
import { DomainError } from '@loop/platform';
import type { SummonsStatus } from './summons-status';

const statusWords: Record<SummonsStatus, { zh: string; en: string }> = {
  issued: { zh: '尚未报到', en: 'not checked in yet' },
  checked_in: { zh: '已报到', en: 'already checked in' },
  reported: { zh: '已反馈处置结果', en: 'already reported' },
  released: { zh: '已被社区解除', en: 'released by the community' },
};

/** No summons with this id. */
export class SummonsNotFoundError extends DomainError {
  readonly code = 'summons.not-found';
  readonly problemType = 'not-found';
  constructor(readonly summonsId: string) {
    super(`summons ${summonsId} not found`, { 'zh-CN': '未找到该召集记录。', en: 'No such summons.' });
  }
}

/** The summons is not in a state that allows the command (checked in twice, reported before arriving…). */
export class SummonsStateConflictError extends DomainError {
  readonly code = 'summons.state-conflict';
  readonly problemType = 'conflict';
  constructor(
    readonly summonsId: string,
    readonly status: SummonsStatus,
    readonly command: string,
  ) {
    const words = statusWords[status];
    super(`summons ${summonsId} cannot ${command}: it is ${status}`, {
      'zh-CN': `无法执行该操作：该部门${words.zh}。`,
      en: `This cannot be done: the department is ${words.en}.`,
    });
  }
}

/** A department's admin acted on a summons of another department. */
export class NotYourSummonsError extends DomainError {
  readonly code = 'summons.not-yours';
  readonly problemType = 'forbidden';
  constructor(readonly summonsId: string) {
    super(`summons ${summonsId} is addressed to another department`, {
      'zh-CN': '该召集不是发给您所在部门的。',
      en: 'This summons is addressed to another department.',
    });
  }
}

/** The ticket's work cannot be reported done while a summoned department has neither reported nor been released. */
export class SummonsOutstandingError extends DomainError {
  readonly code = 'summons.outstanding';
  readonly problemType = 'conflict';
  constructor(
    readonly ticketId: string,
    readonly departmentLabels: readonly string[],
  ) {
    super(`ticket ${ticketId} waits for summoned departments: ${departmentLabels.join(', ')}`, {
      'zh-CN': `以下召集部门尚未反馈处置结果或被解除，暂不能办结：${departmentLabels.join('、')}。`,
      en: `The work cannot be completed yet: summoned departments have not reported or been released (${departmentLabels.join(', ')}).`,
    });
  }
}

/** Only an open ticket can have departments summoned. */
export class TicketNotSummonableError extends DomainError {
  readonly code = 'summons.ticket-not-open';
  readonly problemType = 'conflict';
  constructor(
    readonly ticketId: string,
    readonly status: string,
  ) {
    super(`ticket ${ticketId} is ${status}: departments can only be summoned to an open ticket`, {
      'zh-CN': '该工单已办结、关闭或撤销，不能再召集部门。',
      en: 'Departments can only be summoned to an open ticket.',
    });
  }
}

/** A named department does not exist or is a work unit, not a functional department. */
export class UnknownDepartmentError extends DomainError {
  readonly code = 'summons.unknown-department';
  readonly problemType = 'rule-violated';
  constructor(readonly departmentId: string) {
    super(`${departmentId} is not a functional department of the directory`, {
      'zh-CN': '所选单位不是目录中的职能部门。',
      en: 'The unit is not a functional department of the directory.',
    });
  }
}

/** The department is already summoned to the ticket and has not reported or been released. */
export class DepartmentAlreadySummonedError extends DomainError {
  readonly code = 'summons.already-summoned';
  readonly problemType = 'conflict';
  constructor(
    readonly ticketId: string,
    readonly departmentLabel: string,
  ) {
    super(`${departmentLabel} is already summoned to ticket ${ticketId}`, {
      'zh-CN': `${departmentLabel} 已被召集，尚未反馈或解除。`,
      en: `${departmentLabel} is already summoned to this ticket.`,
    });
  }
}

/** The caller does not answer for the ticket's community. */
export class OutsideSummonsScopeError extends DomainError {
  readonly code = 'summons.outside-scope';
  readonly problemType = 'forbidden';
  constructor() {
    super('only the staff or secretary of the ticket’s community, or the district admin, may do this', {
      'zh-CN': '只有该工单所属社区的工作人员、书记或区级管理员可以执行此操作。',
      en: 'Only the staff or secretary of the ticket’s community, or the district admin, may do this.',
    });
  }
}
