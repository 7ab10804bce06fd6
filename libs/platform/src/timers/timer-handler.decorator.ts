import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DueTimer } from './timer-store';

/** Metadata key marking a provider method as the handler of one timer kind. */
export const TIMER_HANDLER = Symbol('TIMER_HANDLER');

/** A timer handler: runs in the transaction that also removes the timer. */
export type TimerHandlerFunction = (timer: DueTimer, manager: EntityManager) => Promise<void>;

/**
 * Marks a provider method as the handler of timers of `kind`. It runs inside a transaction that also
 * deletes the timer, so its effects (and outbox events) and the timer's removal commit together; if it
 * throws, nothing commits and the timer is retried later.
 */
export const TimerHandler = (kind: string): MethodDecorator => SetMetadata(TIMER_HANDLER, kind);
