import { Module } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';

/** Produces ids for new rows and events (UUIDv7: time-ordered). */
export type IdGenerator = () => string;

/** Injection token of the {@link IdGenerator}. */
export const ID_GENERATOR = Symbol('ID_GENERATOR');

/** Provides {@link ID_GENERATOR} (UUIDv7); tests may override it. */
@Module({ providers: [{ provide: ID_GENERATOR, useValue: uuidv7 }], exports: [ID_GENERATOR] })
export class IdGeneratorModule {}
