/** What every answer to a hostile request must look like. */
import { expect } from 'vitest';
import type { FuzzCase } from './cases';
import { hugeMarker } from './hostile';
import { bodyBytes, type Answer, type FuzzRequest, type Identity } from './requests';
import type { World } from './route-fuzz';

/** The only ways the API may refuse a request (412 and 428: a draft save's stale or missing If-Match, docs/drafts.md). */
export const rejectionStatuses = [400, 401, 403, 404, 409, 412, 413, 415, 422, 428] as const;

export const isSuccess = (status: number) => status >= 200 && status < 300;

/** Signs of internals: stack frames, source paths, exception names and AWS vocabulary. */
const internals = [
  /\bat [\w$.<>[\]]+ \(/,
  /\bat (?:file:|node:|\/)/,
  /\.(?:ts|js|mjs|cjs):\d+/,
  /node_modules|file:\/\/|\/work\/|\/home\/|\/tmp\//,
  /\b\w*(?:Error|Exception):/,
  /ValidationException|ConditionalCheck|ResourceNotFound|ProvisionedThroughput|DynamoDB|AttributeValue|TransactionCanceled/,
];

/**
 * The answer without the members that deliberately quote the caller's own
 * input (the request path and the names of rejected fields), which may say
 * anything the caller chose.
 */
const ownWords = (answer: Answer): string => {
  if (answer.json === null || typeof answer.json !== 'object') return answer.text;
  const { instance: _path, errors, ...rest } = answer.json as { instance?: unknown; errors?: unknown };
  const messages = Array.isArray(errors) ? errors.map(({ code, message }: { code?: unknown; message?: unknown }) => ({ code, message })) : errors;
  return JSON.stringify({ ...rest, errors: messages });
};

const sentText = (request: FuzzRequest) => [bodyBytes(request).toString('utf8'), ...Object.entries(request.query ?? {}).flat()].join('\n');

const prototypeKey = /"(?:__proto__|constructor|prototype)"\s*:/;

/** Never a 5xx; a refusal is a problem+json document without internals or echoes of what was sent. */
export const expectSafeAnswer = (answer: Answer, fuzzCase: FuzzCase, tableName: string) => {
  expect(answer.status, `never a 5xx: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  if (isSuccess(answer.status) && !fuzzCase.mustReject) {
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    return;
  }
  expect(rejectionStatuses, `a request that must be refused got ${answer.status}`).toContain(answer.status);
  expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  expect(answer.json).toMatchObject({
    type: expect.stringMatching(/^https:\/\//),
    status: answer.status,
    title: expect.any(String),
    detail: expect.any(String),
  });
  const own = ownWords(answer);
  for (const pattern of internals) expect(own, 'shows internals').not.toMatch(pattern);
  expect(answer.text, 'names the table').not.toContain(tableName);
  const sent = sentText(fuzzCase.request);
  for (const [marker] of sent.matchAll(hugeMarker)) expect(answer.text, 'echoes a huge string that was sent').not.toContain(marker);
  if (prototypeKey.test(sent)) expect(answer.text, 'echoes a prototype key that was sent').not.toMatch(/__proto__|constructor|prototype/);
};

const prototypeMembers = Object.getOwnPropertyNames(Object.prototype).sort();

/** A "__proto__" member in a body must not reach Object.prototype. */
export const expectNoPrototypePollution = () => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeMembers);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
};

/**
 * Nobody sees other people's things, in any answer (beyond quoting their own
 * request): the owner sees their applications, the referrer their
 * organisation's referrals, staff every application of their services, and the archivist every closed file due for
 * destruction (reference, service and dates, no personal data; docs/retention.md).
 */
export const expectNothingOfOthers = (answer: Answer, request: FuzzRequest, identity: Identity, world: World) => {
  const signedIn = request.claims.kind === 'right';
  if (signedIn && (identity.role === 'staff' || identity.role === 'archivist')) return;
  const shown = ownWords(answer);
  for (const [who, holder] of [['owner', world.owner], ['referrer', world.referrer]] as const) {
    if (signedIn && request.as === who) continue;
    for (const secret of [...holder.ids, ...holder.references]) expect(shown, `shows the ${who}'s data`).not.toContain(secret);
  }
};
