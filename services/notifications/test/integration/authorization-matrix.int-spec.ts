// Who may call which route of the notifications service, and within what scope: every route tried by
// every role in and out of scope (shared machinery and rules: libs/testing/src/app/authorization-matrix.ts).
// Everything under /me is the caller's own: the out-of-scope calls aim at another person's notification,
// and lists must never name it.
import { randomUUID } from 'node:crypto';
import { ticketDispatchedV1, ticketSubmittedV1 } from '@loop/contracts';
import {
  type Caller,
  CALLERS,
  describeAuthorizationMatrix,
  EventFeed,
  SYSTEM_CALLER,
  type TestService,
  waitFor,
} from '@loop/testing';
import request from 'supertest';
import { anOffer, aSubmittedTicket } from './support/loop-fixtures';
import { startNotifications } from './support/notifications-under-test';

const community = randomUUID();
const foreign = { person: 'member-foreign', webhook: 'http://127.0.0.1:9/foreign-hook' };

const cast = {
  resident: { sub: 'resident-home' },
  grid_worker: { sub: 'grid-worker-home', community_ids: [community] },
  staff: { sub: 'staff-home', community_ids: [community] },
  secretary: { sub: 'secretary-home', community_ids: [community], escalation_level: 1 },
  member: { sub: 'member-home', community_ids: [community], unit_id: 'unit-home' },
  official: { sub: 'official-home', community_ids: [community], escalation_level: 2 },
  property_company: { sub: 'property-home' },
  admin: { sub: 'district-admin' },
  unit_admin: { sub: 'unit-admin-home', unit_id: 'unit-home' },
};

/** Who each signed-in caller is. */
const accountOf = (caller: Caller): string =>
  caller === 'system' ? SYSTEM_CALLER : (cast as Record<string, { sub: string }>)[caller]!.sub;

/** What the matrix calls: a notification and a webhook for every signed-in caller and one foreign person. */
interface World {
  service: TestService;
  /** The id of one notification in each caller's own inbox. */
  notificationOf: Map<Caller, string>;
  foreignNotification: string;
  foreignToken: string;
}

const signedIn = CALLERS.filter(
  (caller) => !['anonymous', 'malformed-token', 'forged-token'].includes(caller),
);

/** Offers a ticket to `account` (any account can hold an offer's notification) and returns the notification's id. */
async function notify(
  service: TestService,
  feed: EventFeed,
  account: string,
  token: string,
): Promise<string> {
  const ticket = aSubmittedTicket({ communityId: community, gridId: randomUUID() }, 'resident-elsewhere');
  await feed.publish(ticketSubmittedV1, ticket);
  await feed.publish(ticketDispatchedV1, anOffer(ticket.ticketId, account));
  return waitFor(
    async () => {
      const inbox = await request(service.app.getHttpServer())
        .get('/me/notifications')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      return (inbox.body as { items: Array<{ id: string }> }).items[0]?.id;
    },
    { timeoutMs: 30_000, intervalMs: 100, description: `a notification for ${account}` },
  );
}

async function registerWebhook(service: TestService, token: string, url: string): Promise<void> {
  await request(service.app.getHttpServer())
    .put('/me/webhook')
    .set('Authorization', `Bearer ${token}`)
    .send({ url })
    .expect(200);
}

const webhookOf = (caller: Caller) => `http://127.0.0.1:9/${caller.replace('_', '-')}-hook`;

describeAuthorizationMatrix<World>({
  service: 'notifications',
  start: () =>
    startNotifications({
      LOG_LEVEL: 'error',
      RATE_LIMIT_WEBHOOK_CHANGES: '100000',
      RATE_LIMIT_PREFERENCE_CHANGES: '100000',
    }),
  cast,
  seed: async (service, tokens) => {
    const foreignToken = await service.tokenFor({ sub: foreign.person, roles: ['member'] });
    const feed = await EventFeed.connect(service.namespace.topicPrefix);
    try {
      const [foreignNotification, ...own] = await Promise.all([
        notify(service, feed, foreign.person, foreignToken),
        ...signedIn.map((caller) => notify(service, feed, accountOf(caller), tokens.get(caller)!)),
      ]);
      await Promise.all([
        registerWebhook(service, foreignToken, foreign.webhook),
        ...signedIn.map((caller) => registerWebhook(service, tokens.get(caller)!, webhookOf(caller))),
      ]);
      const notificationOf = new Map(signedIn.map((caller, index) => [caller, own[index]!]));
      return { service, notificationOf, foreignNotification: foreignNotification!, foreignToken };
    } finally {
      await feed.close();
    }
  },
  foreignMarkers: (world) => [world.foreignNotification, foreign.person, foreign.webhook],
  foreignState: async (world) => {
    const http = request(world.service.app.getHttpServer());
    const as = `Bearer ${world.foreignToken}`;
    const [inbox, webhook, preferences] = await Promise.all([
      http.get('/me/notifications').set('Authorization', as).expect(200),
      http.get('/me/webhook').set('Authorization', as).expect(200),
      http.get('/me/preferences').set('Authorization', as).expect(200),
    ]);
    return { inbox: inbox.body, webhook: webhook.body, preferences: preferences.body };
  },
  routes: [
    {
      route: 'GET /me/notifications',
      allows: { anyone: 'own' },
      outOfScope: 'filtered',
      inScope: () => ({}),
      outOfScopeCall: () => ({ query: { limit: '100' } }),
    },
    {
      route: 'GET /me/notifications/unread-count',
      allows: { anyone: 'own' },
      inScope: () => ({}),
    },
    {
      route: 'POST /me/notifications/read-all',
      allows: { anyone: 'own' },
      inScope: () => ({}),
    },
    {
      route: 'POST /me/notifications/{id}/read',
      allows: { anyone: 'own' },
      note: 'another person’s notification is not found',
      inScope: (world, caller) => ({ params: { id: world.notificationOf.get(caller) ?? randomUUID() } }),
      outOfScopeCall: (world) => ({ params: { id: world.foreignNotification } }),
    },
    {
      route: 'GET /me/stream',
      allows: { anyone: 'own' },
      note: 'a live stream of the caller’s own notifications',
      inScope: () => ({}),
    },
    {
      route: 'GET /me/deliveries',
      allows: { anyone: 'own' },
      outOfScope: 'filtered',
      inScope: () => ({}),
      outOfScopeCall: () => ({ query: { limit: '100' } }),
    },
    {
      route: 'GET /deliveries',
      allows: { admin: 'district' },
      inScope: () => ({}),
    },
    {
      route: 'GET /me/preferences',
      allows: { anyone: 'own' },
      inScope: () => ({}),
    },
    {
      route: 'PUT /me/preferences',
      allows: { anyone: 'own' },
      inScope: () => ({ body: { language: 'zh-CN', quietHours: { start: '22:00', end: '07:00' } } }),
    },
    {
      route: 'GET /me/webhook',
      allows: { anyone: 'own' },
      outOfScope: 'filtered',
      inScope: () => ({}),
      outOfScopeCall: () => ({}),
    },
    {
      route: 'PUT /me/webhook',
      allows: { anyone: 'own' },
      inScope: (_world, caller) => ({ body: { url: webhookOf(caller) } }),
    },
    {
      route: 'DELETE /me/webhook',
      allows: { anyone: 'own' },
      inScope: () => ({}),
    },
    {
      route: 'POST /audit/event-notifications',
      allows: { admin: 'district' },
      inScope: () => ({ body: { ids: [randomUUID()] } }),
    },
  ],
});
