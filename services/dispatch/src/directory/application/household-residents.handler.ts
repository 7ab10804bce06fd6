import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser, Language } from '@loop/platform';
import { DataSource } from 'typeorm';
import { DirectoryEntryNotFoundError } from '../domain/directory.errors';
import { CompoundPlacesRepository } from '../infrastructure/compound-places.typeorm-repository';
import { DirectoryRepository } from '../infrastructure/directory.typeorm-repository';
import { DirectoryScope } from './directory-scope';
import { ImportDirectoryRowsHandler } from './import/import-directory-rows.handler';

/**
 * Registers residents to households (居民住户登记) one at a time, as staff do at the service desk after
 * checking the household register. It is the `residents` import row applied alone, so scope, the change
 * log and the compound's published state behave exactly as in a bulk import.
 */
@Injectable()
export class HouseholdResidentsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: DirectoryRepository,
    private readonly places: CompoundPlacesRepository,
    private readonly imports: ImportDirectoryRowsHandler,
  ) {}

  /** The residents registered to the household; 404 for an unknown one, 403 outside the caller's communities. */
  async residentsOf(householdId: string, user: AuthenticatedUser): Promise<string[]> {
    await this.householdInScope(householdId, user);
    return this.places.residentsOf(this.dataSource.manager, householdId);
  }

  /** Registers (`registered` true) or removes the resident; returns the household's residents after it. */
  async change(
    householdId: string,
    residentId: string,
    registered: boolean,
    user: AuthenticatedUser,
    language: Language,
  ): Promise<string[]> {
    const householdCode = await this.householdInScope(householdId, user);
    await this.imports.upsertOne(
      'residents',
      { householdCode, residentId, active: registered },
      user,
      language,
    );
    return this.places.residentsOf(this.dataSource.manager, householdId);
  }

  private async householdInScope(householdId: string, user: AuthenticatedUser): Promise<string> {
    const household = await this.repository.rowById(
      this.dataSource.manager,
      'directory_household',
      householdId,
    );
    if (!household) throw new DirectoryEntryNotFoundError('household', householdId);
    DirectoryScope.of(user).assertManages(String(household.community_id));
    return String(household.code);
  }
}
