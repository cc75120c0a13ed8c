/**
 * Hostile requests for one route, each classified before it is sent (one rule,
 * `mustBeRefused`): a request must be refused when its claims are wrong, its
 * body breaks the contract (JSON media type, at most 64 KiB of UTF-8 JSON the
 * route's schema accepts), its query or path fails the route's schema, or the
 * route's own rule says so (someone else's id). Anything else may be accepted,
 * and the route may still refuse it on its own rules (422, 409).
 */
import fc from 'fast-check';
import type * as z from 'zod/mini';
import { IdempotencyKey } from '../../../schemas/headers';
import {
  acceptLanguage,
  awkwardText,
  bodyLimitBytes,
  hugeText,
  invalidUtf8,
  jsonMediaTypes,
  nearValid,
  notJson,
  prototypeKeys,
  wrongClaims,
  wrongMediaType,
} from './hostile';
import { bodyBytes, type Caller, type FuzzRequest } from './requests';
import type { RouteFuzz, ValidRequest, World } from './route-fuzz';

export interface FuzzCase {
  readonly label: string;
  readonly request: FuzzRequest;
  /** Whether the request must be refused whatever the route's own rules say. */
  readonly mustReject: boolean;
}

const clip = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);
const clipAll = (record: Readonly<Record<string, string>> | undefined, max: number) =>
  record && Object.fromEntries(Object.entries(record).map(([key, value]) => [clip(key, 40), clip(value, max)]));

/** A short, printable summary: fast-check prints failing cases, and bodies can be 190 KB. */
const printable = (fuzzCase: FuzzCase): FuzzCase =>
  Object.assign(fuzzCase, {
    [fc.toStringMethod]: () =>
      JSON.stringify({
        ...fuzzCase,
        request: {
          ...fuzzCase.request,
          ...(fuzzCase.request.body !== undefined && { body: clip(fuzzCase.request.body) }),
          ...(fuzzCase.request.query && { query: clipAll(fuzzCase.request.query, 80) }),
          ...(fuzzCase.request.path && { path: clipAll(fuzzCase.request.path, 80) }),
        },
      }),
  });

/** Keys of an object schema (zod's definition), to aim attacks at the parameters a route reads. */
const keysOf = (schema: z.ZodMiniType | undefined): string[] =>
  Object.keys((schema as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape ?? {});

const parses = (schema: z.ZodMiniType | undefined, value: unknown) => !schema || schema.safeParse(value).success;

/** The body contract: a JSON media type and at most 64 KiB of strict UTF-8 JSON that the published schema (else the handler's) accepts. */
const bodyMayPass = (entry: RouteFuzz, request: FuzzRequest): boolean => {
  if (!(jsonMediaTypes as readonly string[]).includes(request.headers['content-type'] ?? '')) return false;
  const bytes = bodyBytes(request);
  if (bytes.byteLength > bodyLimitBytes) return false;
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return entry.publishedBody ? entry.publishedBody(value) : parses(entry.body, value);
  } catch {
    return false;
  }
};

const idempotencyKeyRefused = (entry: RouteFuzz, request: FuzzRequest) => {
  const key = request.headers['idempotency-key'];
  return entry.idempotent === true && key !== undefined && !IdempotencyKey.safeParse(key).success;
};

export const mustBeRefused = (entry: RouteFuzz, world: World, request: FuzzRequest): boolean =>
  (entry.roles !== 'public' && request.claims.kind !== 'right') ||
  idempotencyKeyRefused(entry, request) ||
  (entry.body !== undefined && !bodyMayPass(entry, request)) ||
  !parses(entry.query, request.query ?? {}) ||
  !parses(entry.path, request.path ?? {}) ||
  !(entry.mayAccept?.(request, world) ?? true);

/** The valid request as it is sent. */
export const requestOf = (entry: RouteFuzz, parts: ValidRequest): FuzzRequest => ({
  as: parts.as,
  claims: entry.roles === 'public' ? { kind: 'none' } : { kind: 'right' },
  headers: parts.body === undefined ? {} : { 'content-type': 'application/json' },
  ...(parts.body !== undefined && { body: JSON.stringify(parts.body) }),
  ...(parts.query && { query: parts.query }),
  ...(parts.path && { path: parts.path }),
});

export const classified = (entry: RouteFuzz, world: World, label: string, request: FuzzRequest): FuzzCase =>
  printable({ label, request, mustReject: mustBeRefused(entry, world, request) });

const hostileParameter = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  awkwardText,
  fc.constantFrom('', ' ', '0', '51', '-1', '1e1', ' 5', '05', 'NaN', '50', '999999999999999999999', '0x10', '5.0', '[]', 'a,b', '..', '%00', ...prototypeKeys),
  fc.uuid(),
  fc.uuid().map((id) => id.toUpperCase()),
  fc.uuid().map((id) => ` ${id}`),
  hugeText(fc.integer({ min: 300, max: 4000 })),
);

const junkBody = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value) ?? ''),
  fc.string({ unit: 'binary', maxLength: 200 }),
  hugeText(fc.integer({ min: bodyLimitBytes + 1, max: 2 * bodyLimitBytes })),
);

type Change = { readonly label: string; readonly change: Partial<FuzzRequest> };

/** Hostile changes to the body of a valid request. */
const bodyChanges = (parts: ValidRequest): fc.WeightedArbitrary<Change>[] => {
  const text = JSON.stringify(parts.body);
  const base64 = (bytes: Buffer) => ({ body: bytes.toString('base64'), isBase64Encoded: true });
  const headers = (type: string | undefined): Record<string, string> => (type === undefined ? {} : { 'content-type': type });
  return [
    { weight: 10, arbitrary: nearValid(parts.body).map(({ label, text: body }) => ({ label, change: { body } })) },
    { weight: 2, arbitrary: fc.jsonValue().map((value) => ({ label: 'arbitrary JSON', change: { body: JSON.stringify(value) ?? '' } })) },
    { weight: 2, arbitrary: notJson(text).map((body) => ({ label: 'not JSON', change: { body } })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 512 }).map((bytes) => ({ label: 'random bytes, base64', change: base64(Buffer.from(bytes)) })) },
    { weight: 1, arbitrary: invalidUtf8(text).map((bytes) => ({ label: 'invalid UTF-8, base64', change: base64(bytes) })) },
    { weight: 1, arbitrary: fc.constant({ label: 'valid, base64', change: base64(Buffer.from(text)) }) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.oneof(fc.constantFrom(0, 1, 2), fc.integer({ min: 3, max: 2 * bodyLimitBytes })), fc.boolean()).map(([over, encoded]) => {
        // Padding brings the whole body to the limit plus `over` bytes (0: exactly at the limit).
        const skeleton = JSON.stringify({ ...(parts.body as object), padding: '' });
        const body = JSON.stringify({ ...(parts.body as object), padding: 'x'.repeat(Math.max(0, bodyLimitBytes + over - Buffer.byteLength(skeleton))) });
        return { label: `body of limit + ${over} bytes${encoded ? ', base64' : ''}`, change: encoded ? base64(Buffer.from(body)) : { body } };
      }),
    },
    {
      weight: 2,
      arbitrary: fc.option(wrongMediaType, { nil: undefined }).map((type) => ({ label: `content type ${JSON.stringify(type ?? 'missing')}`, change: { headers: headers(type) } })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...jsonMediaTypes).map((type) => ({ label: `content type ${type}`, change: { headers: headers(type) } })) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, '', ' ').map((body) => ({ label: 'no body', change: { body } })) },
  ];
};

export const casesFor = (entry: RouteFuzz, world: World): fc.Arbitrary<FuzzCase> => {
  const valid = entry.valid(world);
  const family = (weight: number, changes: (parts: ValidRequest) => fc.Arbitrary<Change>) => ({
    weight,
    arbitrary: valid.chain((parts) =>
      changes(parts).map(({ label, change }) => {
        const { body, ...rest } = { ...requestOf(entry, parts), ...change };
        return classified(entry, world, label, body === undefined ? rest : { ...rest, body });
      }),
    ),
  });
  // Someone else's cursor or id is tried by a stranger and by the owner; a route that creates
  // things keeps its own caller, so the owner's applications stay as seeded.
  const caller = (parts: ValidRequest, reads: boolean) =>
    reads && !entry.creates ? fc.constantFrom<Caller>('fresh', parts.as) : fc.constant(parts.as);

  const families = [
    family(1, () => fc.constant({ label: 'valid', change: {} })),
    family(1, (parts) =>
      fc.oneof(fc.uuid(), fc.string({ maxLength: 140 }), awkwardText, fc.constantFrom('', 'short', 'x'.repeat(129))).map((key) => ({
        label: 'Idempotency-Key',
        change: { headers: { ...requestOf(entry, parts).headers, 'idempotency-key': key } },
      })),
    ),
    family(3, () => wrongClaims(entry.roles === 'public' ? ['citizen'] : entry.roles).map((claims) => ({ label: `claims: ${claims.kind}`, change: { claims } }))),
  ];

  if (entry.body) {
    families.push(family(20, (parts) => fc.oneof(...bodyChanges(parts))));
  } else {
    // The route reads no body: junk in one must change nothing.
    families.push(
      family(1, () =>
        fc.tuple(junkBody, fc.oneof(wrongMediaType, fc.constantFrom(...jsonMediaTypes)), fc.boolean()).map(([body, type, encoded]) => ({
          label: 'ignored body',
          change: { headers: { 'content-type': type }, body: encoded ? Buffer.from(body).toString('base64') : body, isBase64Encoded: encoded },
        })),
      ),
    );
  }

  const queryKeys = keysOf(entry.query);
  const queryAttacks = fc.oneof(
    fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...prototypeKeys)), hostileParameter, { maxKeys: 4 }),
    ...(queryKeys.length > 0 ? [fc.tuple(fc.constantFrom(...queryKeys), hostileParameter).map(([key, value]) => ({ [key]: value }))] : []),
    ...(entry.hostileQuery ? [entry.hostileQuery(world)] : []),
  );
  families.push(
    family(entry.query ? 4 : 1, (parts) =>
      fc.tuple(queryAttacks, fc.boolean(), caller(parts, entry.query !== undefined)).map(([hostile, keepValid, as]) => ({
        label: entry.query ? 'hostile query' : 'ignored query',
        change: { as, query: keepValid ? { ...parts.query, ...hostile } : hostile },
      })),
    ),
  );

  if (entry.path) {
    const pathKeys = keysOf(entry.path);
    const pathAttacks = fc.oneof(
      fc.tuple(fc.constantFrom(...pathKeys), hostileParameter).map(([key, value]) => ({ [key]: value })),
      ...(entry.hostilePath ? [entry.hostilePath(world)] : []),
    );
    families.push(
      family(4, (parts) =>
        fc.tuple(pathAttacks, caller(parts, true)).map(([hostile, as]) => ({ label: 'hostile path', change: { as, path: { ...parts.path, ...hostile } } })),
      ),
    );
  }

  return fc.tuple(fc.oneof(...families), acceptLanguage).map(([fuzzCase, language]) =>
    language === undefined
      ? fuzzCase
      : printable({ ...fuzzCase, request: { ...fuzzCase.request, headers: { ...fuzzCase.request.headers, 'accept-language': language } } }),
  );
};

/** Requests that once failed, tried before the random ones on every run. */
export const regressionCasesFor = (entry: RouteFuzz, world: World): FuzzCase[] =>
  (entry.regressions?.(world) ?? []).map(({ label, parts }) => classified(entry, world, label, requestOf(entry, parts)));
