// The checks every loop-audit facts endpoint (`POST /audit/…` in dispatch, volunteer-hours and
// notifications) shares: only an admin may ask, a bad batch is a 400 problem, and the route is documented.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { TestService } from './test-service';

/** Which endpoint to check, on which running service. */
export interface AuditFactsEndpoint {
  /** Route, e.g. `/audit/dispatch-cases`. */
  path: string;
  /** Name of the 200 answer's schema in the OpenAPI document. */
  responseSchema: string;
  /** The service under test (read when the tests run, after `beforeAll`). */
  service: () => TestService;
}

/** Declares the shared tests inside the caller's `describe`. */
export function itGuardsTheAuditFactsEndpoint(endpoint: AuditFactsEndpoint): void {
  const http = () => request(endpoint.service().app.getHttpServer());
  const bearer = async (role: 'admin' | 'staff') =>
    `Bearer ${await endpoint.service().tokenFor({ sub: `audit-${role}`, roles: [role] })}`;

  it('refuses anyone but an admin', async () => {
    const response = await http()
      .post(endpoint.path)
      .set('Authorization', await bearer('staff'))
      .send({ ids: [randomUUID()] })
      .expect(403);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('rejects a batch holding a non-UUID or no ids at all as a problem', async () => {
    const admin = await bearer('admin');
    for (const ids of [[randomUUID(), 'not-an-id'], []]) {
      const response = await http().post(endpoint.path).set('Authorization', admin).send({ ids }).expect(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body).toMatchObject({
        status: 400,
        errors: [expect.objectContaining({ field: 'ids' })],
      });
    }
  });

  it('is documented in the OpenAPI document with its answer and request schemas', async () => {
    const docs = await http().get('/docs-json').expect(200);
    const route = docs.body.paths[endpoint.path].post;
    expect(route.responses['200'].content['application/json'].schema.$ref).toBe(
      `#/components/schemas/${endpoint.responseSchema}`,
    );
    expect(route.requestBody.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/LoopAuditFactsRequestDto',
    );
  });
}
