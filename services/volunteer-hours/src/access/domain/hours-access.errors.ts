import { DomainError } from '@loop/platform';

/** The caller may not see or change this member's, unit's or community's hours. */
export class HoursAccessDeniedError extends DomainError {
  readonly code = 'hours.access-denied';
  readonly problemType = 'forbidden';
  constructor(what: string) {
    super(`access to ${what} denied`, {
      'zh-CN': '无权查看或修改该范围的服务时长',
      en: 'You may not see or change the service hours in this scope',
    });
  }
}
