// The ways an offer, an assignment or a dispatch case refuses a command. Each says, in zh-CN and
// English, what happened — a 409 must tell the loser of a race why they lost.
import { DomainError } from '@loop/platform';
import type { AssignmentStatus } from './assignment-status';

const statusWords: Record<AssignmentStatus, { zh: string; en: string }> = {
  offered: { zh: '待接单', en: 'still on offer' },
  accepted: { zh: '已被接单', en: 'already accepted' },
  declined: { zh: '已被拒绝', en: 'already declined' },
  expired: { zh: '已超时失效', en: 'expired: the acceptance deadline passed' },
  withdrawn: { zh: '已被社区收回或改派', en: 'withdrawn or re-dispatched by the community' },
  in_progress: { zh: '正在处理中', en: 'already in progress' },
  completed: { zh: '已办结', en: 'already completed' },
  handed_back: { zh: '已退单', en: 'already handed back' },
};

/** The offer or assignment is not in a state that allows the command (lost a race, expired, withdrawn…). */
export class AssignmentStateConflictError extends DomainError {
  readonly code = 'assignment.state-conflict';
  readonly problemType = 'conflict';
  constructor(
    readonly assignmentId: string,
    readonly status: AssignmentStatus,
    readonly command: string,
  ) {
    const words = statusWords[status];
    super(`assignment ${assignmentId} cannot ${command}: it is ${status}`, {
      'zh-CN': `无法执行该操作：该任务${words.zh}。`,
      en: `This cannot be done: the task is ${words.en}.`,
    });
  }
}

/** The offer's acceptance window has passed, even if the expiry timer has not run yet. */
export class OfferExpiredError extends DomainError {
  readonly code = 'assignment.offer-expired';
  readonly problemType = 'conflict';
  constructor(readonly assignmentId: string) {
    super(`offer ${assignmentId} has expired`, {
      'zh-CN': '该派单已超时失效（超过接单时限），无法接单。',
      en: 'The offer has expired: its acceptance deadline has passed.',
    });
  }
}

/** A member or property company tried to act on a task offered to someone else. */
export class NotYourAssignmentError extends DomainError {
  readonly code = 'assignment.not-yours';
  readonly problemType = 'forbidden';
  constructor(readonly assignmentId: string) {
    super(`assignment ${assignmentId} belongs to another assignee`, {
      'zh-CN': '该任务不是派给您的。',
      en: 'This task was not offered to you.',
    });
  }
}

/** No offer or assignment with this id. */
export class AssignmentNotFoundError extends DomainError {
  readonly code = 'assignment.not-found';
  readonly problemType = 'not-found';
  constructor(readonly assignmentId: string) {
    super(`assignment ${assignmentId} not found`, {
      'zh-CN': '未找到该任务。',
      en: 'No such task.',
    });
  }
}

/** No dispatch case for this ticket (not submitted, or not yet received). */
export class DispatchCaseNotFoundError extends DomainError {
  readonly code = 'dispatch-case.not-found';
  readonly problemType = 'not-found';
  constructor(readonly ticketId: string) {
    super(`no dispatch case for ticket ${ticketId}`, {
      'zh-CN': '未找到该工单的派单记录。',
      en: 'No dispatch case for this ticket.',
    });
  }
}

/** The case already has a live offer or assignment; dispatch again with re-dispatch. */
export class CaseAlreadyDispatchedError extends DomainError {
  readonly code = 'dispatch-case.already-dispatched';
  readonly problemType = 'conflict';
  constructor(readonly ticketId: string) {
    super(`ticket ${ticketId} has already been dispatched`, {
      'zh-CN': '该工单已被派出（可能是其他工作人员刚刚派单），如需更换请改派。',
      en: 'This ticket has already been dispatched (perhaps by a colleague just now); use re-dispatch to change it.',
    });
  }
}

/** The case is resolved, closed or cancelled: nothing more to dispatch. */
export class CaseNotOpenError extends DomainError {
  readonly code = 'dispatch-case.not-open';
  readonly problemType = 'conflict';
  constructor(
    readonly ticketId: string,
    readonly status: string,
  ) {
    super(`ticket ${ticketId} is ${status}; it cannot be dispatched`, {
      'zh-CN': `该工单当前状态为「${status}」，不能派单。`,
      en: `This ticket is ${status}; it cannot be dispatched.`,
    });
  }
}

/** Re-dispatch needs a live offer or assignment to replace. */
export class NothingToRedispatchError extends DomainError {
  readonly code = 'dispatch-case.nothing-to-redispatch';
  readonly problemType = 'conflict';
  constructor(readonly ticketId: string) {
    super(`ticket ${ticketId} has no offer or assignment to re-dispatch`, {
      'zh-CN': '该工单当前没有可改派的派单，请直接派单。',
      en: 'This ticket has no offer or assignment to re-dispatch; dispatch it instead.',
    });
  }
}

/** The chosen assignee is the one who already holds the offer or assignment. */
export class SameAssigneeError extends DomainError {
  readonly code = 'dispatch-case.same-assignee';
  readonly problemType = 'rule-violated';
  constructor() {
    super('the task already belongs to this assignee', {
      'zh-CN': '该任务已派给此承接方。',
      en: 'The task is already with this assignee.',
    });
  }
}

/** A property company was chosen for a category that only party members may take. */
export class PropertyCompanyNotAllowedError extends DomainError {
  readonly code = 'dispatch-case.property-company-not-allowed';
  readonly problemType = 'rule-violated';
  constructor(readonly categoryCode: string) {
    super(`category ${categoryCode} cannot be given to a property company`, {
      'zh-CN': '该类别的工单不能派给物业公司。',
      en: 'Tickets of this category cannot be given to a property company.',
    });
  }
}

/** The chosen member or property company is unknown, inactive or not serving this ticket's community. */
export class UnknownAssigneeError extends DomainError {
  readonly code = 'dispatch-case.unknown-assignee';
  readonly problemType = 'rule-violated';
  constructor(readonly assigneeId: string) {
    super(`assignee ${assigneeId} cannot take this ticket`, {
      'zh-CN': '所选承接方不存在、已停用、不属于该社区，或（物业公司）不管理该工单所在小区。',
      en: 'The chosen assignee does not exist, is inactive, does not serve this community, or (a property company) does not manage the ticket’s compound.',
    });
  }
}

/** Staff or an official acting outside the communities or escalation level they answer for. */
export class OutsideYourScopeError extends DomainError {
  readonly code = 'dispatch-case.outside-scope';
  readonly problemType = 'forbidden';
  constructor() {
    super('the ticket is outside the communities or escalation level you answer for', {
      'zh-CN': '该工单不在您负责的社区或督办层级范围内。',
      en: 'This ticket is outside the communities or escalation level you answer for.',
    });
  }
}

/** Re-dispatch named an offer that is no longer the ticket's live one: someone acted first. */
export class RedispatchedMeanwhileError extends DomainError {
  readonly code = 'dispatch-case.changed-meanwhile';
  readonly problemType = 'conflict';
  constructor(readonly ticketId: string) {
    super(`ticket ${ticketId} was re-dispatched or answered meanwhile`, {
      'zh-CN': '该工单刚刚已被改派或处理，请刷新后再操作。',
      en: 'This ticket was re-dispatched or answered just now; refresh and try again.',
    });
  }
}
