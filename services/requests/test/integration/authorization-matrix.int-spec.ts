// Who may call which route of the requests service, and within what scope: every route tried by every
// role in and out of scope (shared machinery and rules: libs/testing/src/app/authorization-matrix.ts).
import { ticketDispatchedV1 } from '@loop/contracts';
import { type Caller, describeAuthorizationMatrix, EventFeed, type TestService } from '@loop/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  dispatchStory,
  jpegBytes,
  People,
  place,
  startRequestsService,
  ticketBody,
  uploadPhoto,
  waitForTicket,
} from './support/requests-kit';

/** The home community and grid the whole cast works in, and a community none of them may reach. */
const home = { community: place.community, grid: place.grid };
const foreign = {
  community: place.otherCommunity,
  grid: place.otherCommunityGrid,
  resident: 'resident-foreign',
};

const cast = {
  resident: { sub: 'resident-home' },
  grid_worker: { sub: 'grid-worker-home', community_ids: [home.community], grid_ids: [home.grid] },
  staff: { sub: 'staff-home', community_ids: [home.community] },
  secretary: { sub: 'secretary-home', community_ids: [home.community], escalation_level: 1 },
  member: { sub: 'member-home', community_ids: [home.community], unit_id: 'unit-home' },
  official: { sub: 'official-home', community_ids: [home.community], escalation_level: 2 },
  property_company: { sub: 'property-home' },
  admin: { sub: 'district-admin' },
  unit_admin: { sub: 'unit-admin-home', unit_id: 'unit-home' },
};

interface TicketRef {
  id: string;
  number: string;
}

/** What the matrix calls: home tickets in reach of the cast, a foreign one out of everyone's reach. */
interface World {
  service: TestService;
  tokens: Map<Caller, string>;
  /** Filed by the home resident in the home grid, offered to the home member. */
  homeTicket: TicketRef;
  /** The same, offered to the home property company. */
  propertyTicket: TicketRef;
  /** Filed by another resident in another community, offered to another member. */
  foreignTicket: TicketRef;
  /** The photos on the home, property and foreign tickets (SHA-256). */
  photos: { home: string; property: string; foreign: string };
  /** An Open311 api_key of the home community, and a request filed with it (number and ticket id). */
  open311: { apiKey: string; filed: TicketRef };
}

const homeLocation = { communityId: home.community, gridId: home.grid, address: '幸福小区 3 号楼' };
const foreignLocation = { communityId: foreign.community, gridId: foreign.grid, address: '和平小区 1 号楼' };

async function file(
  world: Pick<World, 'service' | 'tokens'>,
  caller: Caller,
  body: Record<string, unknown>,
): Promise<TicketRef> {
  const response = await request(world.service.app.getHttpServer())
    .post('/tickets')
    .set('Authorization', `Bearer ${world.tokens.get(caller)}`)
    .send(ticketBody(body))
    .expect(201);
  return response.body as TicketRef;
}

/** A fresh ticket for a write: whoever the caller speaks for filed it, so each write acts on its own. */
async function freshTicket(world: World, caller: Caller): Promise<{ id: string }> {
  // Grid workers and staff speak for the tickets they filed without a resident; everyone else for a resident's.
  const filer =
    caller === 'grid_worker' || caller === 'staff' || caller === 'secretary' ? caller : 'resident';
  const body =
    filer === 'resident' ? { location: homeLocation } : { location: homeLocation, contact: undefined };
  return file(world, filer, body);
}

async function offer(
  world: World,
  ticket: TicketRef,
  assignee: { kind: 'member' | 'property_company'; id: string },
) {
  const feed = await EventFeed.connect(world.service);
  try {
    const story = dispatchStory(ticket.id, new Date());
    await feed.send(feed.envelope(ticketDispatchedV1, { ...story.dispatched(1), assignee }, story.at(1)));
  } finally {
    await feed.close();
  }
}

/** Issues an Open311 api_key of the home community (as the admin) and files one request with it. */
async function open311Client(service: TestService, admin: string): Promise<World['open311']> {
  const http = request(service.app.getHttpServer());
  const apiKey = await issueOpen311Key(service, admin);
  const filed = await http.post('/open311/v2/requests.json').send(open311Filing(apiKey)).expect(200);
  const number = (filed.body as Array<{ service_request_id: string }>)[0]!.service_request_id;
  const [{ id }] = (await service.app
    .get(DataSource)
    .query('SELECT id FROM ticket WHERE number = $1', [number])) as Array<{ id: string }>;
  return { apiKey, filed: { id, number } };
}

async function issueOpen311Key(service: TestService, admin: string): Promise<string> {
  const issued = await request(service.app.getHttpServer())
    .post('/open311/keys')
    .set('Authorization', `Bearer ${admin}`)
    .send(open311KeyBody)
    .expect(201);
  return (issued.body as { apiKey: string }).apiKey;
}

const open311KeyBody = {
  clientId: 'matrix-hotline',
  clientName: '12345 热线',
  channel: 'hotline',
  communityIds: [home.community],
};

const open311Filing = (apiKey: string) => ({
  api_key: apiKey,
  service_code: 'property.repair',
  address_id: place.household,
  description: '3 号楼 2 单元楼道灯坏了一周，晚上老人上下楼不方便。',
});

/** A grid worker reads the reports of their grid; the others of their community. */
const homeReportScope = (caller: Caller): Record<string, string> =>
  caller === 'grid_worker' ? { gridId: home.grid } : { communityId: home.community };

const month = new Date().toISOString().slice(0, 7);

describeAuthorizationMatrix<World>({
  service: 'requests',
  start: () =>
    startRequestsService({
      LOG_LEVEL: 'error',
      RATE_LIMIT_TICKET_SUBMISSIONS: '100000',
      RATE_LIMIT_TICKET_ACTIONS: '100000',
      RATE_LIMIT_ATTACHMENT_UPLOADS: '100000',
      RATE_LIMIT_OPEN311_FILINGS: '100000',
    }),
  cast,
  seed: async (service, tokens) => {
    const base = { service, tokens };
    // Residents file only where the directory registered them to a household.
    const people = new People(service);
    await people.resident(cast.resident.sub, home.community, home.grid);
    const foreignFiler = await people.resident(foreign.resident, foreign.community, foreign.grid);
    const homeResident = tokens.get('resident')!;
    const [homePhoto, propertyPhoto, foreignPhoto] = await Promise.all([
      uploadPhoto(service, homeResident, 'home.jpg'),
      uploadPhoto(service, homeResident, 'property.jpg'),
      uploadPhoto(service, foreignFiler, 'foreign.jpg'),
    ]);
    const [homeTicket, propertyTicket, foreignTicket] = await Promise.all([
      file(base, 'resident', { location: homeLocation, attachments: [homePhoto] }),
      file(base, 'resident', {
        location: homeLocation,
        categoryCode: 'property.repair',
        attachments: [propertyPhoto],
      }),
      request(service.app.getHttpServer())
        .post('/tickets')
        .set('Authorization', `Bearer ${foreignFiler}`)
        .send(ticketBody({ location: foreignLocation, attachments: [foreignPhoto] }))
        .expect(201)
        .then((response) => response.body as TicketRef),
    ]);
    const photos = { home: homePhoto.sha256, property: propertyPhoto.sha256, foreign: foreignPhoto.sha256 };
    const open311 = await open311Client(service, tokens.get('admin')!);
    const world: World = { ...base, homeTicket, propertyTicket, foreignTicket, photos, open311 };
    await offer(world, homeTicket, { kind: 'member', id: cast.member.sub });
    await offer(world, propertyTicket, { kind: 'property_company', id: cast.property_company.sub });
    await offer(world, foreignTicket, { kind: 'member', id: 'member-foreign' });
    const admin = tokens.get('admin')!;
    await Promise.all(
      [homeTicket, propertyTicket, foreignTicket].map((ticket) =>
        waitForTicket(service, admin, ticket.id, (t) => t.status === 'dispatched', 'the offer'),
      ),
    );
    return world;
  },
  foreignMarkers: (world) => [world.foreignTicket.id, world.foreignTicket.number, foreign.resident],
  foreignState: async (world, service, tokens) => {
    const http = request(service.app.getHttpServer());
    const admin = `Bearer ${tokens.get('admin')}`;
    const [detail, inForeignCommunity] = await Promise.all([
      http.get(`/tickets/${world.foreignTicket.id}`).set('Authorization', admin).expect(200),
      http
        .get('/tickets')
        .query({ communityId: foreign.community, limit: '100' })
        .set('Authorization', admin)
        .expect(200),
    ]);
    const ticket = detail.body as { status: string; rating: unknown; timeline: Array<{ type: string }> };
    const page = inForeignCommunity.body as { items: Array<{ id: string; status: string }> };
    // Tickets filed for the foreign resident anywhere (a resident filing for someone else).
    const forForeignResident = (
      (await http.get('/tickets').query({ limit: '100' }).set('Authorization', admin).expect(200)).body as {
        items: Array<{ id: string; residentId: string | null }>;
      }
    ).items.filter((item) => item.residentId === foreign.resident);
    return {
      status: ticket.status,
      rating: ticket.rating,
      timeline: ticket.timeline.map((entry) => entry.type),
      foreignCommunity: page.items.map((item) => `${item.id} ${item.status}`),
      forForeignResident: forForeignResident.map((item) => item.id),
    };
  },
  routes: [
    {
      route: 'GET /categories',
      allows: { anyone: 'district' },
      note: 'the catalogue is the same for everyone signed in',
      inScope: () => ({}),
    },
    {
      route: 'POST /tickets',
      allows: { resident: 'own', grid_worker: 'grid', staff: 'community', secretary: 'community' },
      note: 'a resident files for themselves, where the directory registered them to a household',
      inScope: (_world, caller) => ({
        body: ticketBody({
          location: homeLocation,
          ...(caller === 'resident' ? {} : { contact: undefined }),
        }),
      }),
      outOfScopeCall: (_world, caller) => ({
        body:
          caller === 'resident'
            ? ticketBody({ location: homeLocation, residentId: foreign.resident })
            : ticketBody({ location: foreignLocation, contact: undefined }),
      }),
    },
    {
      route: 'POST /attachments',
      allows: { resident: 'own', grid_worker: 'own', staff: 'own', secretary: 'own' },
      note: 'whoever files may upload a photo; it is theirs alone until a ticket they can see carries it',
      inScope: (_world, caller) => ({ body: jpegBytes(`matrix ${caller}`), contentType: 'image/jpeg' }),
    },
    {
      route: 'GET /attachments/{sha256}',
      allows: {
        resident: 'own',
        grid_worker: 'grid',
        staff: 'community',
        secretary: 'community',
        official: 'community',
        member: 'own',
        property_company: 'own',
        admin: 'district',
      },
      hidesExistence: true,
      note: 'its uploader, and whoever may see a ticket that carries it',
      inScope: (world, caller) => ({
        params: { sha256: caller === 'property_company' ? world.photos.property : world.photos.home },
      }),
      outOfScopeCall: (world) => ({ params: { sha256: world.photos.foreign } }),
    },
    {
      route: 'GET /tickets/mine',
      allows: { resident: 'own' },
      outOfScope: 'filtered',
      inScope: () => ({}),
      outOfScopeCall: () => ({ query: { limit: '100' } }),
    },
    {
      route: 'GET /tickets',
      allows: {
        grid_worker: 'grid',
        staff: 'community',
        secretary: 'community',
        official: 'community',
        admin: 'district',
      },
      outOfScope: 'filtered',
      note: 'a search is narrowed to the caller’s scope; asking for another community finds nothing',
      inScope: () => ({ query: { communityId: home.community } }),
      outOfScopeCall: () => ({ query: { communityId: foreign.community, limit: '100' } }),
    },
    {
      route: 'GET /tickets/{id}',
      allows: {
        resident: 'own',
        grid_worker: 'grid',
        staff: 'community',
        secretary: 'community',
        official: 'community',
        member: 'own',
        property_company: 'own',
        admin: 'district',
      },
      hidesExistence: true,
      note: 'members and property companies read the ticket offered to them',
      inScope: (world, caller) => ({
        params: { id: caller === 'property_company' ? world.propertyTicket.id : world.homeTicket.id },
      }),
      outOfScopeCall: (world) => ({ params: { id: world.foreignTicket.id } }),
    },
    {
      route: 'GET /tickets/{id}/contact-reads',
      allows: { staff: 'community', secretary: 'community', official: 'community', admin: 'district' },
      inScope: (world) => ({ params: { id: world.homeTicket.id } }),
      outOfScopeCall: (world) => ({ params: { id: world.foreignTicket.id } }),
    },
    {
      route: 'POST /tickets/{id}/cancel',
      allows: {
        resident: 'own',
        grid_worker: 'own',
        staff: 'community',
        secretary: 'community',
        admin: 'district',
      },
      note: 'a grid worker cancels what they filed',
      inScope: async (world, caller) => ({
        params: { id: (await freshTicket(world, caller)).id },
        body: { reasonCode: 'withdrawn' },
      }),
      outOfScopeCall: (world) => ({
        params: { id: world.foreignTicket.id },
        body: { reasonCode: 'withdrawn' },
      }),
    },
    {
      route: 'POST /tickets/{id}/confirm',
      allows: { resident: 'own' },
      inScope: async (world, caller) => ({
        params: { id: (await freshTicket(world, caller)).id },
        body: { rating: 5 },
      }),
      outOfScopeCall: (world) => ({ params: { id: world.foreignTicket.id }, body: { rating: 5 } }),
    },
    {
      route: 'POST /tickets/{id}/callback',
      allows: { staff: 'community', secretary: 'community', admin: 'district' },
      note: 'never on a ticket the caller filed',
      inScope: async (world) => ({
        params: { id: (await freshTicket(world, 'resident')).id },
        body: { rating: 5 },
      }),
      outOfScopeCall: (world) => ({ params: { id: world.foreignTicket.id }, body: { rating: 5 } }),
    },
    {
      route: 'POST /tickets/{id}/reopen',
      allows: { resident: 'own', grid_worker: 'own', staff: 'own', secretary: 'own' },
      note: 'whoever speaks for the resident: the resident, or the filer of a ticket without one',
      inScope: async (world, caller) => ({
        params: { id: (await freshTicket(world, caller)).id },
        body: { reasonCode: 'not_fixed', reasonText: '问题没有解决' },
      }),
      outOfScopeCall: (world) => ({
        params: { id: world.foreignTicket.id },
        body: { reasonCode: 'not_fixed', reasonText: '问题没有解决' },
      }),
    },
    {
      route: 'GET /duplicate-proposals',
      allows: { staff: 'community', secretary: 'community', admin: 'district' },
      note: 'duplicate proposals of the caller’s communities; another community is refused',
      inScope: () => ({ query: { communityId: home.community } }),
      outOfScopeCall: () => ({ query: { communityId: foreign.community } }),
    },
    {
      route: 'GET /tickets/{id}/duplicates',
      allows: { staff: 'community', secretary: 'community', official: 'community', admin: 'district' },
      hidesExistence: true,
      inScope: (world) => ({ params: { id: world.homeTicket.id } }),
      outOfScopeCall: (world) => ({ params: { id: world.foreignTicket.id } }),
    },
    {
      route: 'POST /tickets/{id}/merge',
      allows: { staff: 'community', secretary: 'community', admin: 'district' },
      hidesExistence: true,
      note: 'both tickets in the caller’s community',
      inScope: async (world) => ({
        params: { id: (await freshTicket(world, 'resident')).id },
        body: { masterTicketId: (await freshTicket(world, 'resident')).id },
      }),
      outOfScopeCall: (world) => ({
        params: { id: world.foreignTicket.id },
        body: { masterTicketId: world.homeTicket.id },
      }),
    },
    {
      route: 'POST /tickets/{id}/unmerge',
      allows: { staff: 'community', secretary: 'community', admin: 'district' },
      hidesExistence: true,
      inScope: async (world) => {
        const [duplicate, master] = [
          await freshTicket(world, 'resident'),
          await freshTicket(world, 'resident'),
        ];
        await request(world.service.app.getHttpServer())
          .post(`/tickets/${duplicate.id}/merge`)
          .set('Authorization', `Bearer ${world.tokens.get('admin')}`)
          .send({ masterTicketId: master.id })
          .expect(200);
        return { params: { id: duplicate.id }, body: { reason: '不是同一问题' } };
      },
      outOfScopeCall: (world) => ({
        params: { id: world.foreignTicket.id },
        body: { reason: '不是同一问题' },
      }),
    },
    {
      route: 'POST /tickets/{id}/keep-apart',
      allows: { staff: 'community', secretary: 'community', admin: 'district' },
      hidesExistence: true,
      inScope: async (world) => ({
        params: { id: (await freshTicket(world, 'resident')).id },
        body: { otherTicketId: world.homeTicket.id },
      }),
      outOfScopeCall: (world) => ({
        params: { id: world.foreignTicket.id },
        body: { otherTicketId: world.homeTicket.id },
      }),
    },
    {
      route: 'GET /communities/{communityId}/duplicate-settings',
      allows: { staff: 'community', secretary: 'community', admin: 'district' },
      inScope: () => ({ params: { communityId: home.community } }),
      outOfScopeCall: () => ({ params: { communityId: foreign.community } }),
    },
    {
      route: 'PUT /communities/{communityId}/duplicate-settings',
      allows: { staff: 'community', secretary: 'community', admin: 'district' },
      note: 'the window (1–720 h) and the auto-merge switch of duplicate reports',
      inScope: () => ({
        params: { communityId: home.community },
        body: { windowHours: 72, autoMerge: false },
      }),
      outOfScopeCall: () => ({
        params: { communityId: foreign.community },
        body: { windowHours: 72, autoMerge: false },
      }),
    },
    {
      route: 'GET /reports/loop',
      allows: {
        grid_worker: 'grid',
        staff: 'community',
        secretary: 'community',
        official: 'community',
        admin: 'district',
      },
      inScope: (_world, caller) => ({
        query: homeReportScope(caller),
      }),
      outOfScopeCall: () => ({ query: { communityId: foreign.community } }),
    },
    {
      route: 'GET /reports/loop/breakdown',
      allows: {
        grid_worker: 'grid',
        staff: 'community',
        secretary: 'community',
        official: 'community',
        admin: 'district',
      },
      inScope: (_world, caller) => ({
        query: homeReportScope(caller),
      }),
      outOfScopeCall: () => ({ query: { communityId: foreign.community } }),
    },
    {
      route: 'GET /reports/monthly',
      allows: { staff: 'community', secretary: 'community', official: 'community', admin: 'district' },
      inScope: () => ({ query: { month, communityId: home.community } }),
      outOfScopeCall: () => ({ query: { month, communityId: foreign.community } }),
    },
    {
      route: 'GET /open311/v2/services.{format}',
      allows: { anyone: 'public' },
      note: 'GeoReport v2: the service list needs no api_key',
      inScope: () => ({ params: { format: 'json' } }),
    },
    {
      route: 'GET /open311/v2/services/{code}.{format}',
      allows: { anyone: 'public' },
      note: 'GeoReport v2: a service definition needs no api_key',
      inScope: () => ({ params: { code: 'property.repair', format: 'xml' } }),
    },
    {
      route: 'POST /open311/v2/requests.{format}',
      allows: { anyone: 'public' },
      note: 'authenticated by api_key, not by a token: a missing or revoked key, or a place outside its communities, is 403 in GeoReport format',
      inScope: (world) => ({ params: { format: 'json' }, body: open311Filing(world.open311.apiKey) }),
    },
    {
      route: 'GET /open311/v2/requests.{format}',
      allows: { anyone: 'public' },
      note: 'with an api_key: the requests its client filed, nothing else',
      inScope: (world) => ({ params: { format: 'json' }, query: { api_key: world.open311.apiKey } }),
    },
    {
      route: 'GET /open311/v2/requests/{id}.{format}',
      allows: { anyone: 'public' },
      note: 'with an api_key: a request its client filed (404 for any other)',
      inScope: (world) => ({
        params: { id: world.open311.filed.number, format: 'xml' },
        query: { api_key: world.open311.apiKey },
      }),
    },
    {
      route: 'GET /open311/v2/tokens/{token}.{format}',
      allows: { anyone: 'public' },
      note: 'with an api_key: the token is the id of a ticket its client filed',
      inScope: (world) => ({
        params: { token: world.open311.filed.id, format: 'json' },
        query: { api_key: world.open311.apiKey },
      }),
    },
    {
      route: 'POST /open311/keys',
      allows: { admin: 'district' },
      note: 'the district admin issues Open311 api_keys; the key is shown once',
      inScope: () => ({ body: open311KeyBody }),
    },
    {
      route: 'GET /open311/keys',
      allows: { admin: 'district' },
      inScope: () => ({}),
    },
    {
      route: 'DELETE /open311/keys/{id}',
      allows: { admin: 'district' },
      inScope: async (world) => {
        const issued = await request(world.service.app.getHttpServer())
          .post('/open311/keys')
          .set('Authorization', `Bearer ${world.tokens.get('admin')}`)
          .send(open311KeyBody)
          .expect(201);
        return { params: { id: (issued.body as { id: string }).id } };
      },
    },
    {
      route: 'GET /audit/loop',
      allows: { admin: 'district' },
      // The audit asks dispatch, volunteer-hours and notifications, which this suite does not run.
      reachableAlso: [503],
      inScope: () => ({}),
    },
  ],
});
