/**
 * One fuzz entry per route of infra/routes.ts, keyed as API Gateway names the
 * route; routes.test.ts fails for a route without one. To add a route: name
 * its roles, give a valid request, pass the schemas its handler validates
 * with, and say whose things it may show or change (see RouteFuzz).
 */
import fc from 'fast-check';
import type * as z from 'zod/mini';
import { expect } from 'vitest';
import { ApplicationSubmission } from '../../schemas/application';
import { Decision, DocumentsSubmitted, RepresentativeConfirmation, Withdrawal } from '../../schemas/decision';
import { FailedNotificationsQuery, ReportYearPath, ResendRequest, StaffListQuery } from '../../schemas/staff';
import { EligibilityQuestion, ServiceIdPath } from '../../schemas/eligibility';
import { ApplicationIdPath, ListApplicationsQuery } from '../../schemas/lifecycle';
import { ReferralSubmission } from '../../schemas/referral';
import { referrerKinds, serviceIds } from '../../schemas/services';
import { AttachmentPath, UploadPath, UploadRequest } from '../../schemas/uploads';
import { DraftContent, DraftIdPath, DraftUploadPath, NewDraft } from '../../schemas/drafts';
import { afterMedicalRehabilitationApplication, canary, canaryContact, daysBefore, functionalImpairmentApplication, uniquePersonalCode, yearsBefore } from '../support/fixtures';
import { referralOf, validForm } from '../support/service-forms';
import { anyValue } from './support/hostile';
import type { Caller, FuzzRequest } from './support/requests';
import type { Holder, RouteFuzz, ValidRequest, World } from './support/route-fuzz';

/** Canary contact details in place of the fixtures' (the log audit looks for them). */
const withCanary = <T extends { applicant: object }>(form: T) => ({
  ...form,
  applicant: { ...form.applicant, address: canaryContact.address, phone: canary.phone, email: canary.email },
});

/** A form a citizen may file for themself. */
const citizenForm = (today: string) =>
  fc
    .tuple(
      fc.oneof(
        fc.constant(functionalImpairmentApplication(today)),
        fc.integer({ min: 1, max: 30 }).map((endedDaysAgo) => afterMedicalRehabilitationApplication(today, endedDaysAgo)),
      ),
      fc.constantFrom('lv', 'en'),
      fc.constantFrom('email', 'phone', 'post'),
    )
    .map(([form, language, contactChannel]) => withCanary({ ...form, applicant: { ...form.applicant, language, contactChannel } }));

/** A referral a municipal social service may file, for a client named with the canary's names. */
const socialServiceReferral = (today: string) =>
  fc.constantFrom('addiction-adults', 'trafficking-victims', 'long-term-care-mental-disorders').map((track) => {
    const referral = referralOf(withCanary(validForm('coordinated-services', track, today)), uniquePersonalCode(), today);
    return { ...referral, application: { ...referral.application, applicant: { ...referral.application.applicant, givenName: canary.givenName, familyName: canary.familyName } } };
  });

const decodeCursor = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Cursors nobody was given: random ones, and a real one replayed, altered or cut short. */
const forgedCursors = (genuineCursor: string) => {
  const genuine = decodeCursor(genuineCursor);
  const fields = Object.keys(genuine);
  return fc.oneof(
    fc.constant(genuineCursor),
    fc.uint8Array({ maxLength: 380 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
    fc.jsonValue({ maxDepth: 2 }).map((value) => base64url(JSON.stringify(value) ?? '')),
    fc.tuple(fc.constantFrom(...fields), anyValue).map(([field, value]) => base64url(JSON.stringify({ ...genuine, [field]: value }))),
    fc.constantFrom(...fields).map((field) => base64url(JSON.stringify({ ...genuine, [field]: undefined }))),
    fc.nat({ max: genuineCursor.length - 1 }).map((cut) => genuineCursor.slice(0, cut)),
  );
};

/** Found by this suite: a real cursor with one part emptied or left out reached DynamoDB and came back a 500. */
const brokenCursors = (as: Caller, cursor: string, query: Record<string, string> = {}) =>
  Object.keys(decodeCursor(cursor)).flatMap((field) =>
    [
      { change: 'an empty', value: '' },
      { change: 'no', value: undefined },
    ].map(({ change, value }) => ({
      label: `a cursor with ${change} ${field}`,
      parts: { as, query: { ...query, cursor: base64url(JSON.stringify({ ...decodeCursor(cursor), [field]: value })) } },
    })),
  );

/** Ids that name nothing the caller has: someone else's, and near misses of real ones. */
const othersIds = (world: World) =>
  fc
    .constantFrom(...world.owner.ids, ...world.referrer.ids)
    .chain((id) => fc.constantFrom(id, id.toUpperCase(), `${id} `, `${id}/timeline`, id.replaceAll('-', '')))
    .map((id) => ({ id }));

const holders = (world: World): Partial<Record<Caller, Holder>> => ({ owner: world.owner, referrer: world.referrer });

/** Only the holder may touch their things, by the exact id. */
const holderOnly = (request: FuzzRequest, world: World) => holders(world)[request.as]?.ids.includes(request.path?.id ?? '') ?? false;

/** A list answer holds the caller's own things only. */
const listsOwnOnly: RouteFuzz['accepted'] = (answer, request, world) => {
  const own = holders(world)[request.as]?.ids ?? [];
  for (const item of (answer.json as { items: { id: string }[] }).items) expect(own).toContain(item.id);
};

/** Staff reach every application of their services: the world's people hold all there are to name. */
const anyApplication = (request: FuzzRequest, world: World) => [...world.owner.ids, ...world.referrer.ids].includes(request.path?.id ?? '');

/** A version nobody has: the request passes every check and changes nothing (409). */
const noSuchVersion = 999_999;

/** A document type none of the world's tracks asks for: the request passes every check and stores nothing (422). */
const uploadNobodyAsksFor = { documentType: 'vdeavk-opinion', fileName: `${canary.familyName}.pdf`, contentType: 'application/pdf', size: 1000 };

/** An upload or attachment id nobody was given, on the caller's own application: 404. */
const withUnknown = (name: 'uploadId' | 'attachmentId') => (world: World, as: 'owner' | 'referrer') =>
  fc.tuple(fc.constantFrom(...world[as].ids), fc.uuid({ version: 4 })).map(([id, other]) => ({ as, path: { id, [name]: other } }));
const othersWith = (name: 'uploadId' | 'attachmentId') => (world: World) =>
  fc.tuple(othersIds(world), fc.uuid({ version: 4 })).map(([{ id }, other]) => ({ id, [name]: other }));

/** Who holds what a route acts on: the citizen their application (`owner`), the officer their organisation's referral. */
const rolesOf = { owner: ['citizen'], referrer: [...referrerKinds] } as const satisfies Record<'owner' | 'referrer', RouteFuzz['roles']>;

/** A POST on the holder's own application or referral, with a body that passes every check and changes nothing. */
const postOnOwn = (as: 'owner' | 'referrer', body: unknown, schema: z.ZodMiniType, answer: number): RouteFuzz => ({
  roles: rolesOf[as],
  valid: (world) => fc.constantFrom(...world[as].ids).map((id) => ({ as, path: { id }, body })),
  validAnswers: [answer],
  body: schema,
  path: ApplicationIdPath,
  hostilePath: othersIds,
  mayAccept: holderOnly,
});

/** A GET of an upload or an attachment nobody was given, on the holder's own application or referral: 404. */
const unknownOnOwn = (as: 'owner' | 'referrer', name: 'uploadId' | 'attachmentId'): RouteFuzz => ({
  roles: rolesOf[as],
  valid: (world) => withUnknown(name)(world, as),
  validAnswers: [404],
  path: name === 'uploadId' ? UploadPath : AttachmentPath,
  hostilePath: othersWith(name),
  mayAccept: holderOnly,
});

/** Documents reported as sent by post, at a version nobody has (409). */
const documentsByPost = { expectedVersion: noSuchVersion, documents: [{ name: 'Izziņa par ienākumiem', number: 'IZ-1', sentBy: 'post' }] };

/**
 * A draft route asked about a draft nobody has (the world holds applications, not drafts): everything passes the
 * route's checks and nothing is found (404), or, for a save without If-Match, 428; another person's application
 * id is no draft of the caller's either. tests/integration/drafts.test.ts covers real drafts.
 */
const onNoDraft = (path: z.ZodMiniType, body?: { schema: z.ZodMiniType; value: unknown }, answers: readonly number[] = [404]): RouteFuzz => ({
  roles: ['citizen'],
  valid: () =>
    fc
      .tuple(fc.uuid({ version: 7 }), fc.uuid({ version: 4 }))
      .map(([id, uploadId]): ValidRequest => ({ as: 'fresh', path: path === DraftUploadPath ? { id, uploadId } : { id }, ...(body && { body: body.value }) })),
  validAnswers: answers,
  path,
  ...(body && { body: body.schema }),
  hostilePath: (world) => othersIds(world),
  mayAccept: () => false,
});

export const fuzzRegistry: Record<string, RouteFuzz> = {
  'POST /drafts': {
    roles: ['citizen'],
    valid: () =>
      fc
        .constantFrom<Record<string, string>>(
          { serviceId: 'social-rehabilitation', track: 'functional-impairment' },
          { serviceId: 'vehicle-adaptation' },
          { serviceId: 'driving-training' },
        )
        .map((body) => ({ as: 'fresh' as const, body })),
    body: NewDraft,
  },

  'GET /drafts': { roles: ['citizen'], valid: () => fc.constant({ as: 'fresh' as const }) },
  'GET /drafts/{id}': onNoDraft(DraftIdPath),
  'PUT /drafts/{id}': onNoDraft(DraftIdPath, { schema: DraftContent, value: { serviceId: 'social-rehabilitation', applicant: { phone: canary.phone } } }, [404, 428]),
  'DELETE /drafts/{id}': onNoDraft(DraftIdPath),
  'POST /drafts/{id}/submit': onNoDraft(DraftIdPath),
  'POST /drafts/{id}/uploads': onNoDraft(DraftIdPath, { schema: UploadRequest, value: uploadNobodyAsksFor }),
  'GET /drafts/{id}/uploads/{uploadId}': onNoDraft(DraftUploadPath),

  'POST /applications': {
    roles: ['citizen'],
    valid: ({ today }) => citizenForm(today).map((body) => ({ as: 'fresh' as const, body })),
    body: ApplicationSubmission,
    idempotent: true,
    creates: 1,
  },

  'GET /applications': {
    roles: ['citizen'],
    valid: (world) =>
      fc.oneof(
        fc.record({ limit: fc.integer({ min: 1, max: 50 }).map(String) }, { requiredKeys: [] }).map((query) => ({ as: 'fresh' as const, query })),
        fc.constant({ as: 'owner' as const, query: { cursor: world.owner.cursor } }),
      ),
    query: ListApplicationsQuery,
    hostileQuery: (world) => forgedCursors(world.owner.cursor).map((cursor) => ({ cursor })),
    regressions: (world) => brokenCursors('owner', world.owner.cursor),
    accepted: listsOwnOnly,
  },

  'GET /applications/{id}': {
    roles: ['citizen'],
    valid: (world) => fc.constantFrom(...world.owner.ids).map((id) => ({ as: 'owner' as const, path: { id } })),
    path: ApplicationIdPath,
    hostilePath: othersIds,
    mayAccept: holderOnly,
  },

  'POST /referrals': {
    roles: [...referrerKinds] as RouteFuzz['roles'],
    valid: ({ today }) => socialServiceReferral(today).map((body) => ({ as: 'fresh' as const, body })),
    body: ReferralSubmission,
    idempotent: true,
    creates: 1,
  },

  'GET /referrals': {
    roles: [...referrerKinds] as RouteFuzz['roles'],
    valid: (world) =>
      fc.oneof(
        fc.record({ limit: fc.integer({ min: 1, max: 50 }).map(String) }, { requiredKeys: [] }).map((query) => ({ as: 'fresh' as const, query })),
        fc.constant({ as: 'referrer' as const, query: { cursor: world.referrer.cursor } }),
      ),
    query: ListApplicationsQuery,
    hostileQuery: (world) => forgedCursors(world.referrer.cursor).map((cursor) => ({ cursor })),
    regressions: (world) => brokenCursors('referrer', world.referrer.cursor),
    accepted: listsOwnOnly,
  },

  'GET /referrals/{id}': {
    roles: [...referrerKinds] as RouteFuzz['roles'],
    valid: (world) => fc.constantFrom(...world.referrer.ids).map((id) => ({ as: 'referrer' as const, path: { id } })),
    path: ApplicationIdPath,
    hostilePath: othersIds,
    mayAccept: holderOnly,
  },

  'POST /services/{serviceId}/eligibility': {
    roles: 'public',
    valid: ({ today }) =>
      fc
        .tuple(fc.constantFrom(...serviceIds), fc.option(fc.constantFrom(yearsBefore(today, 35), yearsBefore(today, 70), yearsBefore(today, 12)), { nil: undefined }))
        .map(([serviceId, dateOfBirth]) => ({ as: 'fresh' as const, path: { serviceId }, body: dateOfBirth ? { dateOfBirth } : {} })),
    body: EligibilityQuestion,
    path: ServiceIdPath,
    idempotent: true,
  },

  'GET /services': { roles: 'public', valid: () => fc.constant({ as: 'fresh' as const }) },

  'GET /openapi.json': { roles: 'public', valid: () => fc.constant({ as: 'fresh' as const }) },

  'POST /applications/{id}/withdrawal': {
    roles: ['citizen'],
    valid: (world) =>
      fc.constantFrom(...world.owner.ids).map((id) => ({ as: 'owner' as const, path: { id }, body: { expectedVersion: noSuchVersion, reason: canary.addressLine } })),
    validAnswers: [409],
    body: Withdrawal,
    path: ApplicationIdPath,
    hostilePath: othersIds,
    mayAccept: holderOnly,
  },

  'POST /applications/{id}/documents': postOnOwn('owner', documentsByPost, DocumentsSubmitted, 409),

  'GET /staff/applications': {
    roles: ['staff'],
    valid: (world) =>
      fc.oneof(
        fc
          .record({ serviceId: fc.constantFrom(...serviceIds), limit: fc.integer({ min: 1, max: 50 }).map(String), sort: fc.constant('date') }, { requiredKeys: ['serviceId'] })
          .map((query) => ({ as: 'fresh' as const, query })),
        fc.constant({ as: 'staff' as const, query: { serviceId: 'social-rehabilitation', cursor: world.staff.cursor } }),
      ),
    query: StaffListQuery,
    hostileQuery: (world) => forgedCursors(world.staff.cursor).map((cursor) => ({ serviceId: 'social-rehabilitation', cursor })),
    regressions: (world) => brokenCursors('staff', world.staff.cursor, { serviceId: 'social-rehabilitation' }),
  },

  'GET /staff/applications/{id}': {
    roles: ['staff'],
    valid: (world) => fc.constantFrom(...world.owner.ids, ...world.referrer.ids).map((id) => ({ as: 'fresh' as const, path: { id } })),
    path: ApplicationIdPath,
    hostilePath: othersIds,
    mayAccept: anyApplication,
  },

  'POST /staff/applications/{id}/decisions': {
    roles: ['staff'],
    valid: (world) =>
      fc
        .tuple(
          fc.constantFrom(...world.owner.ids, ...world.referrer.ids),
          fc.constantFrom<Record<string, unknown>>(
            { type: 'register' },
            { type: 'review', reason: canary.addressLine },
            { type: 'request-documents', documents: ['Izziņa'], deadline: daysBefore(world.today, -14) },
            { type: 'refuse', reason: 'Neatbilst', appeal: 'Direktoram mēneša laikā' },
          ),
        )
        .map(([id, decision]) => ({ as: 'fresh' as const, path: { id }, body: { ...decision, expectedVersion: noSuchVersion } })),
    validAnswers: [409],
    body: Decision,
    path: ApplicationIdPath,
    hostilePath: othersIds,
    mayAccept: anyApplication,
  },

  'POST /staff/applications/{id}/representative-confirmation': {
    roles: ['staff'],
    valid: (world) =>
      fc.constantFrom(...world.owner.ids, ...world.referrer.ids).map((id) => ({ as: 'fresh' as const, path: { id }, body: { expectedVersion: noSuchVersion } })),
    // The world's applications were filed by the person or by referral: nobody to confirm (422), nothing changed.
    validAnswers: [422],
    body: RepresentativeConfirmation,
    path: ApplicationIdPath,
    hostilePath: othersIds,
    mayAccept: anyApplication,
  },

  'GET /staff/notifications/failed': {
    roles: ['staff'],
    valid: () =>
      fc
        .record({ serviceId: fc.constantFrom(...serviceIds), limit: fc.integer({ min: 1, max: 50 }).map(String) }, { requiredKeys: ['serviceId'] })
        .map((query) => ({ as: 'fresh' as const, query })),
    query: FailedNotificationsQuery,
  },

  'GET /staff/notifications/lost-batches': {
    roles: ['staff'],
    valid: () =>
      fc.record({ limit: fc.integer({ min: 1, max: 50 }).map(String) }, { requiredKeys: [] }).map((query) => ({ as: 'fresh' as const, query })),
    query: ListApplicationsQuery,
  },

  'POST /staff/applications/{id}/notifications/resend': {
    roles: ['staff'],
    valid: (world) =>
      fc
        .tuple(fc.constantFrom(...world.owner.ids, ...world.referrer.ids), fc.constantFrom('applicant-confirmation', 'agency-alert'))
        .map(([id, kind]) => ({ as: 'fresh' as const, path: { id }, body: { eventId: 'no-such-event', kind } })),
    validAnswers: [409],
    body: ResendRequest,
    path: ApplicationIdPath,
    hostilePath: othersIds,
    mayAccept: anyApplication,
  },

  'GET /staff/reports/{year}': {
    roles: ['staff'],
    valid: ({ today }) => fc.integer({ min: 2020, max: Number(today.slice(0, 4)) }).map((year) => ({ as: 'fresh' as const, path: { year: String(year) } })),
    path: ReportYearPath,
  },

  'POST /applications/{id}/uploads': postOnOwn('owner', uploadNobodyAsksFor, UploadRequest, 422),

  'GET /applications/{id}/uploads/{uploadId}': unknownOnOwn('owner', 'uploadId'),

  'POST /referrals/{id}/uploads': postOnOwn('referrer', uploadNobodyAsksFor, UploadRequest, 422),

  'GET /referrals/{id}/uploads/{uploadId}': unknownOnOwn('referrer', 'uploadId'),

  'GET /staff/applications/{id}/attachments/{attachmentId}': {
    roles: ['staff'],
    valid: (world) => withUnknown('attachmentId')(world, 'owner').map((request) => ({ ...request, as: 'fresh' as const })),
    validAnswers: [404],
    path: AttachmentPath,
    hostilePath: othersWith('attachmentId'),
    mayAccept: anyApplication,
  },

  'POST /referrals/{id}/documents': postOnOwn('referrer', documentsByPost, DocumentsSubmitted, 409),

  'GET /referrals/{id}/attachments/{attachmentId}': unknownOnOwn('referrer', 'attachmentId'),
};
