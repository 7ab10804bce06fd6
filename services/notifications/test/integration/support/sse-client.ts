// A minimal EventSource for tests: opens a text/event-stream, parses events, and keeps them in order.
import { request, IncomingHttpHeaders, IncomingMessage, ClientRequest } from 'node:http';

/** One parsed server-sent event. */
export interface ServerSentEvent {
  id?: string;
  event: string;
  data: string;
}

/** An open stream. */
export interface SseConnection {
  /** Status code of the response. */
  status: number;
  /** Headers of the response. */
  headers: IncomingHttpHeaders;
  /** The body so far when the response is not a stream (a problem document); empty for a stream. */
  readonly body: string;
  /** Whether the server ended the response. */
  readonly ended: boolean;
  /** Every event received so far, heartbeats excluded. */
  events: ServerSentEvent[];
  /** Closes the connection (as a browser tab would). */
  close(): void;
}

/** Opens `url` with the given headers and resolves once the response headers arrived. */
export function openEventStream(url: string, headers: Record<string, string>): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    let req: ClientRequest | undefined = undefined;
    req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res: IncomingMessage) => {
      const events: ServerSentEvent[] = [];
      let buffer = '';
      let body = '';
      let ended = false;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (res.statusCode !== 200) body += chunk;
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: ServerSentEvent = { event: 'message', data: '' };
          const data: string[] = [];
          for (const line of block.split('\n')) {
            const colon = line.indexOf(':');
            const field = colon >= 0 ? line.slice(0, colon) : line;
            const value = colon >= 0 ? line.slice(colon + 1).replace(/^ /, '') : '';
            if (field === 'id') event.id = value;
            else if (field === 'event') event.event = value;
            else if (field === 'data') data.push(value);
          }
          event.data = data.join('\n');
          if (event.event !== 'heartbeat' && (event.data || event.id)) events.push(event);
        }
      });
      res.on('error', () => undefined);
      res.on('end', () => (ended = true));
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        events,
        get body() {
          return body;
        },
        get ended() {
          return ended;
        },
        close: () => req?.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}
