// What the benchmark knows of each ticket's trip round the loop: the moments the driver acted and the
// moments the observer saw each fact on Kafka. Drivers wait here for the fact that lets them act next.

/** Epoch milliseconds of each step of one ticket's loop; absent until it happened. */
export interface LoopTrace {
  /** The resident's submit request was sent. */
  submitSentAt: number;
  /** The submit request was answered (201). */
  submitAnsweredAt?: number;
  /** ticket.dispatched: dispatch committed the offer (its dispatchedAt). */
  offeredAt?: number;
  /** ticket.dispatched was seen on Kafka: the earliest a member's app learns of the offer. */
  offerSeenAt?: number;
  assignmentId?: string;
  memberId?: string;
  /** The member's accept request was answered (200). */
  acceptAnsweredAt?: number;
  /** assignment.accepted (its acceptedAt): the ticket's owner is known. */
  acceptedAt?: number;
  /** work.completed (its completedAt). */
  completedAt?: number;
  /** The resident's notification of the completion was delivered (notification.delivered seen on Kafka). */
  residentToldAt?: number;
  /** ticket.confirmed (its confirmedAt) and its event id, which the hours credit names as its cause. */
  confirmedAt?: number;
  /** hours.credited (its creditedAt): the loop is closed. */
  creditedAt?: number;
  /** hours.credited was seen on Kafka. */
  creditSeenAt?: number;
}

/** The hops reported, in loop order. */
export const hopNames = [
  'submit → offered',
  'submit → offer committed',
  'offered → accepted',
  'offer committed → accept committed',
  'completed → hours credited',
  'confirmed → hours credited',
  'event → notification',
  'end to end',
] as const;

/** One of the reported hops. */
export type HopName = (typeof hopNames)[number];

/** What each hop measures, for the results file. */
export const hopDefinitions: Record<HopName, string> = {
  'submit → offered':
    'submit request sent → ticket.dispatched seen on Kafka by the benchmark (the moment the member is driven to act)',
  'submit → offer committed':
    'submit request sent → dispatchedAt of ticket.dispatched (the offer row is visible in GET /me/offers)',
  'offered → accepted': "offer seen → the member's accept request answered 200 (as the member sees it)",
  'offer committed → accept committed':
    'dispatchedAt → acceptedAt of assignment.accepted (as the ticket records it)',
  'completed → hours credited':
    "completedAt of work.completed → creditedAt of hours.credited (includes the resident's confirmation, sent once their notification of the completion is delivered and accepted once requests has seen the completion)",
  'confirmed → hours credited': 'confirmedAt of ticket.confirmed → creditedAt of hours.credited',
  'event → notification':
    'occurredAt of the causing event → deliveredAt of notification.delivered, over every notification of the run',
  'end to end': 'submit request sent → hours.credited seen on Kafka (one closed loop)',
};

/** The latencies of each hop in milliseconds, over the traces given (incomplete traces add what they have). */
export function hopLatencies(
  traces: Iterable<LoopTrace>,
  notificationLatencies: readonly number[] = [],
): Record<HopName, number[]> {
  const hops = Object.fromEntries(hopNames.map((name) => [name, [] as number[]])) as Record<
    HopName,
    number[]
  >;
  const add = (name: HopName, from: number | undefined, to: number | undefined) => {
    if (from !== undefined && to !== undefined) hops[name].push(to - from);
  };
  for (const t of traces) {
    add('submit → offered', t.submitSentAt, t.offerSeenAt);
    add('submit → offer committed', t.submitSentAt, t.offeredAt);
    add('offered → accepted', t.offerSeenAt, t.acceptAnsweredAt);
    add('offer committed → accept committed', t.offeredAt, t.acceptedAt);
    add('completed → hours credited', t.completedAt, t.creditedAt);
    add('confirmed → hours credited', t.confirmedAt, t.creditedAt);
    add('end to end', t.submitSentAt, t.creditSeenAt);
  }
  hops['event → notification'].push(...notificationLatencies);
  return hops;
}

/** Closed loops per second between `from` and `to` (epoch ms): loops whose credit was seen in that window. */
export function closedLoopsPerSecond(traces: Iterable<LoopTrace>, from: number, to: number): number {
  if (to <= from) return Number.NaN;
  let closed = 0;
  for (const trace of traces) {
    if (trace.creditSeenAt !== undefined && trace.creditSeenAt >= from && trace.creditSeenAt < to) closed++;
  }
  return closed / ((to - from) / 1_000);
}

/** The facts a driver waits for before its next step. */
export type AwaitedFact = 'offered' | 'completed' | 'resident told' | 'credited';

/** Traces by ticket id, and the drivers waiting for a fact about a ticket. */
export class LoopTraces {
  private readonly traces = new Map<string, LoopTrace>();
  private readonly waiting = new Map<string, () => void>();
  /** Facts seen before the driver knew the ticket's id (the submit answer can trail the offer). */
  private readonly early = new Map<string, Partial<LoopTrace>>();

  /** Every trace so far. */
  all(): IterableIterator<LoopTrace> {
    return this.traces.values();
  }

  /** The ids of every submitted ticket. */
  ticketIds(): IterableIterator<string> {
    return this.traces.keys();
  }

  /** Starts the trace of a submitted ticket, merging facts the observer saw before the answer came. */
  submitted(ticketId: string, trace: LoopTrace): LoopTrace {
    const merged = { ...trace, ...this.early.get(ticketId) };
    this.early.delete(ticketId);
    this.traces.set(ticketId, merged);
    return merged;
  }

  /** Records facts about a ticket and wakes its driver when one it waits for arrived. */
  record(ticketId: string, facts: Partial<LoopTrace>, fact?: AwaitedFact): void {
    const trace = this.traces.get(ticketId);
    if (!trace) {
      this.early.set(ticketId, { ...this.early.get(ticketId), ...facts });
      return;
    }
    Object.assign(trace, facts);
    if (fact) {
      const key = `${ticketId}/${fact}`;
      this.waiting.get(key)?.();
      this.waiting.delete(key);
    }
  }

  /** Resolves once the fact about the ticket was recorded; rejects after `timeoutMs`. */
  async until(ticketId: string, fact: AwaitedFact, timeoutMs: number): Promise<LoopTrace> {
    const has = (trace: LoopTrace | undefined) =>
      fact === 'offered'
        ? trace?.offerSeenAt !== undefined
        : fact === 'completed'
          ? trace?.completedAt !== undefined
          : fact === 'resident told'
            ? trace?.residentToldAt !== undefined
            : trace?.creditSeenAt !== undefined;
    const trace = this.traces.get(ticketId);
    if (!trace) throw new Error(`ticket ${ticketId} was never submitted`);
    if (has(trace)) return trace;
    const key = `${ticketId}/${fact}`;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(key);
        reject(new Error(`no ${fact} for ticket ${ticketId} within ${timeoutMs / 1_000} s`));
      }, timeoutMs);
      this.waiting.set(key, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return trace;
  }
}
