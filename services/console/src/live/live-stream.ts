// The person's live notifications over Server-Sent Events (notifications service, ADR 0042), resumed
// without gaps or duplicates: EventSource reconnects by itself and sends Last-Event-ID; when it gives up
// (the connection was refused, or the token changed) this opens a new one after a pause, passing the last
// sequence seen as `lastEventId`, and drops anything at or below it.

/** The part of EventSource the stream uses, so tests can drive it. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

/** Opens an EventSource on a URL. */
export type EventSourceFactory = (url: string) => EventSourceLike;

/** A notification as the stream carries it: its sequence is the event id. */
export interface LiveNotification {
  sequence: number;
  kind?: string;
  ticketId?: string | null;
  title?: string;
  [field: string]: unknown;
}

/** What the stream tells its owner. */
export interface LiveStreamHandlers {
  onNotification: (notification: LiveNotification) => void;
  /** Each (re)connection: a screen reloads what it shows, in case it missed something while away. */
  onOpen?: () => void;
}

/** How the stream connects. */
export interface LiveStreamOptions {
  /** Base URL of the stream, e.g. `/api/notifications/me/stream`. */
  url: string;
  /** The bearer token; EventSource cannot set headers, so it goes in the query string. */
  token: () => string | undefined;
  /** Opens the connection; the browser's EventSource unless a test gives one. */
  open?: EventSourceFactory;
  /** Pause before opening a new connection after one closed; doubles up to 30 s (default 1 s). */
  retryMs?: number;
  /** Schedules the reconnect; setTimeout unless a test gives one. */
  schedule?: (run: () => void, ms: number) => unknown;
}

const CLOSED = 2;

/** A resumable subscription to the person's notifications. */
export class LiveStream {
  private source: EventSourceLike | undefined;
  private lastSequence = 0;
  private failures = 0;
  private stopped = true;

  constructor(
    private readonly options: LiveStreamOptions,
    private readonly handlers: LiveStreamHandlers,
  ) {}

  /** The last sequence delivered, which a reconnect resumes after. */
  get lastEventId(): number {
    return this.lastSequence;
  }

  /** Connects (again); a no-op while connected. */
  start(): void {
    this.stopped = false;
    if (!this.source) this.connect();
  }

  /** Closes the connection and stops reconnecting. */
  stop(): void {
    this.stopped = true;
    this.source?.close();
    this.source = undefined;
  }

  private connect(): void {
    const token = this.options.token();
    if (!token || this.stopped) return;
    const query = new URLSearchParams({ access_token: token });
    if (this.lastSequence > 0) query.set('lastEventId', String(this.lastSequence));
    const open = this.options.open ?? ((url: string) => new EventSource(url));
    const source = open(`${this.options.url}?${query}`);
    this.source = source;
    source.onopen = () => {
      this.failures = 0;
      this.handlers.onOpen?.();
    };
    source.addEventListener('notification', (event) => this.deliver(event));
    source.onerror = () => {
      // CONNECTING: EventSource retries by itself with Last-Event-ID. CLOSED: it gave up; start over.
      if (source.readyState !== CLOSED || this.source !== source) return;
      source.close();
      this.source = undefined;
      const pause = Math.min(30_000, (this.options.retryMs ?? 1000) * 2 ** this.failures);
      this.failures += 1;
      const schedule = this.options.schedule ?? ((run: () => void, ms: number) => setTimeout(run, ms));
      schedule(() => {
        if (!this.stopped && !this.source) this.connect();
      }, pause);
    };
  }

  private deliver(event: MessageEvent<string>): void {
    let notification: LiveNotification;
    try {
      notification = JSON.parse(event.data) as LiveNotification;
    } catch {
      return;
    }
    const sequence = Number(event.lastEventId || notification.sequence);
    if (!Number.isFinite(sequence) || sequence <= this.lastSequence) return;
    this.lastSequence = sequence;
    this.handlers.onNotification({ ...notification, sequence });
  }
}
