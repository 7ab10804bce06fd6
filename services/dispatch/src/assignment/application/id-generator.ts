import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';

/** Source of new ids (UUIDv7, time-ordered); tests may bind a predictable one. */
export abstract class IdGenerator {
  /** A new id. */
  abstract next(): string;
}

/** UUIDv7 ids from the uuid library. */
@Injectable()
export class UuidV7IdGenerator extends IdGenerator {
  /** A new UUIDv7. */
  next(): string {
    return uuidv7();
  }
}
