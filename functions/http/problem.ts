/**
 * The one place errors become HTTP answers: RFC 9457 problem details in the
 * caller's language, with per-field messages. Unknown errors become a generic
 * 500 without internals. The adapters turn AWS throttling into a domain
 * error, which becomes a retryable 503 here like any other.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { localise } from '../../schemas/messages';
import type { Language } from '../../schemas/primitives';
import { isDomainError, type ProblemKind } from '../core/errors';

type Kind = ProblemKind | 'malformed-json' | 'internal';

// Data table, not logic (issue 14's copy check): one row per problem kind with its status and lv/en wording; rows
// look alike because each is the same record shape.
const problems: Record<Kind, { status: number; title: Record<Language, string>; detail: Record<Language, string> }> = {
  validation: {
    status: 400,
    title: { lv: 'Iesniegtie dati nav pareizi', en: 'The data sent is not valid' },
    detail: {
      lv: 'Lūdzu, izlabojiet katru norādīto lauku un iesniedziet vēlreiz.',
      en: 'Please correct each field listed and send again.',
    },
  },
  'malformed-json': {
    status: 400,
    title: { lv: 'Pieprasījuma saturs nav derīgs JSON', en: 'The request body is not valid JSON' },
    detail: {
      lv: 'Sūtiet vienu JSON objektu UTF-8 kodējumā.',
      en: 'Send a single JSON object encoded as UTF-8.',
    },
  },
  'not-eligible': {
    status: 422,
    title: { lv: 'Iesniegumu nevar pieņemt', en: 'The application cannot be accepted' },
    detail: {
      lv: 'Pēc norādītajiem datiem pakalpojuma saņemšanas nosacījumi nav izpildīti. Paskaidrojums ir pie katra lauka.',
      en: 'Going by the data given, the conditions for this service are not met. Each field has an explanation.',
    },
  },
  unauthorized: {
    status: 401,
    title: { lv: 'Nepieciešama pieteikšanās', en: 'Sign-in required' },
    detail: { lv: 'Piesakieties un mēģiniet vēlreiz.', en: 'Sign in and try again.' },
  },
  forbidden: {
    status: 403,
    title: { lv: 'Piekļuve liegta', en: 'Access denied' },
    detail: { lv: 'Jūsu lomai šī darbība nav atļauta.', en: 'Your role may not do this.' },
  },
  'not-found': {
    status: 404,
    title: { lv: 'Nav atrasts', en: 'Not found' },
    detail: {
      lv: 'Pieprasītais ieraksts nav atrasts vai jums nav tiesību to redzēt.',
      en: 'The record does not exist or you may not see it.',
    },
  },
  conflict: {
    status: 409,
    title: { lv: 'Konflikts ar esošiem datiem', en: 'Conflict with existing data' },
    detail: { lv: 'Ieraksts jau ir mainīts. Atjaunojiet to un mēģiniet vēlreiz.', en: 'The record has changed. Reload it and try again.' },
  },
  'precondition-failed': {
    status: 412,
    title: { lv: 'Ieraksts pa to laiku ir mainīts', en: 'The record has changed meanwhile' },
    detail: {
      lv: 'Jūsu labotā versija vairs nav pēdējā. Atveriet ierakstu no jauna un saglabājiet vēlreiz.',
      en: 'The version you changed is no longer the latest. Open the record again, then save again.',
    },
  },
  'precondition-required': {
    status: 428,
    title: { lv: 'Nepieciešama galvene If-Match', en: 'The If-Match header is required' },
    detail: {
      lv: 'Norādiet galvenē If-Match versiju, ko labojat, lai nepārrakstītu citur saglabāto.',
      en: 'Send the version you are changing in If-Match, so that nothing saved elsewhere is overwritten.',
    },
  },
  'duplicate-application': {
    status: 409,
    title: { lv: 'Iesniegums jau ir iesniegts', en: 'An application is already open' },
    detail: {
      lv: 'Šai personai jau ir atvērts iesniegums šim pakalpojumam un mērķa grupai.',
      en: 'This person already has an open application for this service and track.',
    },
  },
  'too-many-requests': {
    status: 429,
    title: { lv: 'Pārāk daudz iesniegumu', en: 'Too many applications' },
    detail: {
      lv: 'Šodien iesniegto iesniegumu skaits sasniedzis atļauto robežu. Paskaidrojums ir norādīts.',
      en: 'The number of applications filed today has reached the limit. The explanation is listed.',
    },
  },
  'illegal-transition': {
    status: 422,
    title: { lv: 'Šāds lēmums tagad nav iespējams', en: 'This decision is not possible now' },
    detail: {
      lv: 'Iesnieguma pašreizējā statusā šo darbību nevar veikt. Atļautās darbības ir norādītas.',
      en: 'The application’s current status does not allow this. The allowed decisions are listed.',
    },
  },
  'idempotency-key-reused': {
    status: 422,
    title: { lv: 'Atkārtota atslēga ar citu saturu', en: 'Idempotency key reused with a different body' },
    detail: {
      lv: 'Katram jaunam pieprasījumam izmantojiet jaunu Idempotency-Key.',
      en: 'Use a new Idempotency-Key for every new request.',
    },
  },
  'payload-too-large': {
    status: 413,
    title: { lv: 'Pieprasījums ir pārāk liels', en: 'The request is too large' },
    detail: { lv: 'Pieprasījuma saturs nedrīkst pārsniegt 64 KB.', en: 'The request body must not exceed 64 KB.' },
  },
  'unsupported-media-type': {
    status: 415,
    title: { lv: 'Neatbalstīts satura veids', en: 'Unsupported content type' },
    detail: {
      lv: 'Sūtiet datus JSON formātā ar galveni Content-Type: application/json.',
      en: 'Send JSON with the header Content-Type: application/json.',
    },
  },
  'service-unavailable': {
    status: 503,
    title: { lv: 'Pakalpojums īslaicīgi nav pieejams', en: 'Service temporarily unavailable' },
    detail: {
      lv: 'Nekas netika saglabāts. Lūdzu, mēģiniet vēlreiz pēc brīža.',
      en: 'Nothing was saved. Please try again in a moment.',
    },
  },
  internal: {
    status: 500,
    title: { lv: 'Radās neparedzēta kļūda', en: 'An unexpected error occurred' },
    detail: {
      lv: 'Kļūda ir reģistrēta. Lūdzu, mēģiniet vēlreiz vēlāk un norādiet pieprasījuma identifikatoru, ja sazināties ar mums.',
      en: 'The error has been logged. Please try again later, and quote the request id if you contact us.',
    },
  },
};

export class MalformedJsonError extends Error {
  override readonly name = 'MalformedJsonError';
}

const kindOf = (error: unknown): Kind => {
  if (isDomainError(error)) return error.kind;
  if (error instanceof MalformedJsonError) return 'malformed-json';
  // The adapters translate the store's failures into domain errors (functions/adapters/dynamo-errors.ts).
  return 'internal';
};

export const problemTypeBase = 'https://e.siva.gov.lv/problems/';

export const commonHeaders = (language: Language, requestId: string) => ({
  'cache-control': 'no-store',
  'content-language': language,
  vary: 'Accept-Language',
  'x-content-type-options': 'nosniff',
  'x-request-id': requestId,
});

export const problemResponse = (
  error: unknown,
  { language, requestId, instance }: { language: Language; requestId: string; instance: string },
): APIGatewayProxyStructuredResultV2 => {
  const kind = kindOf(error);
  const problem = problems[kind];
  const errors = isDomainError(error) ? error.violations.map((v) => localise(v, language)) : [];
  return {
    statusCode: problem.status,
    headers: {
      ...commonHeaders(language, requestId),
      'content-type': 'application/problem+json; charset=utf-8',
      ...(kind === 'service-unavailable' && { 'retry-after': '1' }),
      ...(kind === 'unauthorized' && { 'www-authenticate': 'Bearer' }),
    },
    body: JSON.stringify({
      type: `${problemTypeBase}${kind}`,
      title: problem.title[language],
      status: problem.status,
      detail: problem.detail[language],
      instance,
      requestId,
      ...(errors.length > 0 && { errors }),
      ...(isDomainError(error) && error.extensions),
    }),
  };
};

export const statusOf = (error: unknown): number => problems[kindOf(error)].status;
