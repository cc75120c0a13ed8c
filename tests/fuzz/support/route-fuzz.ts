/**
 * What the fuzz suite needs to know about a route: one entry per route key in
 * tests/fuzz/registry.ts. Everything generic (claims, media types, body size
 * and shape, unicode, prototype keys, Idempotency-Key, junk in the parts the
 * route ignores) comes from the route's schemas; an entry adds the route's own
 * valid request and its own hostile values (other people's ids, forged cursors).
 */
import type fc from 'fast-check';
import type * as z from 'zod/mini';
import type { Role } from '../../../functions/core/model';
import type { Answer, Caller, FuzzRequest, Identity } from './requests';

/** Someone of the world with things of their own. */
export interface Holder {
  readonly identity: Identity;
  readonly ids: readonly string[];
  readonly references: readonly string[];
  /** A real next-page cursor of their list. */
  readonly cursor: string;
}

/** Data seeded before fuzzing, shared by every route: other people's things, to everyone else. */
export interface World {
  readonly today: string;
  /** A citizen with applications of their own. */
  readonly owner: Holder;
  /** A social-service officer with referrals of their organisation. */
  readonly referrer: Holder;
  /** A staff member working on every service. */
  readonly staff: { readonly identity: Identity; readonly cursor: string };
}

/**
 * In a body's `expectedVersion`, stands for the version the application has when the request is sent: the suite
 * reads it just before sending and puts it in place, so a state-changing request passes the version check and
 * meets the route's own rules (a transition the status allows or not).
 */
export const currentVersion = 987_654;

/** The parts of a valid request; claims and headers are filled in. */
export type ValidRequest = Pick<FuzzRequest, 'query' | 'path'> & { readonly as: Caller; readonly body?: unknown };

export interface RouteFuzz {
  /** Roles the route serves; the first one sends the fresh requests. `public` routes take no claims. */
  readonly roles: readonly [Role, ...Role[]] | 'public';
  /** Requests that pass the route's contract. */
  readonly valid: (world: World) => fc.Arbitrary<ValidRequest>;
  /** What a valid request is answered (default 2xx); e.g. 409 for a version nobody has. */
  readonly validAnswers?: readonly number[];
  /** The schemas the handler validates with (the same objects), for classifying mutated input. */
  readonly body?: z.ZodMiniType;
  /**
   * The body's published JSON Schema (GET /openapi.json through Ajv), set by the suite: when present, a body is
   * judged by it instead of by `body`, so a handler schema more permissive than the contract is caught.
   */
  readonly publishedBody?: (value: unknown) => boolean;
  readonly query?: z.ZodMiniType;
  readonly path?: z.ZodMiniType;
  /** Whether the route honours an Idempotency-Key header (and so refuses a malformed one). */
  readonly idempotent?: boolean;
  /** Route-specific hostile values, tried besides the generic ones. */
  readonly hostileQuery?: (world: World) => fc.Arbitrary<Record<string, string>>;
  readonly hostilePath?: (world: World) => fc.Arbitrary<Record<string, string>>;
  /** False when a request that passes the schemas must still be refused (e.g. someone else's id). */
  readonly mayAccept?: (request: FuzzRequest, world: World) => boolean;
  /** Applications an accepted request stores (default 0). */
  readonly creates?: number;
  /** Requests that once found a bug: tried first on every run, then the random ones. */
  readonly regressions?: (world: World) => readonly { readonly label: string; readonly parts: ValidRequest }[];
  /** Further checks of an accepted answer, e.g. that a list holds the caller's things only. */
  readonly accepted?: (answer: Answer, request: FuzzRequest, world: World) => void;
}
