import { Inject, Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '@loop/contracts';
import { OutboxWriter } from '@loop/messaging';
import {
  CLOCK,
  correlationContext,
  translateViolations,
  ValidationFailedException,
  type AuthenticatedUser,
  type Clock,
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
import { DirectoryScope } from '../directory-scope';
import { TouchedCompounds } from '../touched-compounds';
import { ApplyContext, ImportKind, importKinds } from './import-kinds';
import { RowRejected } from './row-rejected';

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
    private readonly dataSource: DataSource,
    private readonly repository: DirectoryRepository,
    private readonly places: CompoundPlacesRepository,
    private readonly outbox: OutboxWriter,
    private readonly changeLog: DirectoryChangeLogRepository,
    @Inject(CLOCK) private readonly clock: Clock,
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
    for (let start = 0; start < valid.length; start += rowsPerTransaction) {
      await this.dataSource.transaction(async (manager) => {
        const compounds = new TouchedCompounds();
        for (const { number, row } of valid.slice(start, start + rowsPerTransaction)) {
          await manager.query('SAVEPOINT directory_row');
          // A row's compounds count only once its savepoint is kept.
          const rowCompounds = new TouchedCompounds();
          try {
            const outcome = await kind.apply(
              row,
              this.applyContext(manager, command.user, references, rowCompounds, (communityId, field) => {
                if (!scope.manages(communityId)) {
                  throw new RowRejected(field, {
                    'zh-CN': '只能导入本社区的名录',
                    en: 'outside your communities',
                  });
                }
              }),
            );
            await manager.query('RELEASE SAVEPOINT directory_row');
            compounds.merge(rowCompounds);
            report[outcome] += 1;
          } catch (error) {
            await manager.query('ROLLBACK TO SAVEPOINT directory_row');
            report.errors.push({ row: number, ...this.rowError(error, command.language) });
          }
        }
        await this.publishCompounds(manager, compounds, command.user);
      });
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
      return await this.dataSource.transaction(async (manager) => {
        const compounds = new TouchedCompounds();
        const outcome = await kind.apply(
          checked.row,
          this.applyContext(manager, user, new Map(), compounds, (communityId) =>
            scope.assertManages(communityId),
          ),
        );
        await this.publishCompounds(manager, compounds, user);
        return outcome;
      });
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

  private publishCompounds(
    manager: EntityManager,
    compounds: TouchedCompounds,
    user: AuthenticatedUser,
  ): Promise<void> {
    return compounds.publish(
      manager,
      { directory: this.repository, compounds: this.places },
      (envelopes) => this.outbox.add(manager, envelopes),
      this.eventContext(user),
      this.clock.now(),
    );
  }

  private eventContext(user: AuthenticatedUser): ApplyContext['events'] {
    return {
      actor: { role: actorRole(user), id: user.id },
      correlationId: correlationContext.current()?.correlationId,
      clock: this.clock,
    };
  }

  private applyContext(
    manager: EntityManager,
    user: AuthenticatedUser,
    references: ApplyContext['references'],
    compounds: TouchedCompounds,
    authorise: ApplyContext['authorise'],
  ): ApplyContext {
    const role = actorRole(user);
    const now = this.clock.now();
    const correlationId = correlationContext.current()?.correlationId;
    return {
      manager,
      repository: this.repository,
      places: this.places,
      now,
      events: this.eventContext(user),
      touchCompound: (compoundId, created) => compounds.touch(compoundId, created),
      publish: (envelopes: EventEnvelope[]) => this.outbox.add(manager, envelopes),
      authorise,
      actor: { districtWide: DirectoryScope.of(user).districtWide },
      record: (change) =>
        this.changeLog.record(manager, {
          ...change,
          changedAt: now,
          actorId: user.id,
          actorRole: role,
          correlationId,
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

// Directory changes are made by the district admin or a community's staff.
function actorRole(user: AuthenticatedUser): 'admin' | 'staff' {
  return user.roles.includes('admin') ? 'admin' : 'staff';
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
