import { XMLParser } from 'fast-xml-parser';
import { placeFiling } from './georeport-place.policy';
import { readFiling, titleFrom } from './georeport-filing.policy';
import { readQuery } from './georeport-query.policy';
import { FiledTicket, geoReportStatus, toGeoReportRequest } from './georeport-request.mapper';
import { serviceDefinitionOf, servicesOf } from './georeport-services.mapper';
import { errorsXml, serviceDefinitionXml, serviceRequestsXml, servicesXml } from './georeport-xml.mapper';
import { Open311Error } from './open311.errors';

const parser = new XMLParser({ parseTagValue: false });
const status = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof Open311Error ? error.status : 'not an Open311 error';
  }
  return 'no error';
};

const ticket: FiledTicket = {
  id: '0190f5c2-7b1e-7c3a-9d2e-3f4a5b6c7d8e',
  number: 'LC-2026-000123',
  status: 'accepted',
  categoryCode: 'property.repair',
  description: '3 号楼楼道灯坏了一周',
  assigneeKind: 'member',
  submittedAt: new Date('2026-12-01T02:00:00.000Z'),
  statusChangedAt: new Date('2026-12-01T03:00:00.000Z'),
  closedAt: null,
  cancelledAt: null,
  acceptDueAt: new Date('2026-12-01T02:30:00.000Z'),
  completionDueAt: new Date('2026-12-02T02:00:00.000Z'),
  address: '幸福小区 3 号楼',
  latitude: 37.9,
  longitude: 114.68,
  addressId: null,
  mediaUrl: 'https://example.org/light.jpg',
};

describe('the category catalogue as GeoReport services', () => {
  it('lists every active category as a realtime service with metadata, keywords and a group', () => {
    const services = servicesOf('zh-CN');
    expect(services[0]).toEqual({
      service_code: 'property.repair',
      service_name: '物业维修',
      description: '物业维修（Property repairs）',
      metadata: true,
      type: 'realtime',
      keywords: 'repair, electrical, plumbing',
      group: 'property',
    });
    expect(Object.keys(services[0])).toEqual([
      'service_code',
      'service_name',
      'description',
      'metadata',
      'type',
      'keywords',
      'group',
    ]);
    expect(servicesOf('en')[0].service_name).toBe('Property repairs');
  });

  it('defines the urgency attribute as a single-value list and answers 404 for an unknown service', () => {
    const definition = serviceDefinitionOf('property.repair', 'zh-CN');
    expect(definition.attributes[0]).toMatchObject({
      variable: true,
      code: 'urgency',
      datatype: 'singlevaluelist',
      required: false,
      order: 1,
    });
    expect(definition.attributes[0].values?.map((value) => value.key)).toEqual([
      'normal',
      'urgent',
      'emergency',
    ]);
    expect(status(() => serviceDefinitionOf('no.such', 'zh-CN'))).toBe(404);
  });
});

describe('reading a GeoReport filing', () => {
  const form = {
    service_code: 'property.repair',
    address_id: '4A4C0D96-5B2E-4F1C-9E99-7C6D5A8F9EA4',
    description: '3 号楼 2 单元楼道灯坏了一周，晚上老人上下楼不方便。',
    first_name: '阿姨',
    last_name: '王',
    phone: '13800138000',
    email: 'wang@example.org',
    account_id: 'app-user-7',
    media_url: 'https://example.org/light.jpg',
    attribute: { urgency: 'urgent' },
  };

  it('reads the service, urgency, place, contact and media of a well-formed filing', () => {
    expect(readFiling(form)).toEqual({
      serviceCode: 'property.repair',
      urgency: 'urgent',
      description: form.description,
      location: { addressId: '4a4c0d96-5b2e-4f1c-9e99-7c6d5a8f9ea4' },
      contact: { name: '阿姨 王', phone: '13800138000' },
      mediaUrl: 'https://example.org/light.jpg',
      accountId: 'app-user-7',
    });
  });

  it('reads attributes named as the form names them in a JSON body too', () => {
    const { attribute: _nested, ...rest } = form;
    expect(readFiling({ ...rest, 'attribute[urgency]': 'emergency' }).urgency).toBe('emergency');
  });

  it('takes lat and long as numbers or text, and normal urgency when none is given', () => {
    const filing = readFiling({
      service_code: 'x',
      description: form.description,
      lat: '37.9',
      long: 114.68,
    });
    expect(filing.location).toEqual({ lat: 37.9, long: 114.68 });
    expect(filing.urgency).toBe('normal');
    expect(filing.contact).toBeNull();
  });

  it('refuses with 400 a filing without a location, half a coordinate, a short description or an unknown attribute', () => {
    const base = {
      service_code: 'property.repair',
      description: form.description,
      address_id: form.address_id,
    };
    expect(status(() => readFiling({ ...base, address_id: undefined }))).toBe(400);
    expect(status(() => readFiling({ ...base, lat: '37.9' }))).toBe(400);
    expect(status(() => readFiling({ ...base, lat: '91', long: '1' }))).toBe(400);
    expect(status(() => readFiling({ ...base, description: '太短' }))).toBe(400);
    expect(status(() => readFiling({ ...base, attribute: { colour: 'red' } }))).toBe(400);
    expect(status(() => readFiling({ ...base, attribute: { urgency: 'whenever' } }))).toBe(400);
    expect(status(() => readFiling({ ...base, address_id: '545483' }))).toBe(400);
    expect(status(() => readFiling({ ...base, media_url: 'javascript:alert(1)' }))).toBe(400);
    expect(status(() => readFiling({ ...base, phone: 'call me' }))).toBe(400);
    expect(status(() => readFiling({ ...base, service_code: undefined }))).toBe(400);
    expect(status(() => readFiling({ ...base, surprise: 'x' }))).toBe(400);
  });

  it('titles the ticket with the first line of the description, or the service name when that is too short', () => {
    expect(titleFrom('楼道灯不亮\n三楼到五楼都不亮', '物业维修')).toBe('楼道灯不亮');
    expect(titleFrom('灯\n坏了很久了', '物业维修')).toBe('物业维修');
  });
});

describe('placing a GeoReport filing', () => {
  const scope = { communityIds: ['c-1'], gridsByCommunity: { 'c-1': ['g-1'] } };
  const household = {
    kind: 'household' as const,
    householdId: 'h-1',
    communityId: 'c-1',
    gridId: 'g-1',
    compoundId: 'k-1',
    buildingId: 'b-1',
  };

  it('places a household address_id with its community, grid, compound and building', () => {
    expect(placeFiling('h-1', household, scope)).toEqual({
      communityId: 'c-1',
      gridId: 'g-1',
      compoundId: 'k-1',
      buildingId: 'b-1',
      householdId: 'h-1',
    });
  });

  it('places a compound address_id only when its households lie in one grid', () => {
    const compound = { kind: 'compound' as const, compoundId: 'k-1', communityId: 'c-1', gridIds: ['g-1'] };
    expect(placeFiling('k-1', compound, scope)).toEqual({
      communityId: 'c-1',
      gridId: 'g-1',
      compoundId: 'k-1',
    });
    expect(status(() => placeFiling('k-1', { ...compound, gridIds: ['g-1', 'g-2'] }, scope))).toBe(400);
  });

  it('refuses an unknown address_id with 400 and a place outside the key’s communities with 403', () => {
    expect(status(() => placeFiling('h-9', null, scope))).toBe(400);
    expect(status(() => placeFiling('h-1', { ...household, communityId: 'c-2' }, scope))).toBe(403);
  });

  it('places a filing without address_id only in a key’s single community with a single grid', () => {
    expect(placeFiling(undefined, null, scope)).toEqual({ communityId: 'c-1', gridId: 'g-1' });
    expect(
      status(() => placeFiling(undefined, null, { ...scope, gridsByCommunity: { 'c-1': ['g-1', 'g-2'] } })),
    ).toBe(400);
  });
});

describe('reading a GeoReport query', () => {
  const now = new Date('2026-12-07T00:00:00Z');

  it('lets a list of ids override every other argument', () => {
    expect(readQuery({ service_request_id: 'LC-1, LC-2', status: 'bogus' }, now)).toEqual({
      kind: 'ids',
      ids: ['LC-1', 'LC-2'],
    });
  });

  it('defaults to the most recent 90 days and at most 1000 requests', () => {
    expect(readQuery({}, now)).toEqual({
      kind: 'search',
      serviceCodes: [],
      statuses: [],
      from: new Date('2026-09-08T00:00:00Z'),
      to: now,
      limit: 1000,
    });
  });

  it('refuses with 400 an unknown status, a date not in w3 format and a window over 90 days', () => {
    expect(status(() => readQuery({ status: 'pending' }, now))).toBe(400);
    expect(status(() => readQuery({ start_date: '2026-12-01' }, now))).toBe(400);
    expect(
      status(() => readQuery({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-06-01T00:00:00Z' }, now)),
    ).toBe(400);
  });
});

describe('a ticket as a GeoReport service request', () => {
  it('shows an open ticket with its completion deadline as expected_datetime and no personal data', () => {
    const request = toGeoReportRequest(ticket, 'zh-CN');
    expect(request).toEqual({
      service_request_id: 'LC-2026-000123',
      status: 'open',
      status_notes: '已接单',
      service_name: '物业维修',
      service_code: 'property.repair',
      description: '3 号楼楼道灯坏了一周',
      agency_responsible: '社区在职党员',
      service_notice: expect.any(String),
      requested_datetime: '2026-12-01T02:00:00Z',
      updated_datetime: '2026-12-01T03:00:00Z',
      expected_datetime: '2026-12-02T02:00:00Z',
      address: '幸福小区 3 号楼',
      address_id: null,
      zipcode: null,
      lat: 37.9,
      long: 114.68,
      media_url: 'https://example.org/light.jpg',
    });
  });

  it('shows closed and cancelled tickets as closed, dated when they closed, with nothing expected', () => {
    const closedAt = new Date('2026-12-03T00:00:00Z');
    const closed = toGeoReportRequest({ ...ticket, status: 'closed', closedAt }, 'en');
    expect(closed).toMatchObject({
      status: 'closed',
      status_notes: 'Closed',
      updated_datetime: '2026-12-03T00:00:00Z',
      expected_datetime: null,
    });
    expect(geoReportStatus('cancelled')).toBe('closed');
    expect(geoReportStatus('resolved')).toBe('open');
    expect(geoReportStatus('reopened')).toBe('open');
  });
});

describe('GeoReport XML', () => {
  it('writes services as <services><service> with the fields in order', () => {
    const xml = servicesXml(servicesOf('zh-CN'));
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const parsed = parser.parse(xml) as { services: { service: Array<Record<string, string>> } };
    expect(Object.keys(parsed.services.service[0])).toEqual([
      'service_code',
      'service_name',
      'description',
      'metadata',
      'type',
      'keywords',
      'group',
    ]);
    expect(parsed.services.service[0].metadata).toBe('true');
  });

  it('writes a service definition with <attributes><attribute> and <values><value>', () => {
    const parsed = parser.parse(serviceDefinitionXml(serviceDefinitionOf('property.repair', 'en'))) as {
      service_definition: {
        service_code: string;
        attributes: { attribute: Array<{ values?: { value: Array<{ key: string; name: string }> } }> };
      };
    };
    expect(parsed.service_definition.service_code).toBe('property.repair');
    expect(parsed.service_definition.attributes.attribute[0].values?.value[1]).toEqual({
      key: 'urgent',
      name: 'Urgent',
    });
  });

  it('writes requests as <service_requests><request>, an absent value as an empty element', () => {
    const xml = serviceRequestsXml([toGeoReportRequest(ticket, 'zh-CN')]);
    expect(xml).toContain('<zipcode></zipcode>');
    const parsed = parser.parse(xml) as { service_requests: { request: Record<string, string> } };
    expect(parsed.service_requests.request.service_request_id).toBe('LC-2026-000123');
    expect(parsed.service_requests.request.lat).toBe('37.9');
  });

  it('writes errors as <errors><error><code><description>', () => {
    const parsed = parser.parse(errorsXml([{ code: 403, description: 'bad key' }])) as {
      errors: { error: { code: string; description: string } };
    };
    expect(parsed.errors.error).toEqual({ code: '403', description: 'bad key' });
  });
});
