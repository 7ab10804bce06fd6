// The cluster itself: four services as separate processes, wired through Kafka, with the demo district.
import { LoopCluster, waitFor } from '@loop/testing';

const c02 = {
  communityId: '44b0d157-1d68-5e41-9871-0a8592abb766',
  gridId: '4154dada-3e10-525f-8a96-e7cc9e1578d1',
  householdId: '5e6d872b-14a7-59d6-bed9-a802c01f5137',
};

describe('the loop cluster', () => {
  let cluster: LoopCluster;
  beforeAll(async () => {
    cluster = await LoopCluster.start({ name: 'e2e-smoke', env: { TIMERS_POLL_INTERVAL_MS: '200' } });
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('runs every service in its own process and offers a submitted ticket to the household’s member', async () => {
    const pids = ['requests', 'dispatch', 'volunteer-hours', 'notifications'].map(
      (name) => cluster.service(name as 'requests').pid,
    );
    expect(new Set(pids).size).toBe(4);
    expect(pids).not.toContain(process.pid);
    const resident = await cluster.token({ sub: 'resident-smoke', roles: ['resident'] });
    const member = await cluster.token({ sub: 'm-0114', roles: ['member'] });
    const submitted = await fetch(`${cluster.url('requests')}/tickets`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${resident}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': crypto.randomUUID(),
      },
      body: JSON.stringify({
        categoryCode: 'elderly.disabled.help',
        urgency: 'normal',
        title: '楼道灯坏了',
        description: '三楼楼道灯不亮，老人晚上出行不便。',
        location: c02,
      }),
    });
    expect(submitted.status).toBe(201);
    const ticket = (await submitted.json()) as { id: string };
    const offer = await waitFor(
      async () => {
        const response = await fetch(`${cluster.url('dispatch')}/me/offers`, {
          headers: { Authorization: `Bearer ${member}` },
        });
        const offers = (await response.json()) as { ticketId: string }[];
        return offers.find((item) => item.ticketId === ticket.id);
      },
      { timeoutMs: 30_000, description: 'the offer to reach member m-0114' },
    );
    expect(offer.ticketId).toBe(ticket.id);
  });
});
