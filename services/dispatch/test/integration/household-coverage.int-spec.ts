// The monthly community report asks the directory for each community's "1+10" coverage: its own
// community for staff, any for the district's admin, nothing for anyone else.
import { randomUUID } from 'node:crypto';
import { TestService } from '@loop/testing';
import request from 'supertest';
import { AssignmentHarness, bearer, startAssignmentSuite, tokensOf, world } from './assignment-world';

describe('the directory’s household coverage for the monthly community report', () => {
  let service: TestService;
  let harness: AssignmentHarness;
  let tokens: Awaited<ReturnType<typeof tokensOf>>;
  const ask = (token: string, communityIds: unknown) =>
    request(service.app.getHttpServer())
      .post('/reports/household-coverage')
      .set('Authorization', token)
      .send({ communityIds });

  beforeAll(async () => {
    ({ service, harness, tokens } = await startAssignmentSuite({ policies: [] }));
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
    await service?.close();
  });

  it('counts households, those a member looks after, and members of the community', async () => {
    const answer = await ask(tokens.staffA, [world.communityA]).expect(200);
    // World A: one household, looked after by the linked member; three active members.
    expect(answer.body.communities).toEqual([
      { communityId: world.communityA, name: '幸福社区', households: 1, householdsLinked: 1, members: 3 },
    ]);
  });

  it('lets the district’s admin read any community and leaves out one the directory does not know', async () => {
    const admin = await bearer(service, { sub: 'admin-1', roles: ['admin'] });
    const answer = await ask(admin, [world.communityB, randomUUID()]).expect(200);
    expect(answer.body.communities.map((c: { communityId: string }) => c.communityId)).toEqual([
      world.communityB,
    ]);
  });

  it('refuses a community outside the reader’s scope, a unit’s admin and a member, and malformed lists', async () => {
    const outside = await ask(tokens.staffA, [world.communityA, world.communityB]).expect(403);
    expect(outside.body).toMatchObject({
      code: 'report.outside-scope',
      detail: '所选社区不在您的管辖范围内',
    });
    const unitAdmin = await bearer(service, { sub: 'ua-1', roles: ['admin'], unit_id: 'unit-tax' });
    await ask(unitAdmin, [world.communityA]).expect(403);
    await ask(tokens.linkedMember, [world.communityA]).expect(403);
    await ask(tokens.staffA, []).expect(400);
    await ask(tokens.staffA, ['c-a']).expect(400);
  });
});
