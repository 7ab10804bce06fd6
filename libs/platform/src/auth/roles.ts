import { AccountRole, accountRoles } from '@loop/contracts';

// The role names are declared once, in the contracts (events carry them as the actor's role);
// tokens carry the same names in their `roles` claim.

/** The roles people have in the loop (DESIGN §2), as tokens carry them in the `roles` claim. */
export const ROLES = accountRoles;

/** A role a person can hold. */
export type Role = AccountRole;

/** True when `value` is one of the known roles. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
