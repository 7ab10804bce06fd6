import { DomainError } from '@loop/platform';

/** A report asked about a community the reader does not answer for. */
export class CommunityOutsideScopeError extends DomainError {
  readonly code = 'report.outside-scope';
  readonly problemType = 'forbidden';
  constructor() {
    super('a community outside your scope', {
      'zh-CN': '所选社区不在您的管辖范围内',
      en: 'A community you asked about is outside your scope',
    });
  }
}
