// The rows a directory import accepts, one class per kind. CSV cells arrive as text, JSON values as
// JSON: the transforms accept both (a list is a JSON array or `a;b;c`, a flag `true/false/1/0/是/否`).
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsAccountId, IsCode } from '@loop/contracts';

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(/[;|]/)
        .map((item) => item.trim())
        .filter((item) => item !== '')
    : value;

const toFlag = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  if (['true', '1', 'yes', '是'].includes(text)) return true;
  if (['false', '0', 'no', '否'].includes(text)) return false;
  return value;
};

const toInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;

/** External codes: letters, digits, `.`, `_`, `-`. */
const codeFormat = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const clockFormat = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const monthDayFormat = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const dateFormat = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** Mainland mobile or landline numbers; stored privately, never published. */
const phoneFormat = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** A town or street (街道/乡镇). */
export class StreetRow {
  @Matches(codeFormat) code!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
}

/** A community with its policy and, optionally, its service calendar. */
export class CommunityRow {
  @Matches(codeFormat) code!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @Matches(/^\d{6}$/) districtCode!: string;
  @Matches(codeFormat) streetCode!: string;
  @IsOptional() @Transform(toFlag) @IsBoolean() autoDispatch?: boolean;
  @IsOptional() @Transform(toFlag) @IsBoolean() active?: boolean;
  @IsOptional() @Matches(clockFormat) opensAt?: string;
  @IsOptional() @Matches(clockFormat) ordinaryClosesAt?: string;
  @IsOptional() @Matches(clockFormat) extendedClosesAt?: string;
  @IsOptional() @Matches(clockFormat) autumnWinterClosesAt?: string;
  @IsOptional() @Matches(monthDayFormat) autumnWinterFrom?: string;
  @IsOptional() @Matches(monthDayFormat) autumnWinterTo?: string;
  @IsOptional() @Transform(toFlag) @IsBoolean() weekendsAllDay?: boolean;
  @IsOptional() @Transform(toFlag) @IsBoolean() servesPublicHolidays?: boolean;
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(dateFormat, { each: true })
  holidays?: string[];
}

/** A grid of a community. */
export class GridRow {
  @Matches(codeFormat) code!: string;
  @Matches(codeFormat) communityCode!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @IsOptional() @Transform(toFlag) @IsBoolean() active?: boolean;
}

/** A property company; `id` is its account id. */
export class PropertyCompanyRow {
  @IsAccountId() id!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @IsOptional() @Transform(toFlag) @IsBoolean() active?: boolean;
}

/** A residential compound and the property company managing it (if any). */
export class CompoundRow {
  @Matches(codeFormat) code!: string;
  @Matches(codeFormat) communityCode!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @IsOptional() @IsAccountId() propertyCompanyId?: string;
}

/** A building of a compound. */
export class BuildingRow {
  @Matches(codeFormat) code!: string;
  @Matches(codeFormat) compoundCode!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
}

/** A household: where it is, and nothing about who lives there. */
export class HouseholdRow {
  @Matches(codeFormat) code!: string;
  @Matches(codeFormat) gridCode!: string;
  @Matches(codeFormat) compoundCode!: string;
  @IsOptional() @Matches(codeFormat) buildingCode?: string;
  @IsString() @IsNotEmpty() @MaxLength(200) addressLabel!: string;
}

/**
 * A resident registered to a household (居民住户登记), by their account id; `active: false` removes the
 * registration. Staff import the roster they keep from the household register (户籍/居住登记).
 */
export class ResidentRow {
  @Matches(codeFormat) householdCode!: string;
  @IsAccountId() residentId!: string;
  @IsOptional() @Transform(toFlag) @IsBoolean() active?: boolean;
}

/** What a directory unit is: a work unit employing party members, or a functional department (职能部门). */
export const unitKinds = ['work_unit', 'department'] as const;
/** What a directory unit is. */
export type UnitKind = (typeof unitKinds)[number];

/** A work unit (工作单位). */
export class UnitRow {
  @Matches(codeFormat) code!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  /** `work_unit` (the default) employs party members; a `department` (职能部门) is summoned to tickets (吹哨报到). */
  @IsOptional() @IsIn(unitKinds) kind?: UnitKind;
  /** The unit admins (`unit_admin` accounts) told of a department's summons and checking in for it. */
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsAccountId({ each: true })
  adminIds?: string[];
  /** A department's service calendar: opening and closing time on its service days (08:30–17:30 by default). */
  @IsOptional() @Matches(clockFormat) opensAt?: string;
  @IsOptional() @Matches(clockFormat) closesAt?: string;
  /** Whether a department also serves at weekends (false by default: weekends closed, 调休 days worked). */
  @IsOptional() @Transform(toFlag) @IsBoolean() weekendsAllDay?: boolean;
}

/** An in-service party member; `id` is their account id. */
export class MemberRow {
  @IsAccountId() id!: string;
  @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @IsOptional() @Matches(phoneFormat) phone?: string;
  @Matches(codeFormat) unitCode!: string;
  @Matches(codeFormat) gridCode!: string;
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsCode({ each: true })
  skills?: string[];
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @Matches(codeFormat, { each: true })
  householdCodes?: string[];
  @IsOptional() @Transform(toFlag) @IsBoolean() active?: boolean;
}

/** A community's staff member, secretary or grid worker; `id` is their account id. */
export class StaffRow {
  @IsAccountId() id!: string;
  @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @IsOptional() @Matches(phoneFormat) phone?: string;
  @IsIn(['staff', 'secretary', 'grid_worker']) role!: 'staff' | 'secretary' | 'grid_worker';
  @Matches(codeFormat) communityCode!: string;
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(codeFormat, { each: true })
  gridCodes?: string[];
  @IsOptional() @Transform(toFlag) @IsBoolean() active?: boolean;
}

/** A town/street official (level 2) or county leader (level 3) and the communities they are linked to. */
export class OfficialRow {
  @IsAccountId() id!: string;
  @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @IsOptional() @Matches(phoneFormat) phone?: string;
  @Transform(toInteger) @IsIn([2, 3]) escalationLevel!: 2 | 3;
  @Transform(toList)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @Matches(codeFormat, { each: true })
  communityCodes!: string[];
  @IsOptional() @Transform(toFlag) @IsBoolean() active?: boolean;
}
