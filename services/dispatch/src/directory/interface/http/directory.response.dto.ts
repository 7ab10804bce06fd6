import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CommunityView,
  EscalationLink,
  GridView,
  HouseholdView,
  PropertyCompanyView,
} from '../../domain/directory-views';
import { clockText, monthDayText, ServiceCalendar } from '../../domain/service-calendar';
import type { DirectoryChangeRecord } from '../../infrastructure/directory-change-log.typeorm-repository';
import type {
  DepartmentRecord,
  MemberRecord,
  OfficialRecord,
  StaffRecord,
} from '../../infrastructure/directory-listing.typeorm-repository';

/** A community in the directory. */
export class CommunityResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'c-01' }) code: string;
  @ApiProperty({ example: '裕翔社区' }) name: string;
  @ApiProperty({ example: '130111' }) districtCode: string;
  @ApiProperty({ format: 'uuid' }) streetId: string;
  @ApiProperty({ description: 'Offer submitted tickets to the top candidate without a staff decision.' })
  autoDispatch: boolean;
  @ApiProperty() active: boolean;

  /** The response for a community view. */
  static of(view: CommunityView): CommunityResponse {
    return Object.assign(new CommunityResponse(), view);
  }
}

/** A community's service calendar, in local clock times (Asia/Shanghai). */
export class ServiceCalendarResponse {
  @ApiProperty({ example: 480 }) utcOffsetMinutes: number;
  @ApiProperty({ example: '08:30' }) opensAt: string;
  @ApiProperty({ example: '17:30' }) ordinaryClosesAt: string;
  @ApiProperty({ example: '21:00' }) extendedClosesAt: string;
  @ApiProperty({ example: '20:00' }) autumnWinterClosesAt: string;
  @ApiProperty({ example: '10-01' }) autumnWinterFrom: string;
  @ApiProperty({ example: '03-31' }) autumnWinterTo: string;
  @ApiProperty({
    description:
      "Saturdays and Sundays are served from opening to the season's extended closing (like a weekday with extended hours); national make-up working days are served either way.",
  })
  weekendsAllDay: boolean;
  @ApiProperty({ example: ['2026-10-01'], description: "The community's own closures." }) holidays: string[];
  @ApiProperty({ description: 'Also serves on national public holidays (法定节假日).' })
  servesPublicHolidays: boolean;

  /** The response for a calendar. */
  static of(calendar: ServiceCalendar): ServiceCalendarResponse {
    return Object.assign(new ServiceCalendarResponse(), {
      utcOffsetMinutes: calendar.utcOffsetMinutes,
      opensAt: clockText(calendar.opensAt),
      ordinaryClosesAt: clockText(calendar.ordinaryClosesAt),
      extendedClosesAt: clockText(calendar.extendedClosesAt),
      autumnWinterClosesAt: clockText(calendar.autumnWinterClosesAt),
      autumnWinterFrom: monthDayText(calendar.autumnWinterFrom),
      autumnWinterTo: monthDayText(calendar.autumnWinterTo),
      weekendsAllDay: calendar.weekendsAllDay,
      holidays: [...calendar.holidays],
      servesPublicHolidays: calendar.servesPublicHolidays,
    });
  }
}

/** A grid of a community. */
export class GridResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'g-01-02' }) code: string;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty({ example: '裕翔社区第二网格' }) name: string;
  @ApiProperty() active: boolean;

  /** The response for a grid view. */
  static of(view: GridView): GridResponse {
    return Object.assign(new GridResponse(), view);
  }
}

/** A community with its calendar and grids. */
export class CommunityDetailResponse extends CommunityResponse {
  @ApiProperty({ type: ServiceCalendarResponse }) calendar: ServiceCalendarResponse;
  @ApiProperty({ type: [GridResponse] }) grids: GridResponse[];
}

/** A party member as community staff see them, private phone included. */
export class MemberResponse {
  @ApiProperty({ example: 'm-0001' }) id: string;
  @ApiProperty({ example: '王芳' }) name: string;
  @ApiPropertyOptional({
    type: String,
    example: '13800000000',
    nullable: true,
    description: 'Private; never published.',
  })
  phone: string | null;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty({ format: 'uuid' }) gridId: string;
  @ApiProperty({ example: ['repair', 'elderly_care'] }) skills: string[];
  @ApiProperty({ type: [String], description: 'Households looked after ("1+10").' }) householdIds: string[];
  @ApiProperty() active: boolean;

  /** The response for a member record. */
  static of(record: MemberRecord): MemberResponse {
    return Object.assign(new MemberResponse(), record);
  }
}

/** A person working for a community. */
export class StaffResponse {
  @ApiProperty({ example: 'stf-01-1' }) id: string;
  @ApiProperty({ example: '李静' }) name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ enum: ['staff', 'secretary', 'grid_worker'] }) role: string;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty({ type: [String] }) gridIds: string[];
  @ApiProperty() active: boolean;

  /** The response for a staff record. */
  static of(record: StaffRecord): StaffResponse {
    return Object.assign(new StaffResponse(), record);
  }
}

/** One rung of the escalation chain (三级包联). */
export class EscalationLinkResponse {
  @ApiProperty({ enum: [1, 2, 3] }) level: number;
  @ApiProperty({ enum: ['secretary', 'official'] }) role: string;
  @ApiProperty({ example: 'sec-01' }) userId: string;

  /** The response for an escalation link. */
  static of(link: EscalationLink): EscalationLinkResponse {
    return Object.assign(new EscalationLinkResponse(), link);
  }
}

/** One rejected import row. */
export class ImportRowErrorResponse {
  @ApiProperty({
    example: 3,
    description: 'Row number; the first data row is 1 (a CSV header is not counted).',
  })
  row: number;
  @ApiProperty({ example: 'gridCode' }) field: string;
  @ApiProperty({ example: 'rejected' }) code: string;
  @ApiProperty({ example: '找不到网格：g-99-01' }) message: string;
}

/** What an import did. */
export class ImportReportResponse {
  @ApiProperty({ example: 'members' }) kind: string;
  @ApiProperty({ example: 120 }) rows: number;
  @ApiProperty({ example: 100 }) created: number;
  @ApiProperty({ example: 15 }) updated: number;
  @ApiProperty({ example: 3 }) unchanged: number;
  @ApiProperty({ example: 2 }) rejected: number;
  @ApiProperty({ type: [ImportRowErrorResponse] }) errors: ImportRowErrorResponse[];
}

/** What a single upsert did. */
export class UpsertResponse {
  @ApiProperty({ example: 'members' }) kind: string;
  @ApiProperty({ enum: ['created', 'updated', 'unchanged'] }) outcome: string;
}

/** A household: its place, never its residents. */
export class HouseholdResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'cp-01-01-b01-1101' }) code: string;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty({ format: 'uuid' }) gridId: string;
  @ApiProperty({ format: 'uuid' }) compoundId: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) buildingId: string | null;
  @ApiProperty({ example: '幸福里 1号楼 1单元 101' }) addressLabel: string;

  /** The response for a household view. */
  static of(view: HouseholdView): HouseholdResponse {
    return Object.assign(new HouseholdResponse(), view);
  }
}

/** A property company and the compounds it manages. */
export class PropertyCompanyResponse {
  @ApiProperty({ example: 'pc-01' }) id: string;
  @ApiProperty({ example: 'pc-01' }) code: string;
  @ApiProperty({ example: '栾城区安居物业服务有限公司' }) name: string;
  @ApiProperty({ type: [String] }) compoundIds: string[];
  @ApiProperty() active: boolean;

  /** The response for a property company view. */
  static of(view: PropertyCompanyView): PropertyCompanyResponse {
    return Object.assign(new PropertyCompanyResponse(), view);
  }
}

/** A functional department that can be summoned to a ticket (吹哨报到), with its office hours. */
export class DepartmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'd-01' }) code: string;
  @ApiProperty({ example: '城管执法队' }) name: string;
  @ApiProperty({ example: '08:30', description: 'Opening time on a service day (Beijing time).' })
  opensAt: string;
  @ApiProperty({ example: '17:30', description: 'Closing time on a service day (Beijing time).' })
  closesAt: string;
  @ApiProperty({
    description: 'Serves Saturdays and Sundays too; otherwise only weekdays and make-up working days (调休).',
  })
  weekendsAllDay: boolean;

  /** The response for a department record. */
  static of(record: DepartmentRecord): DepartmentResponse {
    return Object.assign(new DepartmentResponse(), {
      id: record.id,
      code: record.code,
      name: record.name,
      opensAt: clockText(record.opensAt),
      closesAt: clockText(record.closesAt),
      weekendsAllDay: record.weekendsAllDay,
    });
  }
}

/** A town/street official (level 2) or county leader (level 3). */
export class OfficialResponse {
  @ApiProperty({ example: 'o2-01' }) id: string;
  @ApiProperty({ example: '孙主任' }) name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ enum: [2, 3] }) escalationLevel: number;
  @ApiProperty({ type: [String] }) communityIds: string[];
  @ApiProperty() active: boolean;

  /** The response for an official record. */
  static of(record: OfficialRecord): OfficialResponse {
    return Object.assign(new OfficialResponse(), record);
  }
}

/** One recorded directory change: who made it, when, to which entry, and the communities it touched. */
export class DirectoryChangeResponse {
  @ApiProperty({ example: '42', description: 'Sequence number; higher is newer.' }) id: string;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
  @ApiProperty({ example: 'admin-1' }) actorId: string;
  @ApiProperty({ example: 'admin', enum: ['admin', 'staff'] }) actorRole: string;
  @ApiProperty({
    example: 'staff',
    description:
      'street, community, grid, property_company, compound, building, household, unit, member, staff or official',
  })
  entryKind: string;
  @ApiProperty({ example: 'sec-01' }) entryId: string;
  @ApiProperty({ enum: ['created', 'updated', 'retired'] }) action: string;
  @ApiProperty({ type: [String], format: 'uuid' }) communityIds: string[];
  @ApiPropertyOptional() correlationId?: string;

  /** The response for a recorded change. */
  static of(change: DirectoryChangeRecord): DirectoryChangeResponse {
    return Object.assign(new DirectoryChangeResponse(), change, {
      changedAt: change.changedAt.toISOString(),
    });
  }
}
