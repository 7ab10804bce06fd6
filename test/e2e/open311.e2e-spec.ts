// An Open311 client in the closed loop: the city's 12345 platform files a GeoReport v2 request with the
// api_key the district admin issued it, the loop runs as for any ticket — auto-dispatched to the member
// who looks after the household, accepted, done — staff close it on a callback to the reporter (nobody
// signs in as them), and the client follows it to `closed` in JSON and in XML. Four services as separate
// processes on real Kafka, PostgreSQL and Redis; the loop auditor finds nothing broken afterwards.
import { LoopCluster, waitFor } from '@loop/testing';
import { XMLParser } from 'fast-xml-parser';
import { CommunityFacts, DemoDistrict } from './support/demo-district';
import { callJson } from './support/http-json';
import { expectLoopAuditClean } from './support/loop-audit';
import { LoopApi, Ticket } from './support/loop-api';
import { startStoryCluster } from './support/story-cluster';
import { StoryPeople } from './support/story-people';

interface GeoReportRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  agency_responsible: string | null;
  [field: string]: unknown;
}

describe('an Open311 client in the closed loop', () => {
  let cluster: LoopCluster;
  let api: LoopApi;
  let district: DemoDistrict;
  let people: StoryPeople;
  let community: CommunityFacts;
  let admin: string;

  const open311 = (path: string) => `${cluster.url('requests')}/open311/v2/${path}`;

  beforeAll(async () => {
    cluster = await startStoryCluster('e2e-open311');
    api = new LoopApi(cluster);
    people = new StoryPeople(cluster);
    admin = await people.admin();
    district = new DemoDistrict(cluster, admin);
    community = await district.community((found) => found.autoDispatch);
  });

  afterEach(async () => {
    if (cluster) await expectLoopAuditClean(cluster);
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('files a 12345 request in JSON that is dispatched, done and closed on a staff callback, and the client follows it to closed in JSON and XML', async () => {
    const grid = community.grids[0];
    const { household, member } = await district.lookedAfterHousehold(community.id, grid.id, 0);
    const staff = await people.staff(community);
    const { apiKey } = await callJson<{ apiKey: string }>('POST', `${cluster.url('requests')}/open311/keys`, {
      token: admin,
      body: {
        clientId: 'hotline-12345',
        clientName: '12345 市民服务热线',
        channel: 'hotline',
        communityIds: [community.id],
      },
    });

    // The platform files as GeoReport clients do; this one sends JSON.
    const [filed] = await callJson<Array<{ service_request_id: string; account_id: string | null }>>(
      'POST',
      open311('requests.json'),
      {
        body: {
          api_key: apiKey,
          service_code: 'property.repair',
          address_id: household.id,
          address_string: '幸福小区 3 号楼 2 单元',
          description: '市民来电：3 号楼 2 单元楼道灯坏了一周，晚上老人上下楼不方便。',
          first_name: '阿姨',
          last_name: '王',
          phone: '13800138000',
          'attribute[urgency]': 'normal',
        },
      },
    );
    const number = filed.service_request_id;
    const follow = (format: 'json' | 'xml') =>
      fetch(`${open311(`requests/${number}.${format}`)}?api_key=${encodeURIComponent(apiKey)}`);

    // Staff find it by its number: a hotline ticket without a resident, at the household.
    const page = await callJson<{ items: Array<Pick<Ticket, 'id' | 'number'>> }>(
      'GET',
      `${cluster.url('requests')}/tickets?q=${encodeURIComponent(number)}`,
      { token: staff },
    );
    const found = page.items.find((item) => item.number === number);
    expect(found).toBeDefined();
    const ticket = await api.readTicket(staff, found!.id);
    expect(ticket).toMatchObject({ source: 'hotline', residentId: null });

    // Auto-dispatch offers it to the member who looks after the household; they do the work.
    const memberToken = await people.member(member);
    const offer = await api.waitForOffer(memberToken, ticket.id);
    await api.doTheWork(memberToken, offer.id, 30, '已更换楼道灯泡');
    await api.waitForStatus(staff, ticket.id, 'resolved');

    const resolved = (await (await follow('json')).json()) as GeoReportRequest[];
    expect(resolved[0]).toMatchObject({ service_request_id: number, status: 'open' });
    expect(resolved[0].agency_responsible).toBe('社区在职党员');

    // Nobody signs in as the reporter: staff call them back and record the verdict.
    const closed = await api.callback(staff, ticket.id, 5, '回访：市民反映灯已修好');
    expect(closed.status).toBe('closed');

    const json = await waitFor(
      async () => {
        const answer = (await (await follow('json')).json()) as GeoReportRequest[];
        return answer[0]?.status === 'closed' ? answer : undefined;
      },
      { description: `${number} closed for the client`, timeoutMs: 20_000 },
    );
    expect(json[0]).toMatchObject({ service_request_id: number, status: 'closed', status_notes: '已办结' });
    const everything = JSON.stringify(json);
    for (const personal of ['13800138000', '王', member.id]) expect(everything).not.toContain(personal);

    const xml = await follow('xml');
    expect(xml.headers.get('content-type')).toMatch(/^text\/xml/);
    const parsed = new XMLParser({ parseTagValue: false }).parse(await xml.text()) as {
      service_requests: { request: GeoReportRequest };
    };
    expect(parsed.service_requests.request).toMatchObject({ service_request_id: number, status: 'closed' });
  });
});
