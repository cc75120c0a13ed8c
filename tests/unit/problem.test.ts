/**
 * How every error becomes an HTTP answer (functions/http/problem.ts): an RFC 9457 problem document in the caller's
 * language, with the status the meaning calls for, per-field errors when there are any, and nothing internal.
 */
import { describe, expect, it } from 'vitest';
import { DomainError, type ProblemKind } from '../../functions/core/errors';
import { MalformedJsonError, problemResponse, problemTypeBase, statusOf } from '../../functions/http/problem';
import { violation } from '../../schemas/messages';
import type { Language } from '../../schemas/primitives';

/** The status each meaning calls for (RFC 9110, RFC 6585, RFC 9457). */
const statusFor: Record<ProblemKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'duplicate-application': 409,
  'precondition-failed': 412,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'not-eligible': 422,
  'illegal-transition': 422,
  'idempotency-key-reused': 422,
  'precondition-required': 428,
  'too-many-requests': 429,
  'service-unavailable': 503,
};
const kinds = Object.keys(statusFor) as ProblemKind[];

const answer = (error: unknown, language: Language = 'lv') => {
  const response = problemResponse(error, { language, requestId: 'req-9', instance: '/applications' });
  return { ...response, problem: JSON.parse(response.body as string) };
};

describe('a problem answer', () => {
  it.each(kinds)('answers %s with its status, its type and that status in the body', (kind) => {
    const { statusCode, problem } = answer(new DomainError(kind));
    expect(statusCode).toBe(statusFor[kind]);
    expect(statusOf(new DomainError(kind))).toBe(statusFor[kind]);
    expect(problem).toMatchObject({ type: `${problemTypeBase}${kind}`, status: statusFor[kind], instance: '/applications', requestId: 'req-9' });
  });

  it.each(kinds)('words %s in Latvian and in English, differently, with a title and what to do', (kind) => {
    const lv = answer(new DomainError(kind), 'lv');
    const en = answer(new DomainError(kind), 'en');
    for (const { problem } of [lv, en]) {
      expect(problem.title.length).toBeGreaterThan(3);
      expect(problem.detail).toMatch(/\.$/);
    }
    expect(lv.problem.title).not.toBe(en.problem.title);
    expect(lv.problem.detail).not.toBe(en.problem.detail);
    expect([lv.headers?.['content-language'], en.headers?.['content-language']]).toEqual(['lv', 'en']);
  });

  it('is problem+json that no cache keeps, with the request id and the language it varies by', () => {
    expect(answer(new DomainError('conflict'), 'en').headers).toEqual({
      'cache-control': 'no-store',
      'content-language': 'en',
      vary: 'Accept-Language',
      'x-content-type-options': 'nosniff',
      'x-request-id': 'req-9',
      'content-type': 'application/problem+json; charset=utf-8',
    });
  });

  it('tells a client to retry a 503 after a second, and asks for a bearer token on a 401; no other answer says either', () => {
    for (const kind of kinds) {
      const { headers } = answer(new DomainError(kind));
      expect(headers?.['retry-after'], kind).toBe(kind === 'service-unavailable' ? '1' : undefined);
      expect(headers?.['www-authenticate'], kind).toBe(kind === 'unauthorized' ? 'Bearer' : undefined);
    }
  });

  it('lists each violation as a field error in the caller’s language, and has no errors member without them', () => {
    const error = new DomainError('validation', [violation(['applicant', 'phone'], 'phone'), violation(['evidence', 'icfCodes', 0], 'icf_code')]);
    expect(answer(error, 'en').problem.errors).toEqual([
      { field: 'applicant.phone', pointer: '/applicant/phone', code: 'phone', message: 'Enter a phone number of 8 to 15 digits, for example +371 20000000.' },
      { field: 'evidence.icfCodes[0]', pointer: '/evidence/icfCodes/0', code: 'icf_code', message: 'An ICF code looks like b280 or d450.2.' },
    ]);
    expect(answer(error, 'lv').problem.errors[0].message).toBe('Ievadiet tālruņa numuru ar 8 līdz 15 cipariem, piemēram, +371 20000000.');
    expect(answer(new DomainError('validation')).problem).not.toHaveProperty('errors');
  });

  it('adds the extension members a domain error carries, such as the link to the open application', () => {
    const duplicate = new DomainError('duplicate-application', [], { openApplication: '/applications/abc' });
    expect(answer(duplicate).problem).toMatchObject({ status: 409, openApplication: '/applications/abc' });
  });

  it('answers malformed JSON with a 400 of its own type', () => {
    const { statusCode, problem } = answer(new MalformedJsonError('Unexpected token'), 'en');
    expect(statusCode).toBe(400);
    expect(problem).toMatchObject({ type: `${problemTypeBase}malformed-json`, title: 'The request body is not valid JSON' });
    expect(new MalformedJsonError('x').name).toBe('MalformedJsonError');
  });

  it.each([
    ['an Error', new Error('table siva-prod: key 16117519997')],
    ['a thrown string', 'table siva-prod'],
    ['undefined', undefined],
  ])('hides %s behind a generic 500 that names nothing internal', (_, error) => {
    const { statusCode, problem, body } = answer(error, 'en');
    expect(statusCode).toBe(500);
    expect(statusOf(error)).toBe(500);
    expect(problem).toMatchObject({ type: `${problemTypeBase}internal`, status: 500, requestId: 'req-9' });
    expect(problem).not.toHaveProperty('errors');
    expect(body).not.toMatch(/siva-prod|16117519997/);
  });
});
