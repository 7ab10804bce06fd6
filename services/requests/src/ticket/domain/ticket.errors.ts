import { DomainError } from '@loop/platform';
import { statusNameZh, TicketStatus } from './ticket-status';

/** The ticket does not exist, or the caller may not see it (the two are indistinguishable on purpose). */
export class TicketNotFoundError extends DomainError {
  readonly code = 'ticket.not-found';
  readonly problemType = 'not-found';
  constructor(ticketId: string) {
    super(`ticket ${ticketId} not found`, {
      'zh-CN': '工单不存在或您无权查看',
      en: 'The ticket does not exist or you may not see it',
    });
  }
}

/** The ticket's current state does not allow what was asked. */
export class TicketTransitionRefusedError extends DomainError {
  readonly code = 'ticket.transition-refused';
  readonly problemType = 'conflict';
  constructor(action: 'cancel' | 'confirm' | 'reopen' | 'merge' | 'unmerge', status: TicketStatus) {
    const zhAction = { cancel: '撤销', confirm: '确认评价', reopen: '重开', merge: '合并', unmerge: '拆分' }[
      action
    ];
    const enAction = {
      cancel: 'cancelled',
      confirm: 'confirmed',
      reopen: 'reopened',
      merge: 'merged',
      unmerge: 'unmerged',
    }[action];
    super(`cannot ${action} a ticket that is ${status}`, {
      'zh-CN': `工单当前状态（${statusNameZh[status]}）不能${zhAction}`,
      en: `A ticket that is ${status.replace('_', ' ')} cannot be ${enAction}`,
    });
  }
}

/** The reopening window after resolution has passed. */
export class ReopenWindowClosedError extends DomainError {
  readonly code = 'ticket.reopen-window-closed';
  readonly problemType = 'rule-violated';
  constructor(closedAt: Date) {
    super(`the reopening window closed at ${closedAt.toISOString()}`, {
      'zh-CN': '已超过可重开的期限',
      en: 'The period in which this ticket could be reopened has passed',
    });
  }
}

/** The category is retired or unknown; new tickets cannot use it. */
export class CategoryNotAvailableError extends DomainError {
  readonly code = 'ticket.category-not-available';
  readonly problemType = 'rule-violated';
  constructor(code: string) {
    super(`category ${code} is not available for new tickets`, {
      'zh-CN': `类别 ${code} 不可用于新工单`,
      en: `Category ${code} cannot be used for new tickets`,
    });
  }
}

/** The caller tried to file a ticket the way their role does not allow (source, resident, location). */
export class FilingNotAllowedError extends DomainError {
  readonly code = 'ticket.filing-not-allowed';
  readonly problemType = 'forbidden';
  constructor(reason: string, zh: string) {
    super(reason, { 'zh-CN': zh, en: reason.charAt(0).toUpperCase() + reason.slice(1) });
  }
}

/** The caller acted on a ticket they may see but may not change in this way. */
export class TicketActionForbiddenError extends DomainError {
  readonly code = 'ticket.action-forbidden';
  readonly problemType = 'forbidden';
  constructor(action: string) {
    super(`not allowed to ${action} this ticket`, {
      'zh-CN': '您无权对该工单执行此操作',
      en: `You may not ${action} this ticket`,
    });
  }
}

/** Whoever filed a ticket for someone else may not give the verdict on it: it would rate their own filing. */
export class OwnFilingVerdictError extends DomainError {
  readonly code = 'ticket.own-filing-verdict';
  readonly problemType = 'forbidden';
  constructor() {
    super('the filer of a ticket may not confirm or rate it', {
      'zh-CN': '代为提交工单的人不能确认或评价该工单：请由群众本人确认，或由社区其他工作人员回访确认',
      en: 'Whoever filed a ticket may not confirm or rate it: the resident confirms it, or other community staff call back',
    });
  }
}

/** A merged duplicate follows its master: it is not reopened on its own (staff unmerge it first). */
export class MergedDuplicateActionError extends DomainError {
  readonly code = 'ticket.merged-duplicate';
  readonly problemType = 'conflict';
  constructor(action: 'reopen') {
    super(`a merged duplicate cannot be ${action}ed on its own; the community unmerges it first`, {
      'zh-CN': '该工单已合并到同一问题的主工单，不能单独重开；如问题不同，请社区先拆分',
      en: 'This ticket was merged into another report of the same problem and cannot be reopened on its own; the community unmerges it first',
    });
  }
}

/** A master with merged duplicates is not cancelled: the other reporters' problem would be dropped with it. */
export class MasterHasDuplicatesError extends DomainError {
  readonly code = 'ticket.has-duplicates';
  readonly problemType = 'conflict';
  constructor(count: number) {
    super(`the ticket has ${count} merged duplicate(s); the community unmerges them before it is cancelled`, {
      'zh-CN': `该工单已合并了 ${count} 条重复反映，撤销前请社区先拆分`,
      en: `${count} other report(s) of the same problem were merged into this ticket; the community unmerges them before it is cancelled`,
    });
  }
}
