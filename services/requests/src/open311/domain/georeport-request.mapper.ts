// A ticket as GeoReport v2 shows a service request: status open or closed, the service it was filed
// under, its dates and deadlines, and where it is as the client gave it. Nothing about people: no
// resident, no contact, no member; the agency responsible is named by kind only.
import { ticketCategory } from '@loop/contracts';
import type { Language } from '@loop/platform';
import { statusNameZh, type TicketStatus } from '../../ticket/domain/ticket-status';
import { serviceName, serviceNotice } from './georeport-services.mapper';

/** What the facade reads of a ticket and of its filing. */
export interface FiledTicket {
  id: string;
  number: string;
  status: TicketStatus;
  categoryCode: string;
  description: string;
  assigneeKind: 'member' | 'property_company' | null;
  submittedAt: Date;
  statusChangedAt: Date;
  closedAt: Date | null;
  cancelledAt: Date | null;
  acceptDueAt: Date | null;
  completionDueAt: Date | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  /** The directory place id the client gave as address_id. */
  addressId: string | null;
  mediaUrl: string | null;
}

/** A service request as `GET requests` answers it, fields in the specification's order. */
export interface GeoReportRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** The answer to `POST requests`: the id at once (every service is realtime). */
export interface GeoReportFiled {
  service_request_id: string;
  service_notice: string;
  account_id: string | null;
}

/** The answer to `GET tokens/{token}`. */
export interface GeoReportToken {
  service_request_id: string;
  token: string;
}

const statusNameEn: Record<TicketStatus, string> = {
  submitted: 'Waiting for dispatch',
  dispatched: 'Offered to a party member',
  accepted: 'Accepted',
  in_progress: 'In progress',
  resolved: 'Done, waiting for confirmation',
  closed: 'Closed',
  cancelled: 'Cancelled',
  reopened: 'Reopened, waiting for dispatch',
};

/** `closed` once the ticket is closed or cancelled; `open` while the loop still owes something. */
export function geoReportStatus(status: TicketStatus): 'open' | 'closed' {
  return status === 'closed' || status === 'cancelled' ? 'closed' : 'open';
}

/** The ticket as a GeoReport service request. */
export function toGeoReportRequest(ticket: FiledTicket, language: Language): GeoReportRequest {
  const category = ticketCategory(ticket.categoryCode);
  const status = geoReportStatus(ticket.status);
  const updated =
    status === 'closed'
      ? (ticket.closedAt ?? ticket.cancelledAt ?? ticket.statusChangedAt)
      : ticket.statusChangedAt;
  const expected = status === 'open' ? (ticket.completionDueAt ?? ticket.acceptDueAt) : null;
  return {
    service_request_id: ticket.number,
    status,
    status_notes: language === 'en' ? statusNameEn[ticket.status] : statusNameZh[ticket.status],
    service_name: category ? serviceName(category, language) : ticket.categoryCode,
    service_code: ticket.categoryCode,
    description: ticket.description,
    agency_responsible: agencyResponsible(ticket.assigneeKind, language),
    service_notice: serviceNotice(language),
    requested_datetime: w3(ticket.submittedAt),
    updated_datetime: w3(updated),
    expected_datetime: expected ? w3(expected) : null,
    address: ticket.address,
    address_id: ticket.addressId,
    zipcode: null,
    lat: ticket.latitude,
    long: ticket.longitude,
    media_url: ticket.mediaUrl,
  };
}

/** Who answers for the request, by kind: the community until an assignee holds it. */
export function agencyResponsible(kind: FiledTicket['assigneeKind'], language: Language): string {
  if (kind === 'member') return language === 'en' ? 'Party member of the community' : '社区在职党员';
  if (kind === 'property_company') return language === 'en' ? 'Property company' : '红色物业';
  return language === 'en' ? 'Community service station' : '社区服务站';
}

/** A date in the specification's w3 format, in UTC (`2010-01-01T00:00:00Z`). */
export function w3(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
