import { DomainError } from '@loop/platform';

/** No such activity. */
export class ActivityNotFoundError extends DomainError {
  readonly code = 'activity.not-found';
  readonly problemType = 'not-found';
  constructor(activityId: string) {
    super(`activity ${activityId} not found`, {
      'zh-CN': '未找到该志愿活动',
      en: 'No such volunteer activity',
    });
  }
}

/** The activity's window is not usable. */
export class ActivityWindowInvalidError extends DomainError {
  readonly code = 'activity.window-invalid';
  readonly problemType = 'rule-violated';
  constructor(detail: string) {
    super(`activity window invalid: ${detail}`, {
      'zh-CN': '活动时间不合规则：结束须晚于开始，且一次活动不超过 24 小时',
      en: 'The activity must end after it starts and last at most 24 hours',
    });
  }
}

/** The member already holds a place (or a waiting-list place) on the activity. */
export class AlreadySignedUpError extends DomainError {
  readonly code = 'activity.already-signed-up';
  readonly problemType = 'conflict';
  constructor() {
    super('member already signed up', {
      'zh-CN': '您已报名该活动',
      en: 'You have already signed up for this activity',
    });
  }
}

/** The member holds no place on the activity. */
export class NotSignedUpError extends DomainError {
  readonly code = 'activity.not-signed-up';
  readonly problemType = 'not-found';
  constructor() {
    super('member not signed up', {
      'zh-CN': '该党员未报名此活动',
      en: 'The member has not signed up for this activity',
    });
  }
}

/** Attendance was recorded in the wrong order (check-in twice, check-out before check-in, withdrawal after check-in…). */
export class AttendanceStateError extends DomainError {
  readonly code = 'activity.attendance-conflict';
  readonly problemType = 'conflict';
  constructor(detail: string, zh: string) {
    super(`attendance conflict: ${detail}`, { 'zh-CN': zh, en: detail });
  }
}

/** The attendance code is not the one the organiser shows on site. */
export class WrongAttendanceCodeError extends DomainError {
  readonly code = 'activity.wrong-attendance-code';
  readonly problemType = 'rule-violated';
  constructor() {
    super('the attendance code is not this activity’s', {
      'zh-CN': '签到码不正确，请向现场组织者核对',
      en: 'The attendance code is not this activity’s; ask the organiser on site',
    });
  }
}

/** The caller may not publish or organise this activity. */
export class ActivityAccessDeniedError extends DomainError {
  readonly code = 'activity.access-denied';
  readonly problemType = 'forbidden';
  constructor(what: string) {
    super(`not allowed to ${what}`, {
      'zh-CN': '无权组织或管理该志愿活动',
      en: 'You may not organise or manage this activity',
    });
  }
}
