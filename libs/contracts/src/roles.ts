/** The roles a person or organisation can hold (DESIGN §2). */
export const accountRoles = [
  'resident',
  'grid_worker',
  'staff',
  'secretary',
  'member',
  'official',
  'property_company',
  'admin',
  'unit_admin',
] as const;

/**
 * A role a person or organisation holds: 居民, 网格员, 社区工作者, 社区书记, 在职党员, 包联领导, 红色物业,
 * 区管理员 (`admin`, the district's administrator), 单位管理员 (`unit_admin`, one work unit's members and hours).
 */
export type AccountRole = (typeof accountRoles)[number];

/** Who can cause an event: any account role, or `system` for timers and automatic decisions. */
export const actorRoles = [...accountRoles, 'system'] as const;

/** The role of whoever caused an event; `system` for timers, auto-dispatch and auto-confirmation. */
export type ActorRole = (typeof actorRoles)[number];
