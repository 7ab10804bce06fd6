// One problem, many reports (ADR 0016), told as stories against the four services running as separate
// processes on real Kafka, PostgreSQL and Redis, through their public HTTP APIs only: neighbours report
// the same problem, staff merge the reports into the first, the work is done once, every reporter
// confirms their own ticket, and the hours are credited once; a report merged by mistake is unmerged and
// closes its own loop. After each story the loop auditor must find nothing broken.
import { LoopCluster, waitFor } from '@loop/testing';
import { CommunityFacts, DemoDistrict, DistrictHousehold, DistrictMember } from './support/demo-district';
import { callJson } from './support/http-json';
import { linesFor, netMinutesFor } from './support/ledger-reading';
import { expectLoopAuditClean } from './support/loop-audit';
import { LoopApi, LoopReport, NewTicket, Ticket } from './support/loop-api';
import { startStoryCluster } from './support/story-cluster';
import { StoryPeople } from './support/story-people';

interface Proposal {
  duplicateTicketId: string;
  masterTicketId: string;
  status: string;
  similarity: number;
}

interface TicketDuplicates {
  mergedInto: { ticketId: string; ticketNumber: string } | null;
  duplicates: Array<{ ticketId: string }>;
  proposals: Proposal[];
}

describe('one problem, many reports', () => {
  let cluster: LoopCluster;
  let api: LoopApi;
  let district: DemoDistrict;
  let people: StoryPeople;
  let community: CommunityFacts;

  beforeAll(async () => {
    cluster = await startStoryCluster('e2e-duplicates');
    api = new LoopApi(cluster);
    people = new StoryPeople(cluster);
    district = new DemoDistrict(cluster, await people.admin());
    // Staff dispatch by hand here, so the reports wait for them and nothing is offered before they merge.
    community = await district.community((candidate) => !candidate.autoDispatch);
  });

  afterEach(async () => {
    if (cluster) await expectLoopAuditClean(cluster);
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  const requests = (path: string) => `${cluster.url('requests')}${path}`;

  const merge = (staff: string, duplicateId: string, masterTicketId: string, reason: string) =>
    callJson<TicketDuplicates>('POST', requests(`/tickets/${duplicateId}/merge`), {
      token: staff,
      body: { masterTicketId, reason },
    });

  /** Households of one compound in one grid, each with the resident the demo registered to it. */
  async function neighbours(
    count: number,
    skip = 0,
  ): Promise<Array<{ household: DistrictHousehold; resident: string }>> {
    for (const grid of community.grids) {
      const byCompound = new Map<string, DistrictHousehold[]>();
      for (const household of await district.households(community.id, grid.id)) {
        byCompound.set(household.compoundId, [...(byCompound.get(household.compoundId) ?? []), household]);
      }
      const compound = [...byCompound.values()].find((households) => households.length >= count + skip);
      if (compound) {
        const chosen = compound.slice(skip, skip + count);
        return Promise.all(
          chosen.map(async (household) => ({ household, resident: await district.residentOf(household) })),
        );
      }
    }
    throw new Error(`No compound of ${community.code} has ${count + skip} households`);
  }

  function report(household: DistrictHousehold, categoryCode: string, title: string): NewTicket {
    return {
      categoryCode,
      urgency: 'normal',
      title,
      description: '小区门口的路灯晚上不亮，老人出门看不清路。',
      location: { communityId: community.id, gridId: household.gridId, householdId: household.id },
    };
  }

  async function memberOf(memberId: string): Promise<DistrictMember> {
    const found = (await district.members(community.id)).find((member) => member.id === memberId);
    if (!found) throw new Error(`${memberId} is not an active member of ${community.code}`);
    return found;
  }

  /** Staff offer the ticket by hand to the top suggestion; the member does the work in `minutes`. */
  async function dispatchAndDo(staff: string, ticket: Ticket, minutes: number): Promise<DistrictMember> {
    await api.waitForDispatchCase(
      staff,
      ticket.id,
      (found) => found.status === 'awaiting_dispatch',
      'queued',
    );
    const suggestion = await api.suggestion(staff, ticket.id);
    const member = await memberOf(suggestion.candidates[0].memberId);
    const offer = await api.dispatch(staff, ticket.id, { kind: 'member', id: member.id });
    const memberToken = await people.member(member);
    await api.waitForOffer(memberToken, ticket.id);
    await api.doTheWork(memberToken, offer.id, minutes, '已更换灯泡');
    return member;
  }

  function moved(before: LoopReport, after: LoopReport, by: Record<string, number>): boolean {
    return Object.entries(by).every(
      ([count, delta]) => (after.counts[count] ?? 0) - (before.counts[count] ?? 0) === delta,
    );
  }

  it('merges three neighbours’ reports into the first: the work is done once, every reporter confirms their own ticket, and the hours are credited once', async () => {
    const staff = await people.staff(community);
    const before = await api.loopReport(staff, { communityId: community.id });
    const [first, second, third] = await neighbours(3);
    const residents = await Promise.all([first, second, third].map((n) => people.resident(n.resident)));
    const master = await api.submitTicket(
      residents[0].token,
      report(first.household, 'public.health', '小区门口路灯不亮'),
    );
    const duplicates = [
      await api.submitTicket(residents[1].token, report(second.household, 'public.health', '门口路灯坏了')),
      await api.submitTicket(residents[2].token, report(third.household, 'public.health', '路灯不亮了')),
    ];

    // Staff see both later reports proposed as duplicates of the first, and merge them.
    const proposals = await callJson<Proposal[]>(
      'GET',
      requests(`/duplicate-proposals?communityId=${community.id}`),
      { token: staff },
    );
    for (const duplicate of duplicates) {
      expect(proposals).toContainEqual(
        expect.objectContaining({
          duplicateTicketId: duplicate.id,
          masterTicketId: master.id,
          status: 'open',
        }),
      );
      const merged = await merge(staff, duplicate.id, master.id, '同一盏路灯');
      expect(merged.mergedInto).toEqual({ ticketId: master.id, ticketNumber: master.number });
    }
    // Their own dispatch cases are withdrawn, as for a withdrawn ticket.
    for (const duplicate of duplicates) {
      await api.waitForDispatchCase(
        staff,
        duplicate.id,
        (found) => found.status === 'cancelled',
        'withdrawn',
      );
    }

    const member = await dispatchAndDo(staff, master, 35);

    // Every reporter sees the master's work done on their own ticket, is told, and confirms it.
    for (const [index, ticket] of [...duplicates, master].entries()) {
      const resident = residents[(index + 1) % 3];
      await api.waitForStatus(resident.token, ticket.id, 'resolved');
      await api.waitForNotification(resident.token, 'work_completed', ticket.id);
    }
    // A duplicate's resident reads the master's story in their own ticket, each step saying who was told.
    const story = await api.readTicket(residents[1].token, duplicates[0].id);
    expect(story.timeline.map((entry) => entry.type)).toEqual(
      expect.arrayContaining(['ticket.merged', 'ticket.dispatched', 'work.completed']),
    );
    const ratings = [4, 5, 5];
    for (const [index, ticket] of [...duplicates, master].entries()) {
      const closed = await api.confirm(residents[(index + 1) % 3].token, ticket.id, ratings[index]);
      expect(closed).toMatchObject({ status: 'closed', rating: ratings[index] });
    }

    // The member is credited the 35 minutes once, for the master's work only.
    const memberToken = await people.member(member);
    const statement = await api.waitForStatement(
      memberToken,
      member.id,
      (s) => linesFor(s, master.id).length > 0,
      'the master credited',
    );
    expect(linesFor(statement, master.id)).toEqual([
      expect.objectContaining({ kind: 'credit', minutes: 35 }),
    ]);
    for (const duplicate of duplicates) expect(linesFor(statement, duplicate.id)).toEqual([]);

    // The report counts one problem and three reports: 受理率 and 办结率 are over the problem.
    const after = await waitFor(
      async () => {
        const current = await api.loopReport(staff, { communityId: community.id });
        return moved(before, current, { submitted: 1, closed: 1, reportsReceived: 3, duplicatesMerged: 2 })
          ? current
          : undefined;
      },
      { timeoutMs: 15_000, description: 'the report to count one problem and three reports' },
    );
    expect(after.counts.completed - before.counts.completed).toBe(1);
    // Nothing more is credited once everything has settled.
    const settled = await api.statement(memberToken, member.id);
    expect(netMinutesFor(settled, master.id)).toBe(35);
  });

  it('unmerges a report merged by mistake: it is dispatched again on its own and closes its own loop', async () => {
    const staff = await people.staff(community);
    const [first, second] = await neighbours(2);
    const [owner, neighbour] = await Promise.all([
      people.resident(first.resident),
      people.resident(second.resident),
    ]);
    const master = await api.submitTicket(
      owner.token,
      report(first.household, 'safety.hazard', '路灯杆歪了'),
    );
    const other = await api.submitTicket(
      neighbour.token,
      report(second.household, 'safety.hazard', '井盖松动'),
    );
    await merge(staff, other.id, master.id, '同一处隐患');
    await api.waitForDispatchCase(staff, other.id, (found) => found.status === 'cancelled', 'withdrawn');

    const unmerged = await callJson<TicketDuplicates>('POST', requests(`/tickets/${other.id}/unmerge`), {
      token: staff,
      body: { reason: '是另一处隐患：井盖松动' },
    });
    expect(unmerged.mergedInto).toBeNull();
    expect(unmerged.proposals).toContainEqual(
      expect.objectContaining({ masterTicketId: master.id, status: 'kept_apart' }),
    );
    await api.waitForNotification(neighbour.token, 'ticket_unmerged', other.id);

    const [masterMember, otherMember] = [
      await dispatchAndDo(staff, master, 20),
      await dispatchAndDo(staff, other, 25),
    ];
    await api.waitForStatus(owner.token, master.id, 'resolved');
    await api.waitForStatus(neighbour.token, other.id, 'resolved');
    await api.confirm(owner.token, master.id, 5);
    await api.confirm(neighbour.token, other.id, 4);

    for (const [member, ticket, minutes] of [
      [masterMember, master, 20],
      [otherMember, other, 25],
    ] as const) {
      const token = await people.member(member);
      await api.waitForStatement(
        token,
        member.id,
        (s) => netMinutesFor(s, ticket.id) === minutes,
        `${ticket.number} credited on its own`,
      );
    }
  });
});
