// The checks every service passes once it boots on real infrastructure; each service's suite calls
// this instead of repeating the same two tests.
import type { Type } from '@nestjs/common';
import request from 'supertest';
import type { ServiceOptions } from '@loop/platform';
import { startTestService, TestService } from './test-service';

/** Declares the boot suite of a service: ready against PostgreSQL, Redis and Kafka, and documented. */
export function describeServiceBoot(appModule: Type<unknown>, serviceOptions: ServiceOptions): void {
  describe(`the ${serviceOptions.name} service on real infrastructure`, () => {
    let service: TestService;

    beforeAll(async () => {
      service = await startTestService(appModule, serviceOptions);
    });
    afterAll(() => service?.close());

    it('reports ready once PostgreSQL, Redis and Kafka all answer', async () => {
      const response = await request(service.app.getHttpServer()).get('/health/ready').expect(200);
      expect(response.body).toMatchObject({ status: 'ok' });
      expect(Object.keys(response.body.info).sort()).toEqual(['kafka', 'postgres', 'redis']);
    });

    it('serves its OpenAPI document', async () => {
      const response = await request(service.app.getHttpServer()).get('/docs-json').expect(200);
      expect(response.body.info.title).toBe(serviceOptions.openapi && serviceOptions.openapi.title);
    });
  });
}
