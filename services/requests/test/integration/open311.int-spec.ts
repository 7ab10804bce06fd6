// The Open311 GeoReport v2 facade against the specification's published example documents
// (http://wiki.open311.org/GeoReport_v2; copies under test/fixtures/open311, see its README): the same
// fields in the same order, the same XML nesting; filing form-encoded and in JSON, following requests by
// id, by query and by token, and every refusal in the specification's error format.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestService } from '@loop/testing';
import { XMLParser } from 'fast-xml-parser';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { v4 as uuidv4 } from 'uuid';
import { place, startRequestsService } from './support/requests-kit';

const fixtures = join(__dirname, '..', 'fixtures', 'open311');
const fixtureJson = (name: string) => JSON.parse(readFileSync(join(fixtures, name), 'utf8')) as unknown;
const xml = new XMLParser({ parseTagValue: false, ignoreDeclaration: true, isArray: () => false });
const fixtureXml = (name: string) =>
  xml.parse(readFileSync(join(fixtures, name), 'utf8')) as Record<string, unknown>;
const keysOf = (value: unknown) => Object.keys(value as object);
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value) as Record<string, unknown>;

describe('the Open311 GeoReport v2 facade', () => {
  let service: TestService;
  let http: ReturnType<typeof request>;
  let admin: string;
  let hotlineKey: string;
  let otherCommunityKey: string;

  const issueKey = async (body: Record<string, unknown>) =>
    (await http.post('/open311/keys').set('Authorization', `Bearer ${admin}`).send(body).expect(201))
      .body as { id: string; apiKey: string; keyPrefix: string };
  const fileForm = (fields: Record<string, string>, format = 'json') =>
    http.post(`/open311/v2/requests.${format}`).type('form').send(fields);
  const description = '3 号楼 2 单元楼道灯坏了一周，晚上老人上下楼不方便。';
  const ticketRow = async (number: string) =>
    (
      await service.app
        .get(DataSource)
        .query(
          'SELECT id, source, filed_by_role, filed_by_id, resident_id, contact, household_id, urgency FROM ticket WHERE number = $1',
          [number],
        )
    )[0] as Record<string, unknown>;

  beforeAll(async () => {
    service = await startRequestsService({ RATE_LIMIT_OPEN311_FILINGS: '1000' });
    http = request(service.app.getHttpServer());
    admin = await service.tokenFor({ sub: 'admin-open311', roles: ['admin'] });
    hotlineKey = (
      await issueKey({
        clientId: 'hotline-12345',
        clientName: '12345 市民服务热线',
        channel: 'hotline',
        communityIds: [place.community],
      })
    ).apiKey;
    otherCommunityKey = (
      await issueKey({
        clientId: 'civic-app',
        clientName: '随手拍',
        channel: 'app',
        communityIds: [place.otherCommunity],
      })
    ).apiKey;
  });
  afterAll(async () => {
    await service?.close();
  });

  it('lists the categories as services shaped like the specification’s service list, in JSON and XML', async () => {
    const json = await http.get('/open311/v2/services.json').expect(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(keysOf(json.body[0])).toEqual(keysOf(first(fixtureJson('services.json'))));
    expect(json.body[0]).toMatchObject({ service_code: 'property.repair', type: 'realtime', metadata: true });

    const answer = await http.get('/open311/v2/services.xml').expect(200);
    expect(answer.headers['content-type']).toMatch(/^text\/xml/);
    expect(answer.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const ours = xml.parse(answer.text) as { services: { service: unknown[] } };
    const theirs = fixtureXml('services.xml') as { services: { service: unknown } };
    expect(keysOf(ours)).toEqual(keysOf(theirs));
    expect(keysOf(ours.services.service[0])).toEqual(keysOf(theirs.services.service));
  });

  it('defines a service like the specification’s service definition, and answers 404 for an unknown one', async () => {
    const json = await http.get('/open311/v2/services/property.repair.json').expect(200);
    const theirs = fixtureJson('service-definition.json') as { attributes: Array<Record<string, unknown>> };
    expect(keysOf(json.body)).toEqual(keysOf(theirs));
    expect(keysOf(json.body.attributes[0])).toEqual(keysOf(theirs.attributes[0]));
    expect(keysOf(json.body.attributes[0].values[0])).toEqual(['key', 'name']);

    const answer = await http.get('/open311/v2/services/property.repair.xml').expect(200);
    const ours = xml.parse(answer.text) as { service_definition: { attributes: { attribute: unknown[] } } };
    const theirsXml = fixtureXml('service-definition.xml') as {
      service_definition: { attributes: { attribute: Record<string, unknown> } };
    };
    expect(keysOf(ours.service_definition)).toEqual(keysOf(theirsXml.service_definition));
    expect(keysOf(ours.service_definition.attributes.attribute[0])).toEqual(
      keysOf(theirsXml.service_definition.attributes.attribute),
    );

    const missing = await http.get('/open311/v2/services/no.such.xml').expect(404);
    const errors = xml.parse(missing.text) as { errors: { error: Record<string, unknown> } };
    expect(keysOf(errors)).toEqual(keysOf(fixtureXml('errors.xml')));
    expect(errors.errors.error.code).toBe('404');
  });

  it('shows the admin each key once, lists keys without them, and refuses key management to other roles', async () => {
    const issued = await issueKey({
      clientId: 'listed-client',
      clientName: '列表测试',
      channel: 'app',
      communityIds: [place.community],
    });
    expect(issued.apiKey.startsWith(issued.keyPrefix)).toBe(true);
    const listed = await http.get('/open311/keys').set('Authorization', `Bearer ${admin}`).expect(200);
    const entry = (listed.body as Array<Record<string, unknown>>).find((key) => key.id === issued.id);
    expect(entry).toMatchObject({ clientId: 'listed-client', channel: 'app', revokedAt: null });
    expect(JSON.stringify(listed.body)).not.toContain(issued.apiKey);
    const stored = await service.app
      .get(DataSource)
      .query('SELECT key_hash FROM open311_api_key WHERE id = $1', [issued.id]);
    expect(stored[0].key_hash).not.toContain(issued.apiKey);

    const staff = await service.tokenFor({
      sub: 'staff-open311',
      roles: ['staff'],
      community_ids: [place.community],
    });
    await http.get('/open311/keys').set('Authorization', `Bearer ${staff}`).expect(403);
    await http
      .post('/open311/keys')
      .set('Authorization', `Bearer ${admin}`)
      .send({ clientId: 'Bad Id', clientName: '', channel: 'fax', communityIds: [] })
      .expect(400);
  });

  it('files a form-encoded request as a hotline ticket of the key’s client and answers like the specification', async () => {
    const filed = await fileForm({
      api_key: hotlineKey,
      service_code: 'property.repair',
      address_id: place.household,
      address_string: '幸福小区 3 号楼 2 单元',
      lat: '37.9003',
      long: '114.6856',
      description,
      first_name: '阿姨',
      last_name: '王',
      phone: '13800138000',
      email: 'wang@example.org',
      device_id: 'tt222111',
      account_id: 'caller-7',
      media_url: 'https://example.org/light.jpg',
      'attribute[urgency]': 'urgent',
    }).expect(200);
    expect(keysOf(filed.body[0])).toEqual(keysOf(first(fixtureJson('post-request.json'))));
    const number = filed.body[0].service_request_id as string;
    expect(number).toMatch(/^[A-Z0-9]+-\d{4}-\d{6}$/);
    expect(filed.body[0].account_id).toBe('caller-7');

    const row = await ticketRow(number);
    expect(row).toMatchObject({
      source: 'hotline',
      filed_by_role: 'system',
      filed_by_id: 'open311:hotline-12345',
      resident_id: null,
      household_id: place.household,
      urgency: 'urgent',
      contact: { name: '阿姨 王', phone: '13800138000' },
    });

    // Following it by id: the specification's request fields in its order, and nobody's name or phone.
    const followed = await http
      .get(`/open311/v2/requests/${number}.json`)
      .query({ api_key: hotlineKey })
      .expect(200);
    expect(keysOf(followed.body[0])).toEqual(keysOf(first(fixtureJson('requests.json'))));
    expect(followed.body[0]).toMatchObject({
      service_request_id: number,
      status: 'open',
      service_code: 'property.repair',
      address: '幸福小区 3 号楼 2 单元',
      address_id: place.household,
      lat: 37.9003,
      long: 114.6856,
      media_url: 'https://example.org/light.jpg',
    });
    const everything = JSON.stringify(followed.body);
    for (const personal of ['13800138000', '王', 'wang@example.org', 'tt222111']) {
      expect(everything).not.toContain(personal);
    }

    const asXml = await http
      .get(`/open311/v2/requests/${number}.xml`)
      .query({ api_key: hotlineKey })
      .expect(200);
    const ours = xml.parse(asXml.text) as { service_requests: { request: Record<string, unknown> } };
    const theirs = fixtureXml('requests.xml') as { service_requests: { request: Record<string, unknown> } };
    expect(keysOf(ours)).toEqual(keysOf(theirs));
    expect(keysOf(ours.service_requests.request)).toEqual(keysOf(theirs.service_requests.request));
    expect(ours.service_requests.request.status).toBe('open');

    // …by query, and its ticket id as a token.
    const listed = await http
      .get('/open311/v2/requests.json')
      .query({ api_key: hotlineKey, service_request_id: `${number},LC-1999-000001` })
      .expect(200);
    expect(listed.body.map((found: { service_request_id: string }) => found.service_request_id)).toEqual([
      number,
    ]);
    const open = await http
      .get('/open311/v2/requests.json')
      .query({ api_key: hotlineKey, status: 'open', service_code: 'property.repair' })
      .expect(200);
    expect(open.body.map((found: { service_request_id: string }) => found.service_request_id)).toContain(
      number,
    );
    const closed = await http
      .get('/open311/v2/requests.json')
      .query({ api_key: hotlineKey, status: 'closed' })
      .expect(200);
    expect(closed.body).toEqual([]);
    const token = await http
      .get(`/open311/v2/tokens/${row.id as string}.xml`)
      .query({ api_key: hotlineKey })
      .expect(200);
    const resolved = xml.parse(token.text) as { service_requests: { request: Record<string, unknown> } };
    expect(keysOf(resolved.service_requests.request)).toEqual(
      keysOf((fixtureXml('token.xml') as { service_requests: { request: object } }).service_requests.request),
    );
    expect(resolved.service_requests.request.service_request_id).toBe(number);

    // Another client reads none of it.
    await http.get(`/open311/v2/requests/${number}.json`).query({ api_key: otherCommunityKey }).expect(404);
  });

  it('files a JSON request and answers in XML, once per Idempotency-Key', async () => {
    const body = {
      api_key: hotlineKey,
      service_code: 'environment.sanitation',
      address_id: place.compound,
      description: '小区垃圾桶两天没有清运，气味很大，请尽快处理。',
    };
    const filed = await http
      .post('/open311/v2/requests.xml')
      .set('Idempotency-Key', 'open311-retry-1')
      .send(body)
      .expect(200);
    expect(filed.headers['content-type']).toMatch(/^text\/xml/);
    const ours = xml.parse(filed.text) as { service_requests: { request: Record<string, unknown> } };
    const theirs = fixtureXml('post-request.xml') as {
      service_requests: { request: Record<string, unknown> };
    };
    expect(keysOf(ours.service_requests.request)).toEqual(keysOf(theirs.service_requests.request));
    const number = ours.service_requests.request.service_request_id as string;
    expect((await ticketRow(number)).urgency).toBe('normal');

    const retried = await http
      .post('/open311/v2/requests.json')
      .set('Idempotency-Key', 'open311-retry-1')
      .send(body)
      .expect(200);
    expect(retried.body[0].service_request_id).toBe(number);
  });

  it('places a key’s filing without address_id in its only community and grid, keeping lat/long as given', async () => {
    const filed = await fileForm({
      api_key: otherCommunityKey,
      service_code: 'city.management',
      lat: '37.91',
      long: '114.69',
      description: '路口井盖缺失，夜里行人容易踩空，十分危险。',
    }).expect(200);
    const row = await service.app
      .get(DataSource)
      .query('SELECT community_id, grid_id, latitude, longitude, source FROM ticket WHERE number = $1', [
        filed.body[0].service_request_id,
      ]);
    expect(row[0]).toEqual({
      community_id: place.otherCommunity,
      grid_id: place.otherCommunityGrid,
      latitude: 37.91,
      longitude: 114.69,
      source: 'app',
    });
  });

  it('answers a missing, unknown or revoked api_key with 403 in the specification’s error format', async () => {
    const missing = await fileForm({ service_code: 'property.repair', description }).expect(403);
    expect(keysOf(missing.body[0])).toEqual(keysOf(first(fixtureJson('errors.json'))));
    expect(missing.body[0].code).toBe(403);
    const unknown = await fileForm(
      { api_key: 'o311_nope', service_code: 'property.repair', description },
      'xml',
    ).expect(403);
    expect((xml.parse(unknown.text) as { errors: { error: { code: string } } }).errors.error.code).toBe(
      '403',
    );
    await http.get('/open311/v2/requests.json').expect(403);

    const revocable = await issueKey({
      clientId: 'revoked-client',
      clientName: '将被吊销',
      channel: 'app',
      communityIds: [place.community],
    });
    await http.delete(`/open311/keys/${revocable.id}`).set('Authorization', `Bearer ${admin}`).expect(200);
    await http.get('/open311/v2/requests.json').query({ api_key: revocable.apiKey }).expect(403);
    await http.delete(`/open311/keys/${uuidv4()}`).set('Authorization', `Bearer ${admin}`).expect(404);
  });

  it('refuses a place outside the key’s communities with 403, an unknown service with 404 and bad input with 400', async () => {
    const count = async () =>
      Number((await service.app.get(DataSource).query('SELECT count(*) AS n FROM ticket'))[0].n);
    const before = await count();
    const outside = await fileForm({
      api_key: otherCommunityKey,
      service_code: 'property.repair',
      address_id: place.household,
      description,
    }).expect(403);
    expect(outside.body).toEqual([{ code: 403, description: expect.any(String) }]);

    const unknownService = await fileForm({
      api_key: hotlineKey,
      service_code: 'pothole',
      address_id: place.household,
      description,
    }).expect(404);
    expect(unknownService.body[0].code).toBe(404);

    for (const fields of [
      { service_code: 'property.repair', description },
      { service_code: 'property.repair', address_id: place.household, description: '太短了' },
      { service_code: 'property.repair', address_id: uuidv4(), description },
      { service_code: 'property.repair', address_string: '幸福小区', description },
      { service_code: 'property.repair', address_id: place.household, description, lat: '37.9' },
      {
        service_code: 'property.repair',
        address_id: place.household,
        description,
        'attribute[urgency]': 'soon',
      },
    ] as Array<Record<string, string>>) {
      const refused = await fileForm({ api_key: hotlineKey, ...fields }, 'xml').expect(400);
      expect((xml.parse(refused.text) as { errors: { error: { code: string } } }).errors.error.code).toBe(
        '400',
      );
    }
    const badQuery = await http
      .get('/open311/v2/requests.json')
      .query({ api_key: hotlineKey, start_date: 'yesterday' })
      .expect(400);
    expect(badQuery.body[0].code).toBe(400);
    await http.get('/open311/v2/requests/LC-1999-000001.json').query({ api_key: hotlineKey }).expect(404);
    await http.get('/open311/v2/services.yaml').expect(404);
    expect(await count()).toBe(before);
  });
});
