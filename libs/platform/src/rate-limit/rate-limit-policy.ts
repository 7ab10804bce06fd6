/** How many writes of one kind one person may make per window. */
export interface RateLimitPolicy {
  /** Requests allowed per person in one window. */
  limit: number;
  /** Length of the window in whole seconds; the count starts at a person's first request in it. */
  windowSeconds: number;
}

/** The limits of a service, by the bucket name its routes give to {@link RateLimited}. */
export type RateLimitPolicies = Readonly<Record<string, RateLimitPolicy>>;
