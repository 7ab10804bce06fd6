import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PublicHolidaySchedule } from '../domain/public-holiday-schedule';

/** A year's national schedule as stored, with who loaded it and when. */
export interface StoredPublicHolidaySchedule extends PublicHolidaySchedule {
  /** Account id of the admin who loaded it, or `migration` for the schedule shipped with the service. */
  loadedBy: string;
  loadedAt: Date;
  /** 1 for the first load of the year, one more for every reload. */
  revision: number;
}

const columns = `year, source, holidays::text[] AS holidays, workdays::text[] AS workdays, loaded_by, loaded_at, revision`;

/** The national public-holiday schedules, one row per year (directory_public_holidays). */
@Injectable()
export class PublicHolidayRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The schedule of the year, or null when it was never loaded. */
  async find(year: number): Promise<StoredPublicHolidaySchedule | null> {
    const rows = await this.dataSource.query(
      `SELECT ${columns} FROM directory_public_holidays WHERE year = $1`,
      [year],
    );
    return rows[0] ? scheduleFromRow(rows[0]) : null;
  }

  /** Every year loaded, oldest first. */
  async list(): Promise<StoredPublicHolidaySchedule[]> {
    const rows = await this.dataSource.query(
      `SELECT ${columns} FROM directory_public_holidays ORDER BY year`,
    );
    return rows.map(scheduleFromRow);
  }

  /** Stores the year's schedule, replacing any earlier load of that year (its revision goes up). */
  async save(
    schedule: PublicHolidaySchedule,
    loadedBy: string,
    loadedAt: Date,
  ): Promise<StoredPublicHolidaySchedule> {
    const rows = await this.dataSource.query(
      `INSERT INTO directory_public_holidays (year, source, holidays, workdays, loaded_by, loaded_at)
       VALUES ($1, $2, $3::date[], $4::date[], $5, $6)
       ON CONFLICT (year) DO UPDATE
         SET source = EXCLUDED.source, holidays = EXCLUDED.holidays, workdays = EXCLUDED.workdays,
             loaded_by = EXCLUDED.loaded_by, loaded_at = EXCLUDED.loaded_at,
             revision = directory_public_holidays.revision + 1
       RETURNING ${columns}`,
      [schedule.year, schedule.source, schedule.holidays, schedule.workdays, loadedBy, loadedAt],
    );
    return scheduleFromRow(rows[0]);
  }
}

function scheduleFromRow(row: Record<string, unknown>): StoredPublicHolidaySchedule {
  return {
    year: Number(row.year),
    source: String(row.source),
    holidays: dateList(row.holidays),
    workdays: dateList(row.workdays),
    loadedBy: String(row.loaded_by),
    loadedAt: new Date(row.loaded_at as string),
    revision: Number(row.revision),
  };
}

// `date[]::text[]` arrives as a JS array from pg; sorted so the answer never depends on insertion order.
function dateList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String).sort() : [];
}
