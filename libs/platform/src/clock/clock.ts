import { Module } from '@nestjs/common';

/** The source of "now" for domain code, so tests control time instead of reading the wall clock. */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** Injection token of the {@link Clock}. */
export const CLOCK = Symbol('CLOCK');

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** Provides {@link CLOCK} (the system clock); tests override the provider with a fixed or stepping clock. */
@Module({ providers: [{ provide: CLOCK, useValue: systemClock }], exports: [CLOCK] })
export class ClockModule {}
