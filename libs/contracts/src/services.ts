/** The services of the loop; every event names one of them as producer and at least one as consumer. */
export const serviceNames = ['requests', 'dispatch', 'volunteer-hours', 'notifications'] as const;

/** One of the loop's services (DESIGN §3). */
export type ServiceName = (typeof serviceNames)[number];

/** Whether a string names one of the loop's services. */
export function isServiceName(value: string): value is ServiceName {
  return (serviceNames as readonly string[]).includes(value);
}
