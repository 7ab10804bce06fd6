import { Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { RecordedEvents } from '@loop/contracts';
import { Cause, requestCause, UnitOfWork, UnitsOfWork } from '@loop/messaging';
import {
  translateViolations,
  ValidationFailedException,
  type AuthenticatedUser,
  type Language,
} from '@loop/platform';
import {
  DirectoryChangeRefusedError,
  DirectoryEntryRejectedError,
  UnknownImportKindError,
} from '../../domain/directory.errors';
import { CompoundPlacesRepository } from '../../infrastructure/compound-places.typeorm-repository';
import { DirectoryChangeLogRepository } from '../../infrastructure/directory-change-log.typeorm-repository';
import { DirectoryRepository, UpsertOutcome } from '../../infrastructure/directory.typeorm-repository';
import { DirectoryEvents } from '../directory-events';
import { DirectoryScope } from '../directory-scope';
import { TouchedCompounds } from '../touched-compounds';
import { ApplyContext, ImportKind, importKinds } from './import-kinds';
import { RowRejected } from './row-rejected';
import { ServiceCalendarCache } from '../calendar-cache';

/** One rejected row: its number (the first data row is 1; a CSV header is not counted), field and reason. */
export interface ImportRowError {
  row: number;
  field: string;
  code: string;
  message: string;
}

/** What an import did, row by row. */
export interface ImportReport {
  kind: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: ImportRowError[];
}

// What one transaction's rows did, added to the report once it commits.
type ChunkReport = Pick<ImportReport, 'created' | 'updated' | 'unchanged' | 'errors'>;

/** An import request: the kind, the raw rows (parsed CSV records or JSON objects), who asks, in which language. */
export interface ImportDirectoryRows {
  kind: string;
  rows: readonly unknown[];
  user: AuthenticatedUser;
  language: Language;
}

// Rows per transaction: big enough to be fast, small enough not to hold locks for long.
const rowsPerTransaction = 500;

/**
 * Imports directory rows: each row is validated, then applied inside its own savepoint with its events,
 * so valid rows are applied, invalid rows are reported with their field, and no row is half-applied.
 * Rows are upserts by external id: re-importing a file changes nothing and publishes nothing.
 */
@Injectable()
export class ImportDirectoryRowsHandler {
  private readonly logger = new Logger(ImportDirectoryRowsHandler.name);

  constructor(
    private readonly units: UnitsOfWork,
    private readonly repository: DirectoryRepository,
    private readonly places: CompoundPlacesRepository,
    private readonly changeLog: DirectoryChangeLogRepository,
    private readonly calendars: ServiceCalendarCache,
  ) {}

  /** Imports the rows and reports per row; throws 404 for an unknown kind and 403 for a district kind asked by staff. */
  async execute(command: ImportDirectoryRows): Promise<ImportReport> {
    const kind = this.kindOf(command.kind, command.user);
    const scope = DirectoryScope.of(command.user);
    const report: ImportReport = {
      kind: command.kind,
      rows: command.rows.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      errors: [],
    };
    const valid: Array<{ number: number; row: object }> = [];
    const references = new Map<string, Record<string, string>>();
    for (const [index, raw] of command.rows.entries()) {
      const checked = await validateRow(kind, raw, command.language);
      if ('errors' in checked)
        report.errors.push(...checked.errors.map((error) => ({ row: index + 1, ...error })));
      else valid.push({ number: index + 1, row: checked.row });
    }
    const authorise: ApplyContext['authorise'] = (communityId, field) => {
      if (!scope.manages(communityId)) {
        throw new RowRejected(field, { 'zh-CN': '只能导入本社区的名录', en: 'outside your communities' });
      }
    };
    for (let start = 0; start < valid.length; start += rowsPerTransaction) {
      const rows = valid.slice(start, start + rowsPerTransaction);
      // Counted per transaction, so one run again after a conflict does not count its rows twice.
      const chunk = await this.units.run(causeOf(command.user), async (unit) => {
        const done: ChunkReport = { created: 0, updated: 0, unchanged: 0, errors: [] };
        const compounds = new TouchedCompounds();
        for (const { number, row } of rows) {
          await unit.manager.query('SAVEPOINT directory_row');
          // A row's compounds and events count only once its savepoint is kept.
          const rowCompounds = new TouchedCompounds();
          const rowEvents = new RecordedEvents();
          try {
            const outcome = await kind.apply(
              row,
              this.applyContext(unit, rowEvents, command.user, references, rowCompounds, authorise),
            );
            unit.recordAll(rowEvents.take());
            await unit.manager.query('RELEASE SAVEPOINT directory_row');
            compounds.merge(rowCompounds);
            done[outcome] += 1;
          } catch (error) {
            await unit.manager.query('ROLLBACK TO SAVEPOINT directory_row');
            done.errors.push({ row: number, ...this.rowError(error, command.language) });
          }
        }
        await this.publishCompounds(unit, compounds);
        return done;
      });
      // Community rows carry service calendars: deadlines must not keep using the old ones.
      this.calendars.forgetAll();
      report.created += chunk.created;
      report.updated += chunk.updated;
      report.unchanged += chunk.unchanged;
      report.errors.push(...chunk.errors);
    }
    report.errors.sort((a, b) => a.row - b.row);
    report.rejected = new Set(report.errors.map((error) => error.row)).size;
    return report;
  }

  /**
   * Upserts one entry outside an import: 422 with the field-level reasons when it cannot be applied,
   * 403 when it lies outside the caller's communities.
   */
  async upsertOne(
    kindName: string,
    raw: unknown,
    user: AuthenticatedUser,
    language: Language,
  ): Promise<UpsertOutcome> {
    const kind = this.kindOf(kindName, user);
    const scope = DirectoryScope.of(user);
    const checked = await validateRow(kind, raw, language);
    if ('errors' in checked) throw new DirectoryEntryRejectedError(checked.errors);
    try {
      const outcome = await this.units.run(causeOf(user), async (unit) => {
        const compounds = new TouchedCompounds();
        const outcome = await kind.apply(
          checked.row,
          this.applyContext(unit, unit, user, new Map(), compounds, (communityId) =>
            scope.assertManages(communityId),
          ),
        );
        await this.publishCompounds(unit, compounds);
        return outcome;
      });
      this.calendars.forgetAll();
      return outcome;
    } catch (error) {
      if (error instanceof RowRejected)
        throw new DirectoryEntryRejectedError([{ field: error.field, message: error.text[language] }]);
      throw error;
    }
  }

  private kindOf(name: string, user: AuthenticatedUser): ImportKind {
    const kind = Object.prototype.hasOwnProperty.call(importKinds, name) ? importKinds[name] : undefined;
    if (!kind) throw new UnknownImportKindError(name);
    if (kind.scope === 'district') DirectoryScope.of(user).assertDistrictWide();
    return kind;
  }

  private async publishCompounds(unit: UnitOfWork, compounds: TouchedCompounds): Promise<void> {
    await compounds.publish(unit, { directory: this.repository, compounds: this.places });
  }

  // `events` is the unit itself, or the row's pending events when the row has a savepoint of its own.
  private applyContext(
    unit: UnitOfWork,
    events: DirectoryEvents,
    user: AuthenticatedUser,
    references: ApplyContext['references'],
    compounds: TouchedCompounds,
    authorise: ApplyContext['authorise'],
  ): ApplyContext {
    const { manager, now, cause } = unit;
    return {
      manager,
      repository: this.repository,
      places: this.places,
      now,
      events,
      touchCompound: (compoundId, created) => compounds.touch(compoundId, created),
      authorise,
      actor: { districtWide: DirectoryScope.of(user).districtWide },
      record: (change) =>
        this.changeLog.record(manager, {
          ...change,
          changedAt: now,
          actorId: user.id,
          actorRole: cause.actor.role,
          correlationId: cause.correlationId,
        }),
      references,
    };
  }

  private rowError(error: unknown, language: Language): Omit<ImportRowError, 'row'> {
    if (error instanceof RowRejected)
      return { field: error.field, code: 'rejected', message: error.text[language] };
    // A refusal by level (the oversight chain, a move between communities) is this row's, not the file's.
    if (error instanceof DirectoryChangeRefusedError)
      return { field: error.field, code: error.code, message: error.userMessage![language] };
    // Validation catches what it can; anything the database still refuses is reported, not hidden.
    this.logger.warn({ err: error }, 'directory row refused by the database');
    const constraint = (error as { constraint?: string }).constraint;
    return {
      field: '',
      code: 'refused-by-database',
      message:
        language === 'en'
          ? `the row could not be stored${constraint ? ` (${constraint})` : ''}`
          : `该行无法保存${constraint ? `（${constraint}）` : ''}`,
    };
  }
}

// Directory changes are made by the district admin or a community's staff, in their request.
function causeOf(user: AuthenticatedUser): Cause {
  return requestCause(user.roles.includes('admin') ? 'admin' : 'staff', user.id);
}

async function validateRow(
  kind: ImportKind,
  raw: unknown,
  language: Language,
): Promise<{ row: object } | { errors: Array<Omit<ImportRowError, 'row'>> }> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      errors: [
        {
          field: '',
          code: 'isObject',
          message: language === 'en' ? 'a row must be an object' : '每一行必须是一个对象',
        },
      ],
    };
  }
  // An empty CSV cell means "not given", exactly like a missing JSON key.
  const cleaned = Object.fromEntries(
    Object.entries(raw).filter(([, value]) => value !== '' && value !== null),
  );
  const row = plainToInstance(kind.rowClass, cleaned);
  const problems = await validate(row, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: true, value: false },
  });
  if (problems.length === 0) return { row };
  const violations = ValidationFailedException.fromValidationErrors(problems).violations;
  return {
    errors: translateViolations(violations, language).map(({ field, code, message }) => ({
      field,
      code,
      message,
    })),
  };
}
