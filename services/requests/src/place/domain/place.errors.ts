import { DomainError } from '@loop/platform';

/** What a location names that the directory does not know (or has retired). */
export type UnknownPlaceKind = 'community' | 'compound' | 'building' | 'household';

const placeNames: Record<UnknownPlaceKind, { zh: string; en: string }> = {
  community: { zh: '社区', en: 'community' },
  compound: { zh: '小区', en: 'compound' },
  building: { zh: '楼栋', en: 'building' },
  household: { zh: '住户', en: 'household' },
};

/** The ticket names a place the directory does not know: a ticket there would have nobody to serve it. */
export class UnknownPlaceError extends DomainError {
  readonly code = 'ticket.location-unknown';
  readonly problemType = 'rule-violated';
  constructor(
    readonly kind: UnknownPlaceKind,
    id: string,
  ) {
    const name = placeNames[kind];
    super(`the ${name.en} ${id} is not in the directory`, {
      'zh-CN': `名录中没有该${name.zh}，请核对后重新选择`,
      en: `No such ${name.en} in the directory; check the location and choose again`,
    });
  }
}

/** The places of a location do not lie in one another (a grid of another community, a foreign household). */
export class PlaceMismatchError extends DomainError {
  readonly code = 'ticket.location-mismatch';
  readonly problemType = 'rule-violated';
  constructor(reason: string, zh: string) {
    super(reason, { 'zh-CN': zh, en: reason.charAt(0).toUpperCase() + reason.slice(1) });
  }
}

/** A resident files only where they are registered to a household (居民住户登记). */
export class ResidentNotRegisteredError extends DomainError {
  readonly code = 'ticket.resident-not-registered';
  readonly problemType = 'forbidden';
  constructor(household: boolean) {
    super(
      household
        ? 'you are not registered to this household'
        : 'you are not registered to a household of this community',
      household
        ? {
            'zh-CN': '您未登记为该住户的居民，请选择您登记的住户',
            en: 'You are not registered to this household; choose a household you are registered to',
          }
        : {
            'zh-CN': '您尚未在该社区登记住户，请到社区服务站登记后再提交',
            en: 'You are not registered to a household of this community; register at the community service desk first',
          },
    );
  }
}
