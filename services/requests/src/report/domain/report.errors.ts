import { DomainError } from '@loop/platform';

/** The report asked for a community or grid outside the caller's scope. */
export class ReportOutsideScopeError extends DomainError {
  readonly code = 'report.outside-scope';
  readonly problemType = 'forbidden';
  constructor() {
    super('the community or grid is outside your scope', {
      'zh-CN': '所选社区或网格不在您的管辖范围内',
      en: 'The community or grid is outside your scope',
    });
  }
}

/** The period is empty or reversed. */
export class InvalidReportPeriodError extends DomainError {
  readonly code = 'report.invalid-period';
  readonly problemType = 'rule-violated';
  constructor() {
    super('the period must start before it ends', {
      'zh-CN': '统计区间的开始时间必须早于结束时间',
      en: 'The period must start before it ends',
    });
  }
}

/** A monthly report over more communities than one report holds. */
export class TooManyCommunitiesError extends DomainError {
  readonly code = 'report.too-many-communities';
  readonly problemType = 'rule-violated';
  constructor(limit: number) {
    super(`a monthly report covers at most ${limit} communities`, {
      'zh-CN': `月报一次最多包含 ${limit} 个社区，请按社区分别生成`,
      en: `A monthly report covers at most ${limit} communities; ask for them one by one`,
    });
  }
}
