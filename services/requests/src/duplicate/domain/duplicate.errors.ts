import { DomainError } from '@loop/platform';

/** A ticket named as the master is the duplicate itself. */
export class MergeIntoItselfError extends DomainError {
  readonly code = 'duplicate.merge-into-itself';
  readonly problemType = 'rule-violated';
  constructor() {
    super('a ticket cannot be merged into itself', {
      'zh-CN': '工单不能合并到它自己',
      en: 'A ticket cannot be merged into itself',
    });
  }
}

/** The two tickets belong to different communities; only one community's reports are merged. */
export class MergeAcrossCommunitiesError extends DomainError {
  readonly code = 'duplicate.different-community';
  readonly problemType = 'rule-violated';
  constructor() {
    super('only tickets of the same community are merged', {
      'zh-CN': '只能合并同一社区的工单',
      en: 'Only tickets of the same community can be merged',
    });
  }
}

/** The named master is itself merged into another ticket (merges never chain). */
export class MasterIsMergedError extends DomainError {
  readonly code = 'duplicate.master-is-merged';
  readonly problemType = 'conflict';
  constructor(masterOfMaster: string) {
    super(`the named master is itself merged into ticket ${masterOfMaster}; merge into that ticket`, {
      'zh-CN': '所选主工单本身已合并到其他工单，请合并到最终的主工单',
      en: 'The ticket named as master is itself merged into another ticket; merge into that one',
    });
  }
}

/** The duplicate has duplicates of its own: merging it would make a chain. */
export class DuplicateHasDuplicatesError extends DomainError {
  readonly code = 'duplicate.has-duplicates';
  readonly problemType = 'conflict';
  constructor() {
    super('the ticket has merged duplicates of its own; it cannot become a duplicate', {
      'zh-CN': '该工单已是其他重复反映的主工单，不能再合并到别的工单',
      en: 'Other reports are merged into this ticket, so it cannot itself be merged',
    });
  }
}

/** The ticket is merged into another master already. */
export class AlreadyMergedError extends DomainError {
  readonly code = 'duplicate.already-merged';
  readonly problemType = 'conflict';
  constructor(masterId: string) {
    super(`the ticket is merged into ticket ${masterId} already; unmerge it first`, {
      'zh-CN': '该工单已合并到其他主工单，请先拆分',
      en: 'The ticket is already merged into another ticket; unmerge it first',
    });
  }
}

/** The ticket is not merged, so there is nothing to unmerge. */
export class NotMergedError extends DomainError {
  readonly code = 'duplicate.not-merged';
  readonly problemType = 'conflict';
  constructor() {
    super('the ticket is not merged into another ticket', {
      'zh-CN': '该工单未合并到其他工单',
      en: 'The ticket is not merged into another ticket',
    });
  }
}

/** Only open, unresolved tickets are merged (duplicate and master alike). */
export class MergeNotOpenError extends DomainError {
  readonly code = 'duplicate.not-open';
  readonly problemType = 'conflict';
  constructor(which: 'duplicate' | 'master', status: string) {
    super(`the ${which} is ${status}; only open, unresolved tickets are merged`, {
      'zh-CN':
        which === 'master' ? '主工单已办结、撤销或待确认，不能合并' : '该工单已办结、撤销或待确认，不能合并',
      en: `The ${which} ticket is ${status.replace('_', ' ')}; only open, unresolved tickets are merged`,
    });
  }
}

/** The caller may see the ticket but not merge, unmerge or keep it apart (not its community's staff). */
export class DuplicateActionForbiddenError extends DomainError {
  readonly code = 'duplicate.action-forbidden';
  readonly problemType = 'forbidden';
  constructor() {
    super("only the community's staff, its secretary or a district admin merge and unmerge tickets", {
      'zh-CN': '只有本社区工作人员、社区书记或区级管理员可以合并或拆分工单',
      en: "Only the community's staff, its secretary or a district admin may merge or unmerge tickets",
    });
  }
}
