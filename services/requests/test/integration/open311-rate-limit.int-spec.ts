// Each Open311 api_key files at most RATE_LIMIT_OPEN311_FILINGS requests per window, counted in Redis
// by the platform's limiter; past it the client is told when to try again, in GeoReport's error format.
import { TestService } from '@loop/testing';
import request from 'supertest';
import { place, startRequestsService } from './support/requests-kit';

describe('how often an Open311 api_key may file', () => {
  let service: TestService;
  let http: ReturnType<typeof request>;

  const issueKey = async (admin: string, clientId: string) =>
    (
      (
        await http
          .post('/open311/keys')
          .set('Authorization', `Bearer ${admin}`)
          .send({ clientId, clientName: clientId, channel: 'app', communityIds: [place.community] })
          .expect(201)
      ).body as { apiKey: string }
    ).apiKey;
  const file = (apiKey: string) =>
    http.post('/open311/v2/requests.json').type('form').send({
      api_key: apiKey,
      service_code: 'property.repair',
      address_id: place.household,
      description: '3 号楼 2 单元楼道灯坏了一周，晚上老人上下楼不方便。',
    });

  beforeAll(async () => {
    service = await startRequestsService({
      RATE_LIMIT_OPEN311_FILINGS: '2',
      RATE_LIMIT_WINDOW_SECONDS: '600',
    });
    http = request(service.app.getHttpServer());
  });
  afterAll(async () => {
    await service?.close();
  });

  it('refuses a key’s filing past its allowance with 429 and Retry-After, while another key still files', async () => {
    const admin = await service.tokenFor({ sub: 'admin-limits', roles: ['admin'] });
    const busy = await issueKey(admin, 'busy-app');
    await file(busy).expect(200);
    await file(busy).expect(200);
    const refused = await file(busy).expect(429);
    expect(refused.body).toEqual([{ code: 429, description: expect.stringContaining('api_key') }]);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    const other = await issueKey(admin, 'quiet-app');
    await file(other).expect(200);
  });
});
