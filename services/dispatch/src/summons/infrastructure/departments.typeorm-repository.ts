// The functional departments of the directory (units of kind `department`) as summonses need them: the
// label the public knows, the unit admins who act for them, and their service calendar.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  ServiceCalendar,
  standardServiceCalendar,
  withNationalDays,
} from '../../directory/domain/service-calendar';

/** A department that can be summoned. */
export interface Department {
  id: string;
  label: string;
  adminIds: string[];
  calendar: ServiceCalendar;
}

interface DepartmentRow {
  id: string;
  name: string;
  admin_ids: string[];
  opens_at: number;
  closes_at: number;
  weekends_all_day: boolean;
  national_holidays: string[];
  national_workdays: string[];
}

/** Reads departments from the directory tables. */
@Injectable()
export class DepartmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The departments among `ids`; work units and unknown ids are absent. */
  async departments(manager: EntityManager | undefined, ids: readonly string[]): Promise<Department[]> {
    const rows: DepartmentRow[] = await (manager ?? this.dataSource.manager).query(
      `SELECT u.id, u.name, u.admin_ids, u.opens_at, u.closes_at, u.weekends_all_day,
              ARRAY(SELECT d::text FROM directory_public_holidays p, unnest(p.holidays) d ORDER BY d) AS national_holidays,
              ARRAY(SELECT d::text FROM directory_public_holidays p, unnest(p.workdays) d ORDER BY d) AS national_workdays
         FROM directory_unit u WHERE u.id = ANY($1::uuid[]) AND u.kind = 'department'`,
      [ids],
    );
    return rows.map((row) => ({
      id: row.id,
      label: row.name,
      adminIds: row.admin_ids ?? [],
      calendar: departmentCalendar(row),
    }));
  }
}

// A department keeps office hours: one window a service day, weekends closed unless it says otherwise,
// national holidays closed and make-up working days (调休) worked.
function departmentCalendar(row: DepartmentRow): ServiceCalendar {
  const closes = Number(row.closes_at);
  return withNationalDays(
    standardServiceCalendar({
      opensAt: Number(row.opens_at),
      ordinaryClosesAt: closes,
      extendedClosesAt: closes,
      autumnWinterClosesAt: closes,
      weekendsAllDay: row.weekends_all_day,
    }),
    { holidays: row.national_holidays, workdays: row.national_workdays },
  );
}
