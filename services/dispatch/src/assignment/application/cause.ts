// Who or what caused a change comes from the shared unit of work; dispatch only names the automatic
// processes it acts under.
export { requestCause, systemCause } from '@loop/messaging';
export type { Cause } from '@loop/messaging';

/** The name the system acts under for auto-dispatch. */
export const AUTO_DISPATCHER = 'auto-dispatch';
/** The name the system acts under for deadline timers. */
export const SLA_TIMER = 'sla-timer';
/** The name the system acts under when it puts a ticket in the community's queue for staff. */
export const DISPATCH_QUEUE = 'dispatch-queue';
