/**
 * The field messages (schemas/messages.ts): every schema issue and broken rule becomes one field error with a
 * stable code, where it is (a dotted path for people, a JSON Pointer for programs) and a sentence in Latvian or
 * English that says what to do. Keys a caller invented are not echoed back unless they look like field names.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  describeIssues,
  echoSafe,
  fieldPath,
  localise,
  type MessageCode,
  messageCodes,
  type SchemaIssue,
  valueAt,
  violation,
} from '../../schemas/messages';
import { IsoDate, text } from '../../schemas/primitives';

const message = (code: MessageCode, language: 'lv' | 'en', params: Record<string, string | number> = {}) =>
  localise(violation([], code, params), language).message;

/** What a schema says about an input, as field errors in English. */
const errorsOf = (schema: z.ZodMiniType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return describeIssues(result.error.issues, input).map((found) => localise(found, 'en'));
};

describe('the message catalogue', () => {
  it.each(messageCodes)('words %s as a full sentence in Latvian and in English, differently', (code) => {
    const lv = message(code, 'lv');
    const en = message(code, 'en');
    for (const sentence of [lv, en]) expect(sentence).toMatch(/^\S.{8,}\.$/s);
    expect(lv).not.toBe(en);
  });

  /** The figures and names a message is given, which the reader must see. */
  const given: Partial<Record<MessageCode, Record<string, string | number>>> = {
    too_long: { maximum: 97 },
    too_many: { maximum: 96 },
    too_few: { minimum: 95 },
    invalid_choice: { options: 'alpha, beta' },
    too_young: { minimumAge: 94 },
    above_pension_age: { pensionAge: 93 },
    medical_rehabilitation_window: { months: 92 },
    affected_person_age: { maximumAge: 91 },
    child_only: { adultAge: 90 },
    adult_only: { adultAge: 89 },
    soldier_return_window: { months: 88 },
    early_intervention_window: { months: 87 },
    gp_opinion_too_old: { months: 86 },
    illegal_transition: { status: 'in-review', action: 'withdraw', allowed: 'approve, reject' },
    representative_daily_limit: { limit: 85 },
    document_type_not_for_track: { allowed: 'passport, referral' },
    draft_stale: { currentVersion: 84 },
  };
  it.each(Object.entries(given))('shows the reader what %s is given, in both languages', (code, params) => {
    for (const language of ['lv', 'en'] as const) {
      const sentence = message(code as MessageCode, language, params);
      for (const value of Object.values(params)) expect(sentence, `${code} ${language}`).toContain(String(value));
    }
  });

  it('names the education a school requires', () => {
    expect(message('education_prerequisite', 'en', { required: 'secondary' })).toBe('This school requires secondary education.');
    expect(message('education_prerequisite', 'en', { required: 'basic' })).toBe('This school requires basic education.');
    expect(message('education_prerequisite', 'lv', { required: 'secondary' })).toContain('vidējā izglītība');
    expect(message('education_prerequisite', 'lv', { required: 'basic' })).toContain('pamata izglītība');
  });

  it('names the expected type in words, and an unusual one as the schema calls it', () => {
    expect(message('wrong_type', 'en', { expected: 'string' })).toBe('Wrong type of value: expected text.');
    expect(message('wrong_type', 'lv', { expected: 'string' })).toBe('Nepareizs vērtības veids: jābūt teksts.');
    expect(message('wrong_type', 'en', { expected: 'array' })).toBe('Wrong type of value: expected a list.');
    expect(message('wrong_type', 'lv', { expected: 'boolean' })).toContain('jā vai nē');
    expect(message('wrong_type', 'en', { expected: 'number' })).toBe('Wrong type of value: expected a number.');
    expect(message('wrong_type', 'en', { expected: 'boolean' })).toBe('Wrong type of value: expected true or false.');
    expect(message('wrong_type', 'en', { expected: 'object' })).toBe('Wrong type of value: expected an object.');
    expect(message('wrong_type', 'lv', { expected: 'number' })).toContain('skaitlis');
    expect(message('wrong_type', 'lv', { expected: 'object' })).toContain('objekts');
    expect(message('wrong_type', 'lv', { expected: 'array' })).toContain('saraksts');
    expect(message('wrong_type', 'en', { expected: 'bigint' })).toBe('Wrong type of value: expected bigint.');
    expect(message('wrong_type', 'lv', { expected: 'bigint' })).toBe('Nepareizs vērtības veids: jābūt bigint.');
  });
});

describe('where a field error points', () => {
  it('gives people a dotted path with list positions in brackets', () => {
    expect(fieldPath([])).toBe('');
    expect(fieldPath(['applicant', 'address', 'postcode'])).toBe('applicant.address.postcode');
    expect(fieldPath(['evidence', 'icfCodes', 0])).toBe('evidence.icfCodes[0]');
    expect(fieldPath([0, 'name'])).toBe('[0].name');
  });

  it('gives programs a JSON Pointer, escaping ~ and / as RFC 6901 says', () => {
    expect(localise(violation(['evidence', 'icfCodes', 2], 'icf_code'), 'en').pointer).toBe('/evidence/icfCodes/2');
    expect(localise(violation(['a~/b', 'c/~d'], 'unknown_field'), 'en').pointer).toBe('/a~0~1b/c~1~0d');
    expect(localise(violation([], 'required'), 'en').pointer).toBe('');
  });

  it('carries parameters only when a rule gives some', () => {
    expect(violation(['a'], 'required')).toEqual({ path: ['a'], code: 'required' });
    expect(violation(['a'], 'too_long', { maximum: 5 })).toEqual({ path: ['a'], code: 'too_long', params: { maximum: 5 } });
  });

  it('reads the value at a path only through own members of objects and lists', () => {
    expect(valueAt({ a: { b: 1 } }, ['a', 'b'])).toBe(1);
    expect(valueAt({ a: [5, 6] }, ['a', 1])).toBe(6);
    expect(valueAt({ a: null }, ['a', 'b'])).toBeUndefined();
    expect(valueAt({}, ['toString'])).toBeUndefined();
    expect(valueAt('text', ['length'])).toBeUndefined();
    expect(valueAt(undefined, ['a'])).toBeUndefined();
    expect(valueAt({ a: 1 }, [])).toEqual({ a: 1 });
  });
});

describe('schema issues as field errors', () => {
  const form = z.strictObject({
    name: text(5),
    born: IsoDate,
    email: z.optional(z.email()),
    id: z.optional(z.uuid()),
    code: z.optional(z.string().check(z.regex(/^\d+$/))),
    tags: z.optional(z.array(z.string()).check(z.minLength(1), z.maxLength(2))),
    kind: z.optional(z.enum(['a', 'b'])),
    only: z.optional(z.literal('x')),
    agreed: z.optional(z.literal(true)),
    either: z.optional(z.union([z.string(), z.number()])),
    big: z.optional(z.bigint()),
  });
  const valid = { name: 'Anna', born: '2000-01-31' };
  const codes = (input: unknown) => errorsOf(form, input).map(({ field, code }) => `${field}:${code}`);

  it('tells a missing field from one of the wrong type, naming the type expected', () => {
    expect(codes({ born: '2000-01-31' })).toEqual(['name:required']);
    const wrong = errorsOf(form, { ...valid, name: 5 });
    expect(wrong).toEqual([{ field: 'name', pointer: '/name', code: 'wrong_type', message: 'Wrong type of value: expected text.' }]);
    expect(errorsOf(form, { ...valid, big: 'x' })[0]?.message).toBe('Wrong type of value: expected bigint.');
  });

  it('says how long text and how long a list may be, and how short a list may be; empty text is missing', () => {
    expect(errorsOf(form, { ...valid, name: 'Annabel' })[0]).toMatchObject({ code: 'too_long', message: 'At most 5 characters.' });
    expect(errorsOf(form, { ...valid, tags: ['a', 'b', 'c'] })[0]).toMatchObject({ code: 'too_many', message: 'At most 2 entries.' });
    expect(errorsOf(form, { ...valid, tags: [] })[0]).toMatchObject({ code: 'too_few', message: 'At least 1 entry.' });
    expect(codes({ ...valid, name: '   ' })).toEqual(['name:required']);
  });

  it('names the format wanted: our own checks by their code, else date, e-mail, identifier or a general one', () => {
    expect(codes({ ...valid, name: 'a\nb' })).toEqual(['name:single_line']);
    expect(codes({ ...valid, name: 'a\u202Eb' })).toEqual(['name:control_characters']);
    expect(codes({ ...valid, born: '2001-02-29' })).toEqual(['born:invalid_date']);
    expect(codes({ ...valid, email: 'anna@' })).toEqual(['email:invalid_email']);
    expect(codes({ ...valid, id: '1234' })).toEqual(['id:invalid_uuid']);
    expect(codes({ ...valid, code: '12a' })).toEqual(['code:invalid_format']);
  });

  it('asks to accept a declaration, and lists the choices of an enum or a single allowed value', () => {
    expect(codes({ ...valid, agreed: false })).toEqual(['agreed:must_accept']);
    expect(errorsOf(form, { ...valid, kind: 'c' })[0]).toMatchObject({ code: 'invalid_choice', message: 'Choose one of: a, b.' });
    expect(errorsOf(form, { ...valid, only: 'y' })[0]).toMatchObject({ code: 'invalid_choice', message: 'Choose one of: x.' });
  });

  it('answers a union that nothing matched as a choice, unless the value is missing', () => {
    expect(codes({ ...valid, either: true })).toEqual(['either:invalid_choice']);
    const issue: SchemaIssue = { code: 'invalid_union', path: ['either'], options: ['a', 1] };
    expect(describeIssues([issue], {})).toEqual([violation(['either'], 'required')]);
    expect(describeIssues([issue], { either: null })).toEqual([violation(['either'], 'invalid_choice', { options: 'a, 1' })]);
  });

  it('reports each unexpected field at its own path', () => {
    expect(codes({ ...valid, extra: 1, more: 2 })).toEqual(['extra:unknown_field', 'more:unknown_field']);
    expect(describeIssues([{ code: 'unrecognized_keys', path: ['a'] }], {})).toEqual([]);
  });

  it('reads issues of any shape zod may send without failing', () => {
    expect(describeIssues([{ code: 'invalid_value', path: ['k'], values: [true, 'x'] }], {})).toEqual([
      violation(['k'], 'invalid_choice', { options: 'true, x' }),
    ]);
    expect(describeIssues([{ code: 'invalid_value', path: ['k'] }], {})).toEqual([violation(['k'], 'invalid_choice', { options: '' })]);
    expect(describeIssues([{ code: 'invalid_type', path: ['k'] }], { k: 1 })).toEqual([violation(['k'], 'wrong_type', { expected: '' })]);
    expect(describeIssues([{ code: 'too_small', path: ['k'], origin: 'string', minimum: 3 }], {})).toEqual([violation(['k'], 'required')]);
    expect(describeIssues([{ code: 'custom', path: ['k'], message: 'vin' }], {})).toEqual([violation(['k'], 'vin')]);
    expect(describeIssues([{ code: 'custom', path: ['k'], message: 'Invalid input' }], {})).toEqual([violation(['k'], 'invalid_format')]);
    expect(describeIssues([{ code: 'custom', path: ['k'] }], {})).toEqual([violation(['k'], 'invalid_format')]);
    expect(describeIssues([{ code: 'invalid_format', path: ['k'], format: 'regex', message: 'toString' }], {})).toEqual([
      violation(['k'], 'invalid_format'),
    ]);
  });
});

describe('keys a caller invented', () => {
  const at = (...path: PropertyKey[]) => echoSafe([violation(path, 'unknown_field')]).map((found) => found.path);

  it('are repeated when they look like field names: a letter, then up to 63 letters, digits, _ or -', () => {
    expect(at('evidence', 'icf_codes-2', 0)).toEqual([['evidence', 'icf_codes-2', 0]]);
    expect(at(`a${'b'.repeat(63)}`)).toEqual([[`a${'b'.repeat(63)}`]]);
  });

  it('are cut from the path, with everything after them, when they do not', () => {
    for (const key of ['1abc', 'abc.def', 'a b', '_private', '', `a${'b'.repeat(64)}`, 'constructor', 'prototype', Symbol('s')]) {
      expect(at('applicant', key, 'x'), String(key)).toEqual([['applicant']]);
    }
  });

  it('leave one error per place and code once cut', () => {
    const found = echoSafe([
      violation(['a', 'constructor'], 'unknown_field'),
      violation(['a', 'prototype'], 'unknown_field'),
      violation(['a', 'constructor'], 'required'),
      violation(['a'], 'unknown_field'),
    ]);
    expect(found).toEqual([violation(['a'], 'unknown_field'), violation(['a'], 'required')]);
  });
});
