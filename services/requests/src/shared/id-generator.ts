import { v7 as uuidv7 } from 'uuid';

/** Injection token of the id generator (UUIDv7), so tests can control ids. */
export const ID_GENERATOR = Symbol('ID_GENERATOR');

/** Produces a new time-ordered id. */
export type IdGenerator = () => string;

/** The production id generator: UUIDv7. */
export const uuidV7Generator: IdGenerator = () => uuidv7();
