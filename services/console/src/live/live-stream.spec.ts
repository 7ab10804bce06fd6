import { describe, expect, it } from 'vitest';
import { LiveStream, type EventSourceLike, type LiveNotification } from './live-stream';

/** A scriptable EventSource: the test opens it, sends events and closes it. */
class FakeEventSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private readonly listeners = new Map<string, (event: MessageEvent<string>) => void>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, listener);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  send(sequence: number, body: object = {}): void {
    const data = JSON.stringify({ sequence, ...body });
    this.listeners.get('notification')?.(
      new MessageEvent('notification', { data, lastEventId: String(sequence) }),
    );
  }
  fail(readyState: number): void {
    this.readyState = readyState;
    this.onerror?.(new Event('error'));
  }
}

function harness() {
  const sources: FakeEventSource[] = [];
  const scheduled: Array<{ run: () => void; ms: number }> = [];
  const received: LiveNotification[] = [];
  let opens = 0;
  const stream = new LiveStream(
    {
      url: '/api/notifications/me/stream',
      token: () => 'token-1',
      open: (url) => {
        const source = new FakeEventSource(url);
        sources.push(source);
        return source;
      },
      schedule: (run, ms) => scheduled.push({ run, ms }),
    },
    { onNotification: (n) => received.push(n), onOpen: () => (opens += 1) },
  );
  return { stream, sources, scheduled, received, opens: () => opens };
}

describe('the live notification stream', () => {
  it('passes the token in the query string, since EventSource cannot set headers', () => {
    const { stream, sources } = harness();
    stream.start();
    expect(sources[0].url).toBe('/api/notifications/me/stream?access_token=token-1');
  });

  it('delivers notifications in order and drops any it has already delivered', () => {
    const { stream, sources, received } = harness();
    stream.start();
    sources[0].open();
    sources[0].send(1, { ticketId: 't-1' });
    sources[0].send(2);
    sources[0].send(2);
    sources[0].send(1);
    expect(received.map((n) => n.sequence)).toEqual([1, 2]);
    expect(received[0].ticketId).toBe('t-1');
    expect(stream.lastEventId).toBe(2);
  });

  it('leaves a reconnect in progress to EventSource, which resends Last-Event-ID by itself', () => {
    const { stream, sources, scheduled } = harness();
    stream.start();
    sources[0].fail(0);
    expect(scheduled).toHaveLength(0);
    expect(sources).toHaveLength(1);
  });

  it('resumes after the last delivered sequence when the connection was closed, waiting longer each time', () => {
    const { stream, sources, scheduled, received, opens } = harness();
    stream.start();
    sources[0].open();
    sources[0].send(41);
    sources[0].fail(2);
    expect(sources[0].closed).toBe(true);
    expect(scheduled[0].ms).toBe(1000);
    scheduled[0].run();
    expect(sources[1].url).toBe('/api/notifications/me/stream?access_token=token-1&lastEventId=41');
    sources[1].fail(2);
    expect(scheduled[1].ms).toBe(2000);
    scheduled[1].run();
    sources[2].open();
    sources[2].send(41);
    sources[2].send(42);
    expect(received.map((n) => n.sequence)).toEqual([41, 42]);
    expect(opens()).toBe(2);
  });

  it('stops reconnecting once stopped', () => {
    const { stream, sources, scheduled } = harness();
    stream.start();
    sources[0].fail(2);
    stream.stop();
    scheduled[0].run();
    expect(sources).toHaveLength(1);
  });
});
