import { Module } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';

/** Makes new ids (UUIDv7, time-ordered); injected so tests can control them. */
export type IdGenerator = () => string;

/** Injection token of the {@link IdGenerator}. */
export const ID_GENERATOR = Symbol('ID_GENERATOR');

/** Provides {@link ID_GENERATOR} backed by uuid v7. */
@Module({ providers: [{ provide: ID_GENERATOR, useValue: () => uuidv7() }], exports: [ID_GENERATOR] })
export class IdGeneratorModule {}
