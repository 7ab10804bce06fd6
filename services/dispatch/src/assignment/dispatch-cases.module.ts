import { Module } from '@nestjs/common';
import { DispatchCases } from './application/dispatch-cases.port';
import { DispatchCaseRepository } from './infrastructure/dispatch-case.typeorm-repository';

/**
 * The dispatch cases' store, in a module of its own: the assignment module imports the summons module
 * (for its completion gate), so the summons slice reads and locks cases through this one instead.
 * Other slices inject {@link DispatchCases}; the assignment slice uses the repository itself.
 */
@Module({
  providers: [DispatchCaseRepository, { provide: DispatchCases, useExisting: DispatchCaseRepository }],
  exports: [DispatchCaseRepository, DispatchCases],
})
export class DispatchCasesModule {}
