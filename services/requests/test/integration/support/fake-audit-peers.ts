// Stand-ins for the facts endpoints of dispatch, volunteer-hours and notifications
// (libs/contracts/src/audit/loop-audit-facts.ts): real HTTP servers on 127.0.0.1 answering with facts
// the suite sets, so the requests service's audit is tested over the wire.
import type {
  DispatchCaseFacts,
  EventNotificationFacts,
  LoopAuditFactsRequest,
  TicketHoursFacts,
} from '@loop/contracts';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** How a fake peer behaves: answer, answer 500, or drop the connection. */
export type PeerMode = 'answer' | 'error' | 'drop';

/** One fake peer: its URL, what it was asked and how it answers. */
export class FakePeer {
  mode: PeerMode = 'answer';
  /** The Authorization headers of the requests received. */
  readonly authorizations: string[] = [];
  /** The id lists of the requests received. */
  readonly requests: string[][] = [];

  private readonly server: Server;
  private address = '';

  private constructor(
    private readonly path: string,
    private readonly answer: (ids: string[]) => object,
  ) {
    this.server = createServer((request, response) => {
      void handle(this, this.path, this.answer, request, response);
    });
  }

  /** Where the peer listens. */
  get url(): string {
    return this.address;
  }

  /** Starts a peer answering `POST path` with `answer(ids)`. */
  static async start(path: string, answer: (ids: string[]) => object): Promise<FakePeer> {
    const peer = new FakePeer(path, answer);
    await new Promise<void>((resolve) => peer.server.listen(0, '127.0.0.1', resolve));
    peer.address = `http://127.0.0.1:${(peer.server.address() as AddressInfo).port}`;
    return peer;
  }

  /** Stops listening. */
  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function handle(
  peer: FakePeer,
  path: string,
  answer: (ids: string[]) => object,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (peer.mode === 'drop') {
    request.socket.destroy();
    return;
  }
  if (request.method !== 'POST' || request.url !== path) {
    response.writeHead(404).end();
    return;
  }
  const body = JSON.parse(Buffer.concat(chunks).toString()) as LoopAuditFactsRequest;
  peer.authorizations.push(request.headers.authorization ?? '');
  peer.requests.push(body.ids);
  if (peer.mode === 'error') {
    response.writeHead(500, { 'content-type': 'application/problem+json' }).end('{"status":500}');
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer(body.ids)));
}

/** The three peers with facts that make every loop look whole unless a test says otherwise. */
export class FakeAuditPeers {
  /** Per ticket: dispatch's case, or null for "dispatch never heard of it". */
  readonly cases = new Map<string, DispatchCaseFacts | null>();
  /** Per ticket: the ledger's standing credits. */
  readonly standingCredits = new Map<string, number>();
  /** Per event: whether notifications handled it and how many notifications it caused. */
  readonly notifications = new Map<string, { handled: boolean; notifications: number }>();

  dispatch!: FakePeer;
  volunteerHours!: FakePeer;
  notificationsPeer!: FakePeer;

  /** Starts the three peers. */
  static async start(): Promise<FakeAuditPeers> {
    const peers = new FakeAuditPeers();
    peers.dispatch = await FakePeer.start('/audit/dispatch-cases', (ids) => ({
      cases: ids.map((id) => peers.caseOf(id)).filter((facts) => facts !== null),
    }));
    peers.volunteerHours = await FakePeer.start('/audit/ticket-hours', (ids) => ({
      tickets: ids.map((id): TicketHoursFacts => {
        const standing = peers.standingCredits.get(id) ?? 1;
        return {
          ticketId: id,
          credits: standing,
          reversals: 0,
          standingCredits: standing,
          netMinutes: 45 * standing,
        };
      }),
    }));
    peers.notificationsPeer = await FakePeer.start('/audit/event-notifications', (ids) => ({
      events: ids.map(
        (id): EventNotificationFacts => ({
          eventId: id,
          ...(peers.notifications.get(id) ?? { handled: true, notifications: 1 }),
        }),
      ),
    }));
    return peers;
  }

  /** The environment that points the requests service at the fakes. */
  get env(): Record<string, string> {
    return {
      DISPATCH_URL: this.dispatch.url,
      VOLUNTEER_HOURS_URL: this.volunteerHours.url,
      NOTIFICATIONS_URL: this.notificationsPeer.url,
    };
  }

  /** Every loop whole again, every peer answering. */
  reset(): void {
    this.cases.clear();
    this.standingCredits.clear();
    this.notifications.clear();
    for (const peer of [this.dispatch, this.volunteerHours, this.notificationsPeer]) peer.mode = 'answer';
  }

  /** Stops the three peers. */
  async close(): Promise<void> {
    await Promise.all([this.dispatch.close(), this.volunteerHours.close(), this.notificationsPeer.close()]);
  }

  // By default a member owns the case, its next deadline is an hour away and the member did the work.
  private caseOf(ticketId: string): DispatchCaseFacts | null {
    const set = this.cases.get(ticketId);
    if (set !== undefined) return set;
    return {
      ticketId,
      status: 'accepted',
      owner: { kind: 'member', id: 'member-77' },
      nextDeadlineAt: new Date(Date.now() + 3600_000).toISOString(),
      minutesSpent: 45,
      completedByKind: 'member',
    };
  }
}
