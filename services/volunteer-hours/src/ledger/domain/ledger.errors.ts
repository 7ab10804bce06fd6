import { DomainError } from '@loop/platform';

/** An entry would break a ledger invariant (sign, size, a second reversal). */
export class LedgerInvariantError extends DomainError {
  readonly code = 'ledger.invariant-broken';
  readonly problemType = 'rule-violated';
  constructor(detail: string) {
    super(`ledger invariant broken: ${detail}`, {
      'zh-CN': `服务时长记录不合规则：${detail}`,
      en: `The ledger entry breaks a rule: ${detail}`,
    });
  }
}

/** Nothing is known about the member: no entries and no directory record. */
export class MemberNotFoundError extends DomainError {
  readonly code = 'member.not-found';
  readonly problemType = 'not-found';
  constructor(memberId: string) {
    super(`member ${memberId} is not known`, {
      'zh-CN': '未找到该党员',
      en: 'No such member',
    });
  }
}

/** An Idempotency-Key already used for a different request. */
export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'ledger.idempotency-key-reused';
  readonly problemType = 'conflict';
  constructor() {
    super('idempotency key already used for another member', {
      'zh-CN': '该幂等键已用于另一条记录',
      en: 'This Idempotency-Key was already used for a different request',
    });
  }
}
