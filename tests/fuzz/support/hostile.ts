/**
 * Building blocks of hostile input: awkward text, huge and deep values,
 * prototype keys, near-valid mutations of a JSON document, wrong media types
 * and wrong claims. Route-independent; cases.ts combines them per route.
 */
import fc from 'fast-check';
import type { Role } from '../../../functions/core/model';
import { claimList } from '../../../functions/http/auth';
import { workforceScope } from '../../../functions/core/workforce-identity';
import { checkPersonalCode } from '../../../schemas/personal-code';
import { referrerKinds } from '../../../schemas/services';
import { testIssuers } from '../../support/api-event';
import type { Claims, ClaimsCase } from './requests';

/** The body limit the API promises (functions/http/route.ts answers 413 above it). */
export const bodyLimitBytes = 64 * 1024;

/** Characters that break naive text handling: lone surrogates, bidi and zero-width marks, NUL and friends. */
const awkwardCharacters = [
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u202E', '\u202D', '\u200F', '\u200E', '\u200B', '\u200D', '\u2060',
  '\uFEFF', '\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u00A0', '\u2028', '\u2029', 'e\u0301', 'a\u0304',
  '\uFFFD', '\uFFFE', '\uFFFF', '🧑‍🦽', '\u{1F1F1}\u{1F1FB}', 'İ', 'ß', '﷽', '\\', '"', "'", '<script>', '%00', '${x}',
];

export const awkwardText = fc
  .array(fc.oneof(fc.constantFrom(...awkwardCharacters), fc.string({ unit: 'binary', maxLength: 6 })), { minLength: 1, maxLength: 10 })
  .map((parts) => parts.join(''));

/** Marks a generated huge string, so an echo of any part of its start shows in an answer. */
export const hugeMarker = /HUGE\d+X/g;

/** A long string of `length` characters, made by repetition (char-by-char generation is slow at 64 KiB). */
export const hugeText = (length: fc.Arbitrary<number>) =>
  fc
    .tuple(fc.nat(), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 4 }), length)
    .map(([n, unit, size]) => `HUGE${n}X${unit.repeat(Math.ceil(size / unit.length))}`.slice(0, Math.max(size, 12)));

/** Sizes of huge values: well below, just below and above the body limit. */
export const hugeLength = fc.oneof(
  fc.integer({ min: 256, max: 4096 }),
  fc.integer({ min: bodyLimitBytes - 6000, max: bodyLimitBytes - 1000 }),
  fc.integer({ min: bodyLimitBytes + 1, max: 3 * bodyLimitBytes }),
);

/** Nested arrays or objects, as JSON text (too deep for naive recursion, some over the size limit). */
export const deepJson = fc
  .tuple(fc.constantFrom('array', 'object'), fc.integer({ min: 64, max: 20_000 }))
  .map(([shape, depth]) => (shape === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));

export const prototypeKeys = ['__proto__', 'constructor', 'prototype'] as const;

/** Strings that look like dates or numbers but are not the ones expected. */
const trickyScalars = [
  '', ' ', '0', '-1', 'NaN', 'null', 'true', '[object Object]', '2026-02-30', '2026-13-01', '0000-01-01', '9999-12-31',
  '1899-12-31', '2026-1-1', '2026-01-01T00:00:00Z', '+020260-01-01', '161175-19997', '32579461005', 'LV-12345',
];

export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -0, 1, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, ...trickyScalars),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string(),
  awkwardText,
  fc.jsonValue({ maxDepth: 2 }),
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

/** Every place in a JSON document down to `depth` levels: the root, each member and each element. */
export const pathsOf = (value: unknown, at: Path = [], depth = 8): Path[] => {
  if (depth === 0) return [at];
  if (Array.isArray(value)) return [at, ...value.flatMap((item, index) => pathsOf(item, [...at, index], depth - 1))];
  if (value !== null && typeof value === 'object') return [at, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...at, key], depth - 1))];
  return [at];
};

const objectPaths = (value: unknown) =>
  pathsOf(value).filter((path) => {
    const target = path.reduce<any>((node, key) => node[key], value);
    return target !== null && typeof target === 'object' && !Array.isArray(target);
  });

/** A change to one place of a valid document; `raw` splices JSON text the object model cannot hold. */
export type Mutation =
  | { readonly kind: 'drop' }
  | { readonly kind: 'replace'; readonly value: unknown }
  | { readonly kind: 'raw'; readonly json: string }
  | { readonly kind: 'add-key'; readonly key: string; readonly value: unknown };

/** Sets an own member even for "__proto__", as JSON.parse does. */
const setOwn = (target: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

/** Applies a mutation at a path and returns JSON text ('' when the whole document is dropped). */
export const mutate = (document: unknown, path: Path, mutation: Mutation): string => {
  const placeholder = `\u0001RAW${Math.random()}\u0001`;
  const value = mutation.kind === 'raw' ? placeholder : mutation.kind === 'replace' || mutation.kind === 'add-key' ? mutation.value : undefined;
  const copy: Json = JSON.parse(JSON.stringify(document));
  let result: unknown = copy;
  if (mutation.kind === 'add-key') {
    const target = path.reduce<any>((node, key) => node[key], copy);
    setOwn(target, mutation.key, value);
  } else if (path.length === 0) {
    if (mutation.kind === 'drop') return '';
    result = value;
  } else {
    const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], copy);
    const key = path[path.length - 1]!;
    if (mutation.kind === 'drop') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (Array.isArray(parent)) parent[key as number] = value as Json;
    else setOwn(parent, String(key), value);
  }
  const text = JSON.stringify(result) ?? '';
  return mutation.kind === 'raw' ? text.replace(JSON.stringify(placeholder), mutation.json) : text;
};

const mutationAt = (document: unknown): fc.Arbitrary<{ label: string; text: string }> => {
  const paths = pathsOf(document);
  const objects = objectPaths(document);
  const at = <T>(list: readonly T[]) => fc.nat({ max: list.length - 1 }).map((index) => list[index]!);
  const atObjects = objects.length === 0 ? [] : [at(objects)];
  return fc.oneof(
    fc.tuple(at(paths)).map(([path]) => ({ label: `drop ${path.join('.') || 'everything'}`, text: mutate(document, path, { kind: 'drop' }) })),
    fc.tuple(at(paths), anyValue).map(([path, value]) => ({ label: `swap ${path.join('.') || 'the document'}`, text: mutate(document, path, { kind: 'replace', value }) })),
    fc.tuple(at(paths), hugeText(hugeLength)).map(([path, value]) => ({ label: `huge string at ${path.join('.')}`, text: mutate(document, path, { kind: 'replace', value }) })),
    fc.tuple(at(paths), awkwardText).map(([path, value]) => ({ label: `awkward text at ${path.join('.')}`, text: mutate(document, path, { kind: 'replace', value }) })),
    fc.tuple(at(paths), deepJson).map(([path, json]) => ({ label: `deep nesting at ${path.join('.')}`, text: mutate(document, path, { kind: 'raw', json }) })),
    ...atObjects.map((object) =>
      fc.tuple(object, fc.constantFrom(...prototypeKeys), anyValue).map(([path, key, value]) => ({
        label: `${key} key at ${path.join('.') || 'the top'}`,
        text: mutate(document, path, { kind: 'add-key', key, value: key === '__proto__' ? { polluted: value } : value }),
      })),
    ),
    ...atObjects.map((object) =>
      fc.tuple(object, fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), awkwardText, hugeText(fc.integer({ min: 100, max: 3000 }))), anyValue).map(
        ([path, key, value]) => ({ label: `extra field at ${path.join('.') || 'the top'}`, text: mutate(document, path, { kind: 'add-key', key, value }) }),
      ),
    ),
  );
};

/** Near-valid variants of a valid document: one mutation, sometimes two. */
export const nearValid = (document: unknown): fc.Arbitrary<{ label: string; text: string }> =>
  fc.oneof(
    { weight: 4, arbitrary: mutationAt(document) },
    {
      weight: 1,
      arbitrary: mutationAt(document).chain((first) => {
        // A second change to a small document only: huge and deep ones are tested as they are.
        if (first.text.length > 8192) return fc.constant(first);
        const once = JSON.parse(first.text || 'null');
        return mutationAt(once).map((second) => ({ label: `${first.label}, then ${second.label}`, text: second.text }));
      }),
    },
  );

/** Text that is not one JSON document (checked: the fuzz classifies by what the text really is). */
export const notJson = (validText: string) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.nat({ max: Math.max(0, validText.length - 1) }).map((cut) => validText.slice(0, cut)),
    fc.constantFrom(`${validText}}`, `${validText} x`, `\uFEFF${validText}`, `[${validText},]`, `{'a': 1}`, '{"a": NaN}', '{"a": 1} // c', 'null null', 'undefined', "\u0000"),
  );

/** UTF-8 bytes spoiled by one invalid sequence. */
export const invalidUtf8 = (validText: string) =>
  fc.tuple(fc.nat({ max: validText.length }), fc.constantFrom([0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80])).map(([at, bad]) => {
    const bytes = Buffer.from(validText, 'utf8');
    return Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at)]);
  });

/** Media types the API must refuse for a JSON body. */
export const wrongMediaType = fc.oneof(
  fc.constantFrom(
    'text/plain', 'text/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml',
    'application/json; charset=latin1', 'application/json; charset=utf-16', 'application/jsonx', 'json', '*/*', 'application/*', '',
  ),
  fc.string({ maxLength: 40 }).filter((type) => !/^\s*application\//i.test(type)),
);

/** Spellings of a JSON media type the API accepts (and the only ones the fuzz treats as right). */
export const jsonMediaTypes = [
  'application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF-8', 'Application/JSON', 'application/vnd.api+json',
] as const;

/** Values of Accept-Language, most of them nonsense; the answer's language must not matter. */
export const acceptLanguage = fc.option(
  fc.oneof(fc.constantFrom('en', 'lv', 'en;q=0', '*', 'en-GB,en;q=0.9,lv;q=0.8', ';;;q=', 'en;q=abc', 'lv;q=-1,en;q=2'), fc.string({ maxLength: 30 })),
  { nil: undefined },
);

const workforceRoles: readonly Role[] = ['staff', ...referrerKinds];
const allRoles: readonly Role[] = ['citizen', ...workforceRoles];

const randomClaims: fc.Arbitrary<Claims> = fc.dictionary(
  fc.oneof(fc.constantFrom('iss', 'sub', 'personal_code', 'given_name', 'family_name', 'cognito:groups', 'email'), fc.string({ maxLength: 12 })),
  fc.oneof(fc.string({ maxLength: 40 }), awkwardText),
  { maxKeys: 8 },
).filter((claims) => claims.iss !== testIssuers.citizen && claims.iss !== testIssuers.workforce);

const missingOrEmpty = fc.constantFrom<string | null>(null, '');

/** For each claim, values that make it unusable (the rest of the claims stay right). */
const unusableClaims = {
  sub: missingOrEmpty,
  iss: missingOrEmpty,
  given_name: missingOrEmpty,
  family_name: missingOrEmpty,
  personal_code: fc
    .oneof(missingOrEmpty, fc.constantFrom('161375-19997', '161175-19998', '010105-50000', '3057946100', '325794610055'), awkwardText)
    .filter((value) => value === null || !checkPersonalCode(value).valid),
  'cognito:groups': fc
    .oneof(missingOrEmpty, fc.constantFrom('[]', '[admin]', '[citizen]', 'Staff', '[staff-x]'), awkwardText)
    .filter((value) => value === null || !claimList(value).some((group) => (workforceRoles as readonly string[]).includes(group))),
  // An ID token of the pool, or an access token the trigger did not build.
  token_use: fc.oneof(missingOrEmpty, fc.constantFrom('id', 'Access', 'refresh')),
  scope: fc.oneof(missingOrEmpty, fc.constantFrom('openid email profile', 'aws.cognito.signin.user.admin', `${workforceScope}x`)),
};

/** Claims the route must refuse, for a route that serves `roles`. */
export const wrongClaims = (roles: readonly Role[]): fc.Arbitrary<ClaimsCase> => {
  const claimNames = roles.includes('citizen')
    ? (['sub', 'iss', 'given_name', 'family_name', 'personal_code'] as const)
    : (['sub', 'iss', 'cognito:groups', 'token_use', 'scope'] as const);
  const otherRoles = allRoles.filter((role) => !roles.includes(role));
  return fc.oneof(
    fc.constant<ClaimsCase>({ kind: 'none' }),
    fc
      .oneof(fc.constantFrom('https://evil.example/citizen', `${testIssuers.citizen}/`, testIssuers.citizen.toUpperCase()), fc.webUrl())
      .filter((issuer) => issuer !== testIssuers.citizen && issuer !== testIssuers.workforce)
      .map((issuer): ClaimsCase => ({ kind: 'wrong-issuer', issuer })),
    ...(otherRoles.length > 0 ? [fc.constantFrom(...otherRoles).map((role): ClaimsCase => ({ kind: 'other-role', role }))] : []),
    fc
      .constantFrom(...claimNames)
      .chain((claim) => unusableClaims[claim].map((value): ClaimsCase => ({ kind: 'broken', claim, value }))),
    randomClaims.map((claims): ClaimsCase => ({ kind: 'random', claims })),
  );
};
