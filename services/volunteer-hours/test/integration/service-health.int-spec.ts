import request from 'supertest';
import { startTestService, TestService } from '@loop/testing';
import { AppModule } from '../../src/app.module';
import { volunteerHoursServiceOptions } from '../../src/service-options';

describe('the volunteer-hours service on real infrastructure', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(AppModule, volunteerHoursServiceOptions);
  });
  afterAll(() => service?.close());

  it('reports ready once PostgreSQL, Redis and Kafka all answer', async () => {
    const response = await request(service.app.getHttpServer()).get('/health/ready').expect(200);
    expect(response.body).toMatchObject({ status: 'ok' });
    expect(Object.keys(response.body.info).sort()).toEqual(['kafka', 'postgres', 'redis']);
  });

  it('serves its OpenAPI document', async () => {
    const response = await request(service.app.getHttpServer()).get('/docs-json').expect(200);
    expect(response.body.info.title).toBe(
      volunteerHoursServiceOptions.openapi && volunteerHoursServiceOptions.openapi.title,
    );
  });
});
