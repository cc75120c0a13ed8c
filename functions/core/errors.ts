/**
 * One error type per meaning. The core throws these; the HTTP layer maps each
 * to a status and a problem+json body once (functions/http/problem.ts).
 */
import type { Violation } from '../../schemas/messages';

export type ProblemKind =
  | 'validation'
  | 'not-eligible'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition-failed'
  | 'precondition-required'
  | 'duplicate-application'
  | 'illegal-transition'
  | 'idempotency-key-reused'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'too-many-requests'
  | 'service-unavailable';

export class DomainError extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly violations: readonly Violation[] = [],
    /** Extra members of the problem document, e.g. a link to the open application. */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(kind);
    this.name = 'DomainError';
  }
}

export const validationFailed = (violations: readonly Violation[]) => new DomainError('validation', violations);
export const notEligible = (violations: readonly Violation[]) => new DomainError('not-eligible', violations);
export const notFound = () => new DomainError('not-found');
export const unauthorized = () => new DomainError('unauthorized');
export const forbidden = () => new DomainError('forbidden');

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
