// The ticket category catalogue. Codes are part of the contract: they travel in ticket.submitted,
// dispatch matches them to members' skills and deadlines, and reports group by them — so a code is
// never renamed or reused; a retired category stays listed as inactive.

/** One category of resident request. */
export interface TicketCategory {
  /** Stable code, e.g. `property.repair`. */
  code: string;
  /** Name shown to residents and staff (zh-CN). */
  nameZh: string;
  /** Name in English. */
  nameEn: string;
  /** True when a property company (红色物业) may be the assignee instead of a party member. */
  propertyCompanyAssignable: boolean;
  /** Member skills that fit the category, used when ranking candidates. */
  skills: readonly string[];
  /** False for a retired category: still valid on old tickets, refused on new ones. */
  active: boolean;
}

/** Every ticket category, in the order they are offered to residents. */
export const ticketCategories: readonly TicketCategory[] = [
  {
    code: 'property.repair',
    nameZh: '物业维修',
    nameEn: 'Property repairs',
    propertyCompanyAssignable: true,
    skills: ['repair', 'electrical', 'plumbing'],
    active: true,
  },
  {
    code: 'property.management',
    nameZh: '物业管理与服务纠纷',
    nameEn: 'Property management and service disputes',
    propertyCompanyAssignable: true,
    skills: ['mediation'],
    active: true,
  },
  {
    code: 'environment.sanitation',
    nameZh: '环境卫生',
    nameEn: 'Environment and sanitation',
    propertyCompanyAssignable: true,
    skills: ['cleaning'],
    active: true,
  },
  {
    code: 'city.management',
    nameZh: '城市管理',
    nameEn: 'City management',
    propertyCompanyAssignable: false,
    skills: ['inspection'],
    active: true,
  },
  {
    code: 'neighbour.dispute',
    nameZh: '邻里纠纷',
    nameEn: 'Neighbour disputes',
    propertyCompanyAssignable: false,
    skills: ['mediation', 'legal'],
    active: true,
  },
  {
    code: 'elderly.disabled.help',
    nameZh: '助老助残',
    nameEn: 'Help for the elderly and disabled',
    propertyCompanyAssignable: false,
    skills: ['elderly_care', 'errands'],
    active: true,
  },
  {
    code: 'public.health',
    nameZh: '公共卫生',
    nameEn: 'Public health',
    propertyCompanyAssignable: false,
    skills: ['medical'],
    active: true,
  },
  {
    code: 'safety.hazard',
    nameZh: '安全隐患',
    nameEn: 'Safety hazards',
    propertyCompanyAssignable: true,
    skills: ['safety', 'electrical'],
    active: true,
  },
  {
    code: 'public.sentiment',
    nameZh: '社情民意',
    nameEn: 'Public sentiment',
    propertyCompanyAssignable: false,
    skills: ['outreach'],
    active: true,
  },
  {
    code: 'other',
    nameZh: '其他',
    nameEn: 'Other',
    propertyCompanyAssignable: false,
    skills: [],
    active: true,
  },
];

/** The category with this code, or undefined. */
export function ticketCategory(code: string): TicketCategory | undefined {
  return ticketCategories.find((category) => category.code === code);
}
