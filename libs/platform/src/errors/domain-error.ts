import type { LocalizedText } from './language';

/** The kinds of domain failure and the HTTP status each becomes. */
export const DOMAIN_PROBLEM_STATUS = {
  /** The thing asked for does not exist (or is not visible to the caller). */
  'not-found': 404,
  /** The request lost a race or contradicts the current state, e.g. an offer already accepted. */
  conflict: 409,
  /** The request is well-formed but breaks a business rule, e.g. rating a ticket that is not resolved. */
  'rule-violated': 422,
  /** The caller is authenticated but outside the scope the rule allows, e.g. another community's ticket. */
  forbidden: 403,
} as const;

/** A kind of domain failure; decides the HTTP status. */
export type DomainProblemType = keyof typeof DOMAIN_PROBLEM_STATUS;

/**
 * Base class of the errors domain code throws. It imports nothing from Nest, so aggregates and policies
 * can throw it; the platform's exception filter turns it into problem+json with the mapped status.
 *
 * @example
 * export class OfferAlreadyTakenError extends DomainError {
 *   readonly code = 'offer.already-taken';
 *   readonly problemType = 'conflict';
 *   constructor(offerId: string) {
 *     super(`offer ${offerId} was already accepted`, {
 *       'zh-CN': '该任务已被其他党员接单', en: 'Another member has already accepted this task' });
 *   }
 * }
 */
export abstract class DomainError extends Error {
  /** Stable, machine-readable code (`<aggregate>.<failure>`), also the last part of the problem type URI. */
  abstract readonly code: string;
  /** Which kind of failure this is; decides the HTTP status. */
  abstract readonly problemType: DomainProblemType;

  /**
   * @param message English text for logs and for the problem detail when `userMessage` is absent.
   * @param userMessage What the person using the app should read, per language.
   */
  constructor(
    message: string,
    readonly userMessage?: LocalizedText,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
